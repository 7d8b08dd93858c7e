// Readers of coordinate files, routed by content from extract: every 国土 TXT variant of docs/domain.md §4 (fixtures in
// tests/fixtures/exchange), the mining-right TXT, GeoJSON and zipped Shapefiles; and the round trips
// 国土 TXT → GeoJSON → 国土 TXT (same millimetres) and GeoJSON → Shapefile → GeoJSON (same to 1e-9°).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract, type InputFile } from '../src/core/extract.js';
import { toFeatureCollection } from '../src/core/formats/geojson/toGeoJSON.js';
import { toMiningCollection } from '../src/core/formats/geojson/toMiningGeoJSON.js';
import type { ExtractResult, Parcel } from '../src/core/model/types.js';
import { gazetteInputs, repoRoot, exported, guotuText } from './helpers.js';

const fixtureDir = path.join(repoRoot, 'tests/fixtures/exchange');

function fixture(name: string): InputFile {
  return { file: name, bytes: readFileSync(path.join(fixtureDir, name)) };
}

function codes(result: ExtractResult): string[] {
  return [...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)].map((d) => d.code);
}

function one(result: ExtractResult): Parcel {
  expect(result.parcels).toHaveLength(1);
  return result.parcels[0]!;
}

/** Every non-blank line of a fixture's coordinate section is a point or the source of a diagnostic. */
function expectAllPointLinesAccounted(result: ExtractResult): void {
  expect(result.pointLines.total).toBeGreaterThan(0);
  expect(result.pointLines.inParcels + result.pointLines.inDiagnostics).toBe(result.pointLines.total);
}

let gazette: Parcel;

beforeAll(() => {
  gazette = extract(gazetteInputs()).parcels.find((p) => p.doc === '吕政发〔2022〕12号')!;
});

/** The fixtures hold 吕政发〔2022〕12号 (stated 0.0515 公顷): each variant must give back its printed points. */
function expectGazetteParcel(p: Parcel): void {
  expect(p.kind).toBe('coordinate-file');
  expect(p.zone?.epsg).toBe(4525);
  expect(p.points.map((q) => [q.x, q.y])).toEqual(gazette.points.map((q) => [q.x, q.y]));
  expect(p.closingPoint).not.toBeNull();
  expect(p.statedArea).toMatchObject({ value: 0.0515, unit: '公顷', m2: 515, decimals: 4 });
  expect(p.verification.status).toBe('match');
  expect(p.verification.computedM2).toBeCloseTo(gazette.verification.computedM2!, 6);
}

