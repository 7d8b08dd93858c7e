// Exit 2 for every input that cannot be read, with or without --strict, with the reason in one line; a truncated
// Word document is reported as one; usage errors are 2 as well, never commander's 1.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOC10, docxWithPointTable, jiezhi, scratchFolder } from '../helpers.js';
import { STACK } from './harness.js';

const scratch = scratchFolder('jiezhi-exit-');
const write = scratch.write;

describe('unreadable coordinate files and documents exit 2, also with --strict', () => {
  const docx = docxWithPointTable(DOC10);
  const cases: [string, () => string, RegExp][] = [
    ['a corrupt Shapefile', () => write('broken.zip', zipSync({ 'a.shp': new Uint8Array(120).fill(7), 'a.dbf': new Uint8Array(40), 'a.shx': new Uint8Array(10) })), /broken\.zip:0: error import-corrupt: .*a\.shp.*Shapefile/],
    ['invalid GeoJSON', () => write('broken.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"'), /broken\.geojson:0: error import-unreadable: .*GeoJSON/],
    ['a truncated Word document', () => write('cut.docx', docx.slice(0, Math.floor(docx.length * 0.6))), /cut\.docx:0: error input-document-unreadable: .*\(the Word document cannot be read: /],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const file = make();
    for (const args of [['verify', file], ['verify', file, '--strict'], ['extract', file, '--out', scratch.at('out'), '--strict']]) {
      const r = await jiezhi(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/Shapefile/.test(message.source) ? /Word/ : /Shapefile/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('the whole Word document is read (the truncated one fails for being cut, not for being Word)', async () => {
    const r = await jiezhi(['verify', write('whole.docx', docx), '--strict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^吕政发〔2022〕10号.*match$/m);
  });

  it('convert writes nothing when an input cannot be read', async () => {
    const out = scratch.at('partial.geojson');
    const r = await jiezhi(['convert', write('doc10.txt', DOC10), write('bad.geojson', '{"type":"FeatureCollection","features":['), '--to', 'geojson', '--out', out]);
    expect(r.code).toBe(2);
    expect(() => readFileSync(out)).toThrow();
  });

  it('convert with nothing to write is exit 2 with the reason', async () => {
    const r = await jiezhi(['convert', write('no-points.txt', '没有坐标的文本\n'), '--to', 'geojson', '--out', scratch.at('empty.geojson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/export-no-geometry: .*no parcel with geometry to write/);
  });
});

describe('usage errors', () => {
  it.each([
    [['verify', '--bogus', 'x']],
    [['extract', 'data/gazettes']],
    [['transform', '--from', 'EPSG:1', '--to', 'EPSG:4490']],
    [['nonsense']],
  ])('jiezhi %j exits 2 without a stack', async (args) => {
    const r = await jiezhi(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('--help is exit 0', async () => {
    const r = await jiezhi(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: jiezhi/);
  });
});
