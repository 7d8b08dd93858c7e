// Decoding hostile and awkward bytes: UTF-16 without a BOM (also when the text holds 一 U+4E00, 开 U+5F00 or
// 销 U+9500, whose UTF-16 has a zero byte), and stray NULs, which cost their line wherever they are while a
// binary file is still refused by proportion. The gazettes are converted with iconv, independently of the code.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/core/text/decode.js';
import { extract } from '../../src/core/extract.js';
import { gazetteInputs } from '../helpers.js';

function iconv(bytes: Uint8Array, to: string): Uint8Array {
  const run = spawnSync('iconv', ['-f', 'utf-8', '-t', to], { input: bytes, maxBuffer: 1 << 28 });
  expect(run.status).toBe(0);
  return new Uint8Array(run.stdout);
}

const gazettes = gazetteInputs();
const utf8 = new TextEncoder();

describe('UTF-16 without a BOM', () => {
  it.each(['utf-16le', 'utf-16be'])('every gazette in %s reads as the same text', (encoding) => {
    for (const g of gazettes) {
      const expected = decode(g.file, g.bytes).decoded!.text;
      const out = decode(g.file, iconv(g.bytes, encoding));
      expect(out.decoded?.encoding, g.file).toBe(encoding);
      expect(out.decoded!.text).toBe(expected);
    }
  });

  it.each(['utf-16le', 'utf-16be'])('text full of 一, 开 and 销 in %s is not taken for binary', (encoding) => {
    const text = '一开销一开销\n第一条 开支与销售\n一\n';
    const out = decode('a.txt', iconv(utf8.encode(text), encoding));
    expect(out.diagnostics.map((d) => d.code)).toEqual(['encoding-legacy']);
    expect(out.decoded!.text).toBe(text);
  });

  it('a gazette in UTF-16LE extracts the same parcels as in UTF-8', () => {
    const g = gazettes.find((x) => extract([x]).parcels.length > 0)!;
    const a = extract([g]).parcels.map((p) => p.verification.computedM2);
    const b = extract([{ file: g.file, bytes: iconv(g.bytes, 'utf-16le') }]).parcels.map((p) => p.verification.computedM2);
    expect(b).toEqual(a);
  });

  it('ASCII and UTF-8 with a stray NUL are not mistaken for UTF-16', () => {
    expect(decode('a.txt', utf8.encode('J1,1,4150000.000,37500000.000\nJ2,\u00001,4150000.000\nhello world\n')).decoded?.encoding).toBe('utf-8');
    expect(decode('b.txt', utf8.encode('吕梁市人民政府\n\u0000\n收回国有建设用地使用权')).decoded?.encoding).toBe('utf-8');
  });
});

describe('stray NULs and binary', () => {
  const g = gazettes[0]!;
  const lines = new TextDecoder().decode(g.bytes).split('\n');

  function withNulOnLine(n: number): Uint8Array {
    const copy = [...lines];
    copy[n - 1] = `${copy[n - 1]}\u0000`;
    return utf8.encode(copy.join('\n'));
  }

  it('a NUL in the first 8 KB and one after it both cost exactly their line, with a diagnostic', () => {
    const contentLineAfter = (bytes: number) => {
      let n = 1;
      while (utf8.encode(lines.slice(0, n).join('\n')).length < bytes || lines[n - 1]!.trim() === '') n++;
      return n;
    };
    const early = contentLineAfter(2000);
    const late = contentLineAfter(9000);
    for (const n of [early, late]) {
      const out = decode(g.file, withNulOnLine(n));
      expect(out.decoded, `line ${n}`).not.toBeNull();
      expect(out.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['input-control-character', n]]);
      const kept = out.decoded!.text.split('\n');
      expect(kept).toHaveLength(lines.length);
      expect(kept.filter((l, i) => l !== lines[i]!)).toEqual(['']);
    }
  });

  it('a GBK text with a stray NUL is still GBK, minus that line', () => {
    const gbk = iconv(withNulOnLine(3), 'gb18030');
    const out = decode(g.file, gbk);
    expect(out.decoded?.encoding).toBe('gb18030');
    expect(out.diagnostics.map((d) => d.code)).toEqual(['encoding-legacy', 'input-control-character']);
  });

  it('bytes with many NULs are binary, early or late in the file', () => {
    const noise = new Uint8Array(20_000).map((_, i) => (i * 7919) % 251);
    expect(decode('x.bin', noise).diagnostics.map((d) => d.code)).toEqual(['input-binary']);
    const late = new Uint8Array([...g.bytes.subarray(0, 9000), ...noise]);
    expect(decode('y.bin', late).diagnostics.map((d) => d.code)).toEqual(['input-binary']);
  });
});
