// RFC 7946 output: the checker itself (it must catch what generic validators miss), the collection written
// from the gazettes (valid, ≥ 9 decimals, every property a record carries), and GDAL reading the CLI's file
// with its Chinese attributes intact.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract } from '../src/core/extract.js';
import { toFeatureCollection } from '../src/core/formats/geojson/toGeoJSON.js';
import type { ExtractResult } from '../src/core/model/types.js';
import { ensureCliBuilt, gazetteInputs, jiezhi, run } from './helpers.js';

// A 0.001° square, counter-clockwise, and a hole inside it, clockwise.
const CCW = [
  [111.1, 37.5],
  [111.101, 37.5],
  [111.101, 37.501],
  [111.1, 37.501],
  [111.1, 37.5],
];
const HOLE_CW = [
  [111.1002, 37.5002],
  [111.1002, 37.5004],
  [111.1004, 37.5004],
  [111.1004, 37.5002],
  [111.1002, 37.5002],
];
const reversed = (ring: number[][]) => [...ring].reverse();

function polygonFeature(rings: number[][][], extra: Record<string, unknown> = {}) {
  return { type: 'Feature', properties: { name: '测试' }, geometry: { type: 'Polygon', coordinates: rings }, ...extra };
}
function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

describe('checkGeoJSON', () => {
  it('passes a correct collection: CCW exterior, CW hole, MultiPolygon, Point, null geometry', () => {
    const good = collection(
      polygonFeature([CCW, HOLE_CW]),
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[CCW], [CCW.map(([x, y]) => [x! + 0.01, y!])]] } },
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [111.1, 37.5, 800] } },
      { type: 'Feature', properties: {}, geometry: null },
    );
    expect(checkGeoJSON(good)).toEqual([]);
  });

  it('flags a clockwise exterior ring', () => {
    const problems = checkGeoJSON(collection(polygonFeature([reversed(CCW)])));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'features[0].geometry.coordinates[0]', message: expect.stringMatching(/clockwise/) });
  });

  it('flags a counter-clockwise hole', () => {
    const problems = checkGeoJSON(collection(polygonFeature([CCW, reversed(HOLE_CW)])));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'features[0].geometry.coordinates[1]', message: expect.stringMatching(/hole/) });
  });

  it('flags a clockwise exterior ring inside a MultiPolygon', () => {
    const g = { type: 'MultiPolygon', coordinates: [[CCW], [reversed(CCW)]] };
    expect(checkGeoJSON(g).map((p) => p.path)).toEqual(['coordinates[1][0]']);
  });

  it('flags an unclosed ring', () => {
    const open = [...CCW.slice(0, 4), [111.1, 37.5005]];
    const problems = checkGeoJSON(collection(polygonFeature([open])));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/not closed/));
  });

  it('flags a ring of fewer than 4 positions', () => {
    const three = [CCW[0]!, CCW[1]!, CCW[0]!];
    const problems = checkGeoJSON(collection(polygonFeature([three])));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/3 positions; at least 4/));
  });

  it.each([
    ['longitude > 180', [181, 37.5], /longitude 181/],
    ['longitude < -180', [-180.5, 37.5], /longitude -180.5/],
    ['latitude > 90', [111.1, 90.5], /latitude 90.5/],
    ['latitude < -90', [111.1, -91], /latitude -91/],
    ['a swapped pair (lat, lon)', [37.5, 111.1], /latitude 111.1/],
  ])('flags %s', (_name, position, message) => {
    const problems = checkGeoJSON(collection({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: position } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'features[0].geometry.coordinates', message: expect.stringMatching(message) });
  });

  it('flags out-of-range positions inside a polygon ring', () => {
    const projected = CCW.map(([lon, lat]) => [lon! * 1e5, lat! * 1e5]);
    expect(checkGeoJSON(polygonFeature([projected])).length).toBeGreaterThanOrEqual(4);
  });

  it('flags a crs member on the collection, a feature or a geometry', () => {
    const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } };
    expect(checkGeoJSON({ ...collection(polygonFeature([CCW])), crs }).map((p) => p.path)).toEqual(['crs']);
    expect(checkGeoJSON(collection(polygonFeature([CCW], { crs }))).map((p) => p.path)).toEqual(['features[0].crs']);
    expect(checkGeoJSON({ type: 'Polygon', coordinates: [CCW], crs }).map((p) => p.path)).toEqual(['crs']);
    expect(checkGeoJSON(polygonFeature([CCW], { crs })).map((p) => p.path)).toEqual(['crs']);
  });

  it('flags malformed structure rather than throwing, by both validators', () => {
    const cases: unknown[] = [
      [],
      { type: 'FeatureCollection' },
      collection({ type: 'Feature', properties: {} }),
      { type: 'Polygon', coordinates: [[[111, 'x'], [1, 2]]] },
      { type: 'Hexagon', coordinates: [] },
    ];
    for (const value of cases) {
      const problems = checkGeoJSON(value);
      expect(problems.filter((p) => !p.message.startsWith('geojson-validation:')).length, JSON.stringify(value)).toBeGreaterThan(0);
      expect(problems.filter((p) => p.message.startsWith('geojson-validation:')).length, JSON.stringify(value)).toBeGreaterThan(0);
    }
    expect(checkGeoJSON(null)).toHaveLength(1);
  });
});

