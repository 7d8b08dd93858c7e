// A datum named by a 国土 TXT header or a Shapefile .prj puts the parcel on that datum's plane: its own EPSG code,
// the same planar area, lon/lat from its own geographic CRS with a warning that the map position is approximate,
// and writers that say the same datum back. Without a named datum nothing changes: CGCS2000 and its info note.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { toGuotuTxtText } from '../../src/core/formats/guotu-txt/toGuotuTxt.js';
import { toShapefile } from '../../src/core/formats/shapefile/toShapefile.js';
import { unzipSync, zipSync } from 'fflate';
import type { ExtractResult } from '../../src/core/model/types.js';
import { cs2cs, run, shoelace } from '../helpers.js';

const POINTS = [
  [4153889.349, 37512090.648],
  [4153897.647, 37512121.34],
  [4153880.043, 37512125.01],
  [4153876.3, 37512103.66],
] as const;

function guotu(datumLine: string | null): string {
  const header = ['[属性描述]', ...(datumLine === null ? [] : [`坐标系=${datumLine}`]), '几度分带=3', '带号=37', '[地块坐标]'];
  const pts = [...POINTS, POINTS[0]].map(([x, y], i) => `J${(i % POINTS.length) + 1},1,${x.toFixed(3)},${y.toFixed(3)}`);
  return [...header, `5,0.0500,1,地块,面,,,,@`, ...pts].join('\n') + '\n';
}

function read(text: string, file = 'parcel.txt'): ExtractResult {
  return extract([{ file, bytes: new TextEncoder().encode(text) }]);
}

const codes = (r: ExtractResult) => [...r.diagnostics, ...r.parcels.flatMap((p) => p.diagnostics)].map((d) => d.code);

describe('a datum named in a 国土 TXT header', () => {
  it.each([
    ['1980西安坐标系', 'Xian80', 2361, 4610],
    ['西安80', 'Xian80', 2361, 4610],
    ['1954年北京坐标系', 'Beijing54', 2413, 4214],
    ['北京54坐標系', 'Beijing54', 2413, 4214],
  ] as const)('坐标系=%s puts the parcel on %s, EPSG:%d, drawn from EPSG:%d', async (words, datum, epsg, geographic) => {
    const r = read(guotu(words));
    const p = r.parcels[0]!;
    expect(p.datum).toBe(datum);
    expect(p.zone).toEqual({ width: 3, zone: 37, centralMeridian: 111, epsg, prefixed: true, datum });
    // The plane's numbers are the printed ones: the same shoelace on every datum.
    expect(p.verification.computedM2!).toBeCloseTo(shoelace(POINTS.map(([x, y]) => ({ x, y }))), 6);
    const fromProj = await cs2cs(epsg, geographic, POINTS.map(([x, y]) => [x, y]));
    p.pointLonLat!.forEach(([lon, lat], i) => {
      expect(Math.abs(lon - fromProj[i]![1])).toBeLessThan(1e-9);
      expect(Math.abs(lat - fromProj[i]![0])).toBeLessThan(1e-9);
    });
    const warning = p.diagnostics.find((d) => d.code === 'datum-position-approximate')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message.zh).toContain(`EPSG:${epsg}`);
    expect(warning.message.zh).toMatch(/近似/);
    expect(warning.message.en).toMatch(/approximate, typically .*metres/);
    expect(codes(r)).not.toContain('zone-assumed-cgcs2000');
  });

  it('is never read as CGCS2000: the Xian 1980 position differs from the CGCS2000 one', () => {
    const xian = read(guotu('1980西安坐标系')).parcels[0]!;
    const cgcs = read(guotu('2000国家大地坐标系')).parcels[0]!;
    expect(cgcs.zone!.epsg).toBe(4525);
    expect(cgcs.zone).not.toHaveProperty('datum');
    expect(xian.pointLonLat![0]).not.toEqual(cgcs.pointLonLat![0]);
    expect(codes(read(guotu('2000国家大地坐标系')))).not.toContain('datum-position-approximate');
  });

  it('keeps the CGCS2000 assumption and its info note when the header names no datum', () => {
    const r = read(guotu(null));
    expect(r.parcels[0]!.datum).toBeUndefined();
    expect(r.parcels[0]!.zone!.epsg).toBe(4525);
    expect(codes(r)).toContain('zone-assumed-cgcs2000');
    expect(codes(r)).not.toContain('datum-position-approximate');
  });

  it('writes the datum back: 国土 TXT header, Shapefile .prj in the datum’s zone that GDAL reads as Xian 1980', async () => {
    const p = read(guotu('1980西安坐标系')).parcels;
    expect(toGuotuTxtText(p, { date: '2024-01-01' })).toContain('坐标系=1980西安坐标系\r\n');
    const files = unzipSync(toShapefile(p));
    const prj = new TextDecoder().decode(files['parcels.prj']!);
    expect(prj).toBe((await run('projinfo', ['EPSG:2361', '-o', 'WKT1_ESRI', '-q'])).stdout.trim());
    // Read back: the .prj names the datum, so the record is Xian 1980 again, on the same grid.
    const back = extract([{ file: 'back.zip', bytes: toShapefile(p) }]).parcels[0]!;
    expect(back.datum).toBe('Xian80');
    expect(back.zone!.epsg).toBe(2361);
    expect(back.points[0]!.x).toBeCloseTo(POINTS[0][0], 6);
    expect(back.points[0]!.y).toBeCloseTo(POINTS[0][1], 6);
  });

  it('reads a Beijing 1954 lon/lat Shapefile on Beijing 1954 zones', () => {
    const p = read(guotu('1954北京坐标系')).parcels;
    const zip = toShapefile(p, { crs: 'wgs84' });
    const files = unzipSync(zip);
    // A WGS 84 export says WGS 84; swap in the Beijing 1954 .prj a producer would have written.
    files['parcels.prj'] = new TextEncoder().encode(
      'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
    );
    const back = extract([{ file: 'bj.zip', bytes: zipSync(files) }]).parcels[0]!;
    expect(back.datum).toBe('Beijing54');
    expect(back.zone!.epsg).toBe(2413);
    expect(back.points[0]!.x).toBeCloseTo(POINTS[0][0], 4);
    expect(back.points[0]!.y).toBeCloseTo(POINTS[0][1], 4);
  });
});
