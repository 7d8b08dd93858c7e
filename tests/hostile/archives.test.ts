// Zip bombs and lying zips: only the entries a format needs are inflated, declared sizes are checked against
// archiveBytes before inflating, and the bytes actually inflated are counted while streaming. A .docx is
// checked the same way, with its XML elements counted, before mammoth unpacks it.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/core/formats/docx/checkDocx.js';
import { extract } from '../../src/core/extract.js';
import { prepareInput } from '../../src/cli/readDocuments.js';
import { docx, shapefileParts, zipShapefile } from './build.js';

const parts = shapefileParts(2);
const MB = 1e6;

/** The central-directory header of `name` in a zip written by fflate (no comment, no zip64). */
function centralHeader(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 46, at + 46 + length)) === name) return at;
  }
  throw new Error(`no ${name}`);
}

function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(centralHeader(out, name) + 24, size, true);
  return out;
}

describe('zip bombs in a Shapefile', () => {
  it('an unrelated entry that expands to 64 MB is never inflated', () => {
    const zip = zipShapefile(parts, { 'bomb.bin': [new Uint8Array(64 * MB), { level: 9 }] });
    expect(zip.length).toBeLessThan(MB);
    const r = extract([{ file: 'bomb.zip', bytes: zip }], { limits: { archiveBytes: 1 * MB } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.parcels).toHaveLength(2);
  });

  it('a .dbf declared larger than archiveBytes is refused before inflating', () => {
    const zip = zipShapefile({ ...parts, dbf: new Uint8Array(8 * MB) });
    const r = extract([{ file: 'bomb.zip', bytes: zip }], { limits: { archiveBytes: 1 * MB } });
    const d = r.diagnostics.find((x) => x.code === 'limit-exceeded')!;
    expect(d.message.en).toMatch(/^resource limit reached: the bytes inflated from the archive is 8\d{6}, the limit is 1000000; reading stopped$/);
    expect(d.message.zh).toContain('压缩包解压后的字节数');
    expect(r.parcels).toHaveLength(0);
  });

  it('a .dbf that lies about its size is stopped by the bytes actually inflated', () => {
    const zip = lieAboutSize(zipShapefile({ ...parts, dbf: new Uint8Array(64 * MB) }), 'parcels.dbf', 1000);
    const r = extract([{ file: 'liar.zip', bytes: zip }], { limits: { archiveBytes: 1 * MB } });
    const d = r.diagnostics.find((x) => x.code === 'limit-exceeded')!;
    // Stopped within one push of the inflater past the limit, not at the 64 MB the entry holds.
    const inflated = Number(/is (\d+),/.exec(d.message.en)![1]);
    expect(inflated).toBeGreaterThan(1 * MB);
    expect(inflated).toBeLessThan(3.2 * MB);
  });

  it('more entries than archiveEntries is refused from the directory alone', () => {
    const extra = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`x${i}.txt`, strToU8('x')]));
    const r = extract([{ file: 'many.zip', bytes: zipShapefile(parts, extra) }], { limits: { archiveEntries: 20 } });
    expect(r.diagnostics.map((d) => d.message.en)).toContain('resource limit reached: the number of archive entries is 55, the limit is 20; reading stopped');
  });

  it('a directory pointing past the end of the zip is a corrupt-file error', () => {
    const zip = zipShapefile(parts);
    const cut = zip.slice(0, zip.length - 30);
    const r = extract([{ file: 'cut.zip', bytes: cut }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['import-corrupt']);
  });
});

describe('Word documents under the archive and XML limits', () => {
  it('a small document passes and is read', async () => {
    const bytes = docx(['吕政发〔2022〕15号', '收回国有建设用地使用权的决定']);
    expect(checkDocx('a.docx', bytes)).toEqual({ docx: true, problem: null });
    const input = await prepareInput('a.docx', bytes);
    expect('text' in input && input.text?.content).toContain('吕政发〔2022〕15号');
  });

  it('a zipped Shapefile is no docx', () => {
    expect(checkDocx('p.zip', zipShapefile(parts))).toEqual({ docx: false });
  });

  it('a document.xml of 200 000 paragraphs is refused by the element count before mammoth sees it', async () => {
    const bytes = docx(Array.from({ length: 200_000 }, () => '第'));
    expect(bytes.length).toBeLessThan(MB);
    const started = performance.now();
    const check = checkDocx('bomb.docx', bytes, { xmlElements: 100_000 });
    expect(check.docx && check.problem?.message.en).toMatch(/^resource limit reached: the number of XML elements is 600\d{3}, the limit is 100000; reading stopped$/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('…and by the inflated bytes when they are over archiveBytes, also through the CLI shell', async () => {
    const bytes = docx(Array.from({ length: 200_000 }, () => '第'));
    const check = checkDocx('bomb.docx', bytes, { archiveBytes: 1 * MB });
    expect(check.docx && check.problem?.code).toBe('limit-exceeded');
    const input = await prepareInput('bomb.docx', bytes, { archiveBytes: 1 * MB });
    expect(input).toMatchObject({ diagnostic: { code: 'limit-exceeded', source: { file: 'bomb.docx' }, message: { en: expect.stringMatching(/^resource limit reached: the bytes inflated from the archive/) } } });
  });

  it('a docx whose document.xml lies about its size is stopped while inflating', () => {
    const bytes = lieAboutSize(docx(Array.from({ length: 400_000 }, () => '第')), 'word/document.xml', 100);
    const check = checkDocx('liar.docx', bytes, { archiveBytes: 1 * MB });
    const inflated = Number(/the bytes inflated from the archive is (\d+),/.exec(check.docx ? (check.problem?.message.en ?? '') : '')?.[1]);
    expect(inflated).toBeGreaterThan(1 * MB);
    expect(inflated).toBeLessThan(3.2 * MB);
  });
});

describe('zip entries read back', () => {
  it('stored and deflated entries read back byte for byte', () => {
    const zip = zipSync({ 'p.shp': [parts.shp, { level: 0 }], 'p.dbf': [parts.dbf, { level: 9 }], 'p.prj': parts.prj });
    const r = extract([{ file: 'mixed.zip', bytes: zip }]);
    expect(r.parcels.map((p) => p.attributes?.NAME)).toEqual(['地块1', '地块2']);
  });
});