describe('the gazette collection', () => {
  let result: ExtractResult;
  let fc: ReturnType<typeof toFeatureCollection>;
  beforeAll(() => {
    result = extract(gazetteInputs());
    fc = toFeatureCollection(result.parcels);
  });

  it('has the 11 parcels and passes checkGeoJSON with no problems, also after a JSON round trip', () => {
    expect(fc.features).toHaveLength(11);
    expect(checkGeoJSON(fc)).toEqual([]);
    expect(checkGeoJSON(JSON.parse(JSON.stringify(fc)))).toEqual([]);
    expect('crs' in fc).toBe(false);
  });

  it('keeps ≥ 9 decimals: every position within 1e-9° of the unrounded ring, and not coarser', () => {
    let coarse = 0;
    let positions = 0;
    for (const f of fc.features) {
      const p = result.parcels.find((q) => q.id === f.id)!;
      // Every gazette parcel is one ring without holes.
      expect(f.geometry.type).toBe('Polygon');
      const ring = (f.geometry.coordinates as [number, number][][])[0]!;
      expect(f.geometry.coordinates).toHaveLength(1);
      expect(ring).toHaveLength(p.lonLatRing!.length);
      ring.forEach(([lon, lat], i) => {
        const [uLon, uLat] = p.lonLatRing![i]!;
        expect(Math.abs(lon - uLon)).toBeLessThan(1e-9);
        expect(Math.abs(lat - uLat)).toBeLessThan(1e-9);
        positions++;
        if (Math.abs(lon - Number(uLon.toFixed(8))) < 1e-12 && Math.abs(lat - Number(uLat.toFixed(8))) < 1e-12) coarse++;
      });
    }
    expect(positions).toBe(293);
    // A collection rounded to 8 decimals would put every position there.
    expect(coarse).toBeLessThan(positions / 10);
  });

  it('carries every property a record carries on every feature, with the values of the record', () => {
    const names = [
      'id', 'doc', 'title', 'date', 'holder', 'location', 'four_sides', 'stated_area_m2', 'stated_area_text', 'computed_area_m2',
      'ellipsoidal_area_m2', 'delta_m2', 'tolerance_m2', 'status', 'epsg', 'zone', 'point_count', 'source',
    ];
    for (const f of fc.features) {
      for (const n of names) expect(f.properties, `${f.id} ${n}`).toHaveProperty(n);
      const p = result.parcels.find((q) => q.id === f.id)!;
      const props = f.properties;
      expect(props.id).toBe(f.id);
      expect(props.doc).toBe(p.doc);
      expect(props.holder).toBe(p.holder);
      expect(props.status).toBe('match');
      expect(props.epsg).toBe(4525);
      expect(props.zone).toBe(37);
      expect(props.point_count).toBe(p.points.length);
      expect(props.stated_area_m2).toBe(p.statedArea!.m2);
      expect(props.stated_area_text).toMatch(/^\d+(\.\d+)? 平方米$/);
      expect(Math.abs(props.computed_area_m2! - p.verification.computedM2!)).toBeLessThanOrEqual(5e-5);
      expect(Math.abs(props.delta_m2! - (props.computed_area_m2! - props.stated_area_m2!))).toBeLessThanOrEqual(1e-4);
      expect(props.tolerance_m2!).toBeGreaterThan(Math.abs(props.delta_m2!));
      expect(props.ellipsoidal_area_m2!).toBeGreaterThan(0);
      expect(props.date).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(props.source).toMatch(/^data\/gazettes\/00[02]_[0-9a-f]+\.txt:\d+-\d+$/);
    }
    const nine = fc.features.find((f) => f.id === '吕政发〔2022〕9号')!.properties;
    expect(nine.holder).toBe('吕梁物资产业集团有限公司');
    expect(nine.point_count).toBe(39);
    expect(nine.stated_area_text).toBe('7416.9 平方米');
  });
});

