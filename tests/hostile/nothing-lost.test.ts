// Nothing lost silently: an unclosed GeoJSON ring keeps every vertex, a coordinate no double holds is named as
// such, and the DBF writer says when it cuts a text to 254 bytes or replaces a control character.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { readDbf, writeDbf } from '../../src/core/formats/shapefile/dbf.js';
import { toShapefile } from '../../src/core/formats/shapefile/toShapefile.js';
import { geojsonPolygon } from './build.js';

// About 111 m × 111 m at 111° E, 37.5° N (3° zone 37).
const RING = [
  [111.0, 37.5],
  [111.001, 37.5],
  [111.001, 37.501],
  [111.0, 37.501],
];

describe('GeoJSON rings', () => {
  it('an unclosed ring keeps its 4 vertices, is closed, and says so', () => {
    const open = extract([{ file: 'open.geojson', bytes: strToU8(geojsonPolygon(RING)) }]);
    const closed = extract([{ file: 'closed.geojson', bytes: strToU8(geojsonPolygon([...RING, RING[0]!])) }]);
    expect(open.parcels[0]!.points).toHaveLength(4);
    expect(open.parcels[0]!.verification.computedM2).toBeCloseTo(closed.parcels[0]!.verification.computedM2!, 6);
    const d = open.diagnostics.find((x) => x.code === 'ring-not-closed')!;
    expect(d.source).toEqual({ file: 'open.geojson', line: 0, feature: 1 });
    expect(closed.diagnostics.map((x) => x.code)).not.toContain('ring-not-closed');
  });

  it('1e309 (Infinity to JSON.parse) is a coordinate that is not a finite number, naming the feature', () => {
    const text = geojsonPolygon([...RING, RING[0]!]).replace('37.501', '1e309');
    const r = extract([{ file: 'inf.geojson', bytes: strToU8(text) }]);
    const d = r.diagnostics.find((x) => x.code === 'import-coordinate-not-finite')!;
    expect(d.message.en).toBe('the coordinate Infinity is not a finite number; the feature was not read as a parcel');
    expect(d.source).toEqual({ file: 'inf.geojson', line: 0, feature: 1 });
    expect(r.diagnostics.map((x) => x.code)).not.toContain('import-feature-skipped');
  });
});

describe('TXT coordinates beyond double precision', () => {
  it('a 400-digit number in a 国土 TXT is named on its line', () => {
    const text = ['[属性描述]', '坐标系=2000国家大地坐标系', '[地块坐标]', '4,10000,1,A,面,,,,@', 'J1,1,4150000.000,37500000.000', `J2,1,${'9'.repeat(400)},37500100.000`, 'J3,1,4150100.000,37500100.000', 'J1,1,4150000.000,37500000.000'].join('\n');
    const r = extract([{ file: 'huge.txt', bytes: strToU8(text) }]);
    const d = r.diagnostics.find((x) => x.code === 'import-coordinate-not-finite')!;
    expect(d.source).toEqual({ file: 'huge.txt', line: 6 });
    expect(d.message.zh).toMatch(/^坐标 9{24}… 不是有限数值/);
  });
});

describe('DBF writer', () => {
  const fields = [{ name: 'HOLDER', type: 'C' as const }];

  it('a text over 254 bytes is cut on a UTF-8 character boundary with a warning naming record and field', () => {
    const long = '吕梁市'.repeat(40); // 360 bytes
    const { bytes, diagnostics } = writeDbf(fields, [['短'], [long]]);
    expect(diagnostics.map((d) => d.message.en)).toEqual(['record 2, field HOLDER: the text is 360 bytes, over the DBF limit of 254; cut at a character boundary to 252 bytes']);
    const back = readDbf(bytes, 'UTF-8', 't.dbf').rows[1]!.HOLDER as string;
    expect(back).toBe(long.slice(0, 84));
    expect(back).not.toContain('\ufffd');
  });

  it('a NUL or other control character inside a value becomes a space, with a warning', () => {
    const { bytes, diagnostics } = writeDbf(fields, [['甲\u0000乙\u0007丙']]);
    expect(diagnostics.map((d) => d.message.en)).toEqual(['record 1, field HOLDER contains a control character (U+0000); it was replaced by a space']);
    expect(readDbf(bytes, 'UTF-8', 't.dbf').rows[0]!.HOLDER).toBe('甲 乙 丙');
  });

  it('toShapefile returns the writer’s diagnostics with the parcel’s source', () => {
    const r = extract([{ file: 'closed.geojson', bytes: strToU8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { holder: '某'.repeat(100) }, geometry: { type: 'Polygon', coordinates: [[...RING, RING[0]!]] } }] })) }]);
    const written = toShapefile(r.parcels);
    expect(written.bytes).not.toBeNull();
    expect(written.diagnostics.map((d) => [d.code, d.source?.file])).toEqual([['export-text-cut', 'closed.geojson']]);
  });
});