describe('国土 电子报盘 TXT variants', () => {
  it('standard file: UTF-8, [属性描述] header, 4-column points', () => {
    const r = extract([fixture('guotu-basic.txt')]);
    const p = one(r);
    expectGazetteParcel(p);
    expect(p.attributes).toMatchObject({ 地块编号: '1', 地块名称: '收回地块', 图形属性: '面' });
    expect(p.span).toEqual({ file: 'guotu-basic.txt', line: 13, endLine: 25 });
    expectAllPointLinesAccounted(r);
  });

  it('GBK with CRLF line ends', () => {
    const bytes = fixture('guotu-gbk-crlf.txt').bytes;
    expect(bytes.includes(0x0d)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = extract([fixture('guotu-gbk-crlf.txt')]);
    expect(r.inputs[0]!.encoding).toBe('gb18030');
    const p = one(r);
    expectGazetteParcel(p);
    expect(p.title).toBe('收回地块');
    expect(p.points[0]!.source.line).toBe(14);
  });

  it('UTF-16 with BOM', () => {
    const r = extract([fixture('guotu-utf16.txt')]);
    expect(r.inputs[0]!.encoding).toBe('utf-16le');
    expectGazetteParcel(one(r));
  });

  it('east-first 3-column points, 【】 brackets, extra sections, 13 block fields, area with unit, UTF-8 BOM', () => {
    const r = extract([fixture('guotu-variants-east-first.txt')]);
    const p = one(r);
    expectGazetteParcel(p);
    expect(codes(r)).toContain('import-columns-east-first');
    expect(codes(r)).not.toContain('import-line-unrecognized');
    expectAllPointLinesAccounted(r);
  });

  it('header 带号 that disagrees with the Y prefix: warns and trusts the coordinates', () => {
    const r = extract([fixture('guotu-zone-disagrees.txt')]);
    expectGazetteParcel(one(r));
    const d = r.diagnostics.find((x) => x.code === 'import-zone-disagrees')!;
    expect(d.source).toEqual({ file: 'guotu-zone-disagrees.txt', line: 9 });
    expect(d.message.zh).toContain('38');
  });

  it('unprefixed Y takes the header 带号', () => {
    expectGazetteParcel(one(extract([fixture('guotu-unprefixed.txt')])));
  });

  it('圈号 2 inside ring 1 is a hole, 圈号 3 outside is another part; area 10000 − 400 + 900 m² verified', () => {
    const r = extract([fixture('guotu-hole-and-part.txt')]);
    const p = one(r);
    expect(p.polygonRings).toEqual([[0, 1], [2]]);
    expect(p.verification.computedM2).toBeCloseTo(10500, 6);
    expect(p.verification.status).toBe('match');
    const fc = toFeatureCollection([p]);
    expect(fc.features[0]!.geometry.type).toBe('MultiPolygon');
    expect(checkGeoJSON(fc)).toEqual([]);
    const coords = fc.features[0]!.geometry.coordinates as number[][][][];
    expect(coords.map((poly) => poly.length)).toEqual([2, 1]);
    expectAllPointLinesAccounted(r);
    // Written back: the same three rings, 圈号 and closing points included.
    const txt = guotuText([p], { date: '2024-01-02' }).split('\r\n');
    expect(txt[12]).toBe('15,1.0500,HP-1,带洞与飞地的地块,面,J-49-1,工业用地,0601,@');
    expect(txt.filter((l) => /^J\d+,2,/.test(l))).toHaveLength(5);
  });

  it('a stray header line and an unreadable point line become diagnostics naming their lines', () => {
    const r = extract([fixture('guotu-problems.txt')]);
    const found = [...r.diagnostics, ...r.parcels.flatMap((p) => p.diagnostics)].map((d) => `${d.code}@${d.source?.line}`);
    expect(found).toContain('import-line-unrecognized@11');
    expect(found).toContain('point-unparsed@17');
    expect(one(r).verification.status).toBe('match');
    expectAllPointLinesAccounted(r);
  });
});

describe('mining-right TXT', () => {
  it('one block: elevation range, ellipsoidal area in km² verified against 矿区面积 (GBK, CRLF)', () => {
    const r = extract([fixture('mining-single.txt')]);
    const p = one(r);
    expect(p.kind).toBe('mining-zone');
    expect(p.elevation).toEqual({ top: 220, bottom: 100 });
    expect(p.zone?.epsg).toBe(4527);
    expect(p.verification.computedM2).toBe(p.verification.ellipsoidalM2);
    expect(p.verification.status).toBe('match');
    const [f] = toMiningCollection(r.parcels).features;
    expect(f!.properties).toMatchObject({ layer: 'mining', name: '某某石灰岩矿', area_km2: 0.25, elevation_top_m: 220, elevation_bottom_m: 100 });
    expect(toFeatureCollection(r.parcels).features).toHaveLength(0);
    expectAllPointLinesAccounted(r);
  });

  it('two blocks, the second east first: two zones with their own elevation ranges', () => {
    const r = extract([fixture('mining-two-blocks.txt')]);
    expect(r.parcels.map((p) => p.elevation)).toEqual([{ top: 220, bottom: 100 }, { top: 180, bottom: 50 }]);
    expect(r.parcels.map((p) => Number((p.verification.ellipsoidalM2! / 1e6).toFixed(4)))).toEqual([0.25, 0.04]);
    expect(codes(r)).toContain('import-columns-east-first');
    const mining = toMiningCollection(r.parcels);
    expect(checkGeoJSON(mining)).toEqual([]);
    expect(mining.features.map((f) => f.properties.block)).toEqual([1, 2]);
  });
});

function gazetteExport(format: 'txt' | 'geojson' | 'shp', crs?: 'gk' | 'wgs84'): InputFile {
  const parcels = extract(gazetteInputs()).parcels;
  return { file: `gazettes.${format}`, bytes: exported(parcels, format, { crs, date: '2024-01-02' }).bytes };
}

function positions(result: ExtractResult): number[][] {
  return toFeatureCollection(result.parcels).features.flatMap((f) => (f.geometry.coordinates as number[][][]).flat());
}

describe('round trips', () => {
  it('国土 TXT → GeoJSON → 国土 TXT: the same coordinates to the millimetre', () => {
    const txt = gazetteExport('txt');
    const first = extract([txt]);
    expect(first.parcels).toHaveLength(11);
    const geojson = { file: 'a.geojson', bytes: exported(first.parcels, 'geojson').bytes };
    const second = extract([geojson]);
    const back = new TextDecoder().decode(exported(second.parcels, 'txt', { date: '2024-01-02' }).bytes);
    const pointsOf = (text: string) => text.split('\r\n').filter((l) => /^J\d+,/.test(l));
    expect(pointsOf(back)).toEqual(pointsOf(new TextDecoder().decode(txt.bytes)));
    expect(second.parcels.every((p) => p.verification.status === 'match')).toBe(true);
  });

  it.each(['gk', 'wgs84'] as const)('GeoJSON → Shapefile (%s) → GeoJSON: the same positions to 1e-9°', (crs) => {
    const geojson = gazetteExport('geojson');
    const first = extract([geojson]);
    const zip = { file: 'b.zip', bytes: exported(first.parcels, 'shp', { crs }).bytes };
    const second = extract([zip]);
    const a = positions(first);
    const b = positions(second);
    expect(b).toHaveLength(a.length);
    b.forEach(([lon, lat], i) => {
      expect(Math.abs(lon! - a[i]![0]!)).toBeLessThan(1e-9);
      expect(Math.abs(lat! - a[i]![1]!)).toBeLessThan(1e-9);
    });
    expect(second.parcels.map((p) => p.holder)).toEqual(first.parcels.map((p) => p.holder));
    expect(second.parcels.map((p) => p.statedArea?.text)).toEqual(first.parcels.map((p) => p.statedArea?.text));
    expect(second.parcels.every((p) => p.verification.status === 'match')).toBe(true);
  });

  it('any set of parcels with Chinese names round-trips through a Shapefile (property)', () => {
    const parcelArb = fc.record({
      lon: fc.double({ min: 100, max: 120, noNaN: true }),
      lat: fc.double({ min: 20, max: 45, noNaN: true }),
      w: fc.double({ min: 1e-4, max: 1e-2, noNaN: true }),
      h: fc.double({ min: 1e-4, max: 1e-2, noNaN: true }),
      holder: fc.string({ unit: fc.constantFrom(...'吕梁市国有建设用地〔〕号，。、abc AB12-'), minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(fc.array(parcelArb, { minLength: 1, maxLength: 5 }), (specs) => {
        const features = specs.map((s) => ({
          type: 'Feature',
          properties: { holder: s.holder.trim() || '地块' },
          geometry: { type: 'Polygon', coordinates: [[[s.lon, s.lat], [s.lon + s.w, s.lat], [s.lon + s.w, s.lat + s.h], [s.lon, s.lat + s.h], [s.lon, s.lat]]] },
        }));
        const first = extract([{ file: 'p.geojson', bytes: strToU8(JSON.stringify({ type: 'FeatureCollection', features })) }]);
        const second = extract([{ file: 'p.zip', bytes: exported(first.parcels, 'shp', { crs: 'wgs84' }).bytes }]);
        expect(second.parcels.map((p) => p.holder)).toEqual(features.map((f) => f.properties.holder));
        const a = positions(first);
        const b = positions(second);
        b.forEach(([lon, lat], i) => {
          expect(Math.abs(lon! - a[i]![0]!)).toBeLessThan(1e-9);
          expect(Math.abs(lat! - a[i]![1]!)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe('Shapefile and GeoJSON input', () => {
  function withoutPrj(zip: Uint8Array): Uint8Array {
    const entries = unzipSync(zip);
    delete entries['parcels.prj'];
    return zipSync(entries);
  }

  it('a projected Shapefile without .prj is refused with a clear message', () => {
    const zip = withoutPrj(gazetteExport('shp').bytes);
    const r = extract([{ file: 'noprj.zip', bytes: zip }]);
    expect(r.parcels).toHaveLength(0);
    const d = r.diagnostics.find((x) => x.code === 'import-no-prj')!;
    expect(d.severity).toBe('error');
    expect(d.message.en).toMatch(/no \.prj.*--zone/);
  });

  it('…and read when the user names the zone', () => {
    const zip = withoutPrj(gazetteExport('shp').bytes);
    const r = extract([{ file: 'noprj.zip', bytes: zip }], { zone: { width: 3, zone: 37 } });
    expect(r.parcels).toHaveLength(11);
    expect(r.parcels.every((p) => p.zone?.epsg === 4525 && p.verification.status === 'match')).toBe(true);
  });

  it('GeoJSON without our properties: zone chosen by longitude and said so', () => {
    const geojson = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[111.1, 37.5], [111.101, 37.5], [111.101, 37.501], [111.1, 37.501], [111.1, 37.5]]] } });
    const r = extract([{ file: 'x.geojson', bytes: strToU8(geojson) }]);
    expect(one(r).zone?.epsg).toBe(4525);
    expect(codes(r)).toContain('import-zone-from-longitude');
    expect(one(r).verification.status).toBe('unstated');
  });

  it('non-polygon features and broken JSON become diagnostics', () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [111, 37] } }] });
    expect(codes(extract([{ file: 'pt.geojson', bytes: strToU8(geojson) }]))).toContain('import-feature-skipped');
    expect(codes(extract([{ file: 'bad.geojson', bytes: strToU8('{"type": "FeatureCollection", "features": [') }]))).toContain('import-unreadable');
  });

  it('extract reads every format together; mining zones stay out of the parcel layer', () => {
    const r = extract([fixture('guotu-basic.txt'), fixture('mining-single.txt'), gazetteExport('shp'), ...gazetteInputs()]);
    expect(r.parcels.filter((p) => p.kind === 'mining-zone')).toHaveLength(1);
    expect(toFeatureCollection(r.parcels).features).toHaveLength(11 + 11 + 1);
    expect(checkGeoJSON(toFeatureCollection(r.parcels))).toEqual([]);
  });
});