describe('GDAL reads the CLI output', () => {
  let out: string;
  let file: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    out = mkdtempSync(path.join(tmpdir(), 'jiezhi-geojson-'));
    const r = await jiezhi(['extract', 'data/gazettes', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    file = path.join(out, 'parcels.geojson');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('ogrinfo -al -so: 11 polygon features in WGS 84 with the record fields', async () => {
    const r = await run('ogrinfo', ['-ro', '-al', '-so', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Feature Count: 11$/m);
    expect(r.stdout).toMatch(/^Geometry: Polygon$/m);
    expect(r.stdout).toMatch(/WGS 84|EPSG",?\s*4326/);
    for (const field of ['holder', 'doc', 'location', 'four_sides', 'stated_area_m2', 'computed_area_m2', 'status', 'point_count']) {
      expect(r.stdout).toMatch(new RegExp(`^${field}: `, 'm'));
    }
    // Extent within the gazette area (docs/gazettes.md §4: lon ≈ 111.1344–111.1589, lat ≈ 37.5157–37.6263).
    const m = /^Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)$/m.exec(r.stdout);
    expect(m).not.toBeNull();
    const [w, s, e, n] = m!.slice(1).map(Number) as [number, number, number, number];
    expect(Math.abs(w - 111.1344)).toBeLessThan(1e-3);
    expect(Math.abs(e - 111.1589)).toBeLessThan(1e-3);
    expect(Math.abs(s - 37.5157)).toBeLessThan(1e-3);
    expect(Math.abs(n - 37.6263)).toBeLessThan(1e-3);
  });

  it('ogrinfo -al: the Chinese holder, doc and location of every feature byte for byte', async () => {
    const r = await run('ogrinfo', ['-ro', '-al', file]);
    expect(r.code, r.stderr).toBe(0);
    const blocks = r.stdout.split(/^OGRFeature\([^)]*\):\d+$/m).slice(1);
    const written = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof toFeatureCollection>;
    expect(blocks).toHaveLength(written.features.length);
    expect(blocks).toHaveLength(11);
    const field = (block: string, name: string) => {
      const m = new RegExp(`^  ${name} \\(String\\) = (.*)$`, 'm').exec(block);
      return m ? m[1] : undefined;
    };
    written.features.forEach((f, i) => {
      for (const name of ['holder', 'doc', 'location'] as const) {
        const fromGdal = field(blocks[i]!, name);
        expect(fromGdal, `${f.id} ${name}`).toBeDefined();
        expect(Buffer.from(fromGdal!, 'utf8').equals(Buffer.from(f.properties[name]!, 'utf8')), `${f.id} ${name}: ${fromGdal}`).toBe(true);
      }
      expect(blocks[i]).toMatch(/POLYGON \(\(111\.\d+ 37\.\d+/);
    });
    expect(r.stdout).toContain('吕梁市离石区工业和信息化局(离石区国资局)');
  });
});
