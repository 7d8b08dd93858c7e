// The Xian 1980 and Beijing 1954 Gauss–Krüger codes against PROJ's database: every code's name, zone and
// definition from `projinfo`, every conversion between the grid and the datum's own lon/lat against `cs2cs`.
import { beforeAll, describe, expect, it } from 'vitest';
import { DATUMS, datumOfEpsg, epsgForZone, proj4Definition, zoneFromEpsg } from '../../src/core/geodesy/crs.js';
import { inferZone } from '../../src/core/geodesy/inferZone.js';
import { projectToGrid, projectToLonLat } from '../../src/core/geodesy/project.js';
import type { Datum, ZoneInfo } from '../../src/core/model/types.js';
import { cs2cs, run } from '../helpers.js';

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const CODES: Record<'Xian80' | 'Beijing54', number[]> = {
  Xian80: range(2327, 2390),
  Beijing54: [...range(2401, 2442), ...range(21413, 21423), ...range(21453, 21463)],
};
const ALL = [...CODES.Xian80, ...CODES.Beijing54];
const DATUM_WORDS: Record<string, string> = { Xian80: 'Xian 1980', Beijing54: 'Beijing 1954' };

function zone(epsg: number): ZoneInfo {
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`EPSG:${epsg} is not in the catalogue`);
  return z;
}

/** What EPSG's own name says about the zone: "… 3-degree Gauss-Kruger zone 37" or "… CM 111E". */
function zoneFromName(name: string): { width: 3 | 6; zone?: number; cm?: number } {
  const width = /3-degree/.test(name) ? 3 : 6;
  const zoneNo = /zone (\d+)$/.exec(name);
  if (zoneNo) return { width, zone: Number(zoneNo[1]) };
  const cm = /CM (\d+)E$/.exec(name);
  return { width, cm: Number(cm![1]) };
}

describe('Xian 1980 and Beijing 1954 EPSG catalogue', () => {
  // The list leaves out deprecated codes, so a code EPSG has replaced shows up as missing.
  it('names each code as PROJ does: datum, width, zone or central meridian, none deprecated', async () => {
    const list = await run('projinfo', ['--list-crs', 'projected']);
    const names = new Map(list.stdout.split('\n').map((l) => /^EPSG:(\d+) "(.*)"$/.exec(l)).filter((m) => m !== null).map((m) => [Number(m[1]), m[2]!]));
    ALL.forEach((c) => {
      const json = { name: names.get(c) ?? `EPSG:${c} missing from PROJ` };
      const z = zone(c);
      expect(json.name.startsWith(`${DATUM_WORDS[z.datum!]} / `), `EPSG:${c} ${json.name}`).toBe(true);
      const fromName = zoneFromName(json.name);
      expect(z.width, json.name).toBe(fromName.width);
      // Prefixed codes name the zone, unprefixed ones the central meridian.
      if (fromName.cm !== undefined) expect(z.centralMeridian, json.name).toBe(fromName.cm);
      else expect(z.zone, json.name).toBe(fromName.zone);
      expect(/zone \d+$/.test(json.name), json.name).toBe(z.prefixed);
    });
  });

  it('generates the definitions PROJ has for every code and for EPSG:4610 and 4214', async () => {
    const codes = [4610, 4214, ...ALL];
    const fromProj = await Promise.all(codes.map((c) => run('projinfo', ['-o', 'PROJ', '-q', `EPSG:${c}`])));
    codes.forEach((c, i) => expect(`${proj4Definition(c)} +type=crs`, `EPSG:${c}`).toBe(fromProj[i]!.stdout.trim()));
  });

  it('maps width, zone, prefix and datum to the code and back', () => {
    for (const datum of ['Xian80', 'Beijing54'] as const) {
      for (const c of CODES[datum]) {
        const z = zone(c);
        expect(z.datum).toBe(datum);
        expect(datumOfEpsg(c)).toBe(datum);
        expect(epsgForZone(z.width, z.zone, z.prefixed, datum)).toBe(c);
      }
    }
    expect(zoneFromEpsg(4525)).not.toHaveProperty('datum');
    expect(datumOfEpsg(4525)).toBe('CGCS2000');
    expect(datumOfEpsg(4610)).toBe('Xian80');
    expect(datumOfEpsg(4214)).toBe('Beijing54');
    for (const c of [2326, 2391, 2400, 2443, 21412, 21424, 21452, 21464, 21473]) expect(zoneFromEpsg(c), `EPSG:${c}`).toBeNull();
  });

  it.each([
    ['CGCS2000', 4525, 4546],
    ['Xian80', 2361, 2382],
    ['Beijing54', 2413, 2434],
  ] as [Datum, number, number][])('inferZone puts a %s Y of zone 37 on EPSG:%d (unprefixed %d)', (datum, prefixed, bare) => {
    expect(inferZone(37512131.14, { datum })).toMatchObject({ zone: { epsg: prefixed } });
    expect(inferZone(512131.14, { datum, zone: { width: 3, zone: 37 } })).toMatchObject({ zone: { epsg: bare } });
    expect(DATUMS[datum].geographic).toBe(datum === 'CGCS2000' ? 4490 : datum === 'Xian80' ? 4610 : 4214);
  });
});

describe('agreement with PROJ cs2cs on the datum of each code', () => {
  const LATITUDES = [18.2, 31, 44, 53.5];
  const OFFSETS = { 3: [-1.5, 0, 1.5], 6: [-3, 0, 3] };
  const tables = new Map<number, { lonLat: [number, number][]; grid: [number, number][]; gridLatLon: [number, number][] }>();

  beforeAll(async () => {
    await Promise.all(
      ALL.map(async (epsg) => {
        const z = zone(epsg);
        const geographic = DATUMS[z.datum!].geographic;
        const lonLat = LATITUDES.flatMap((lat) => OFFSETS[z.width].map((d): [number, number] => [z.centralMeridian + d, lat]));
        const grid = await cs2cs(geographic, epsg, lonLat.map(([lon, lat]) => [lat, lon]));
        tables.set(epsg, { lonLat, grid, gridLatLon: await cs2cs(epsg, geographic, grid) });
      }),
    );
  });

  it('projects lon/lat to the grid of every code to 1e-6 m', () => {
    for (const epsg of ALL) {
      const { lonLat, grid } = tables.get(epsg)!;
      lonLat.forEach(([lon, lat], i) => {
        const [n, e] = projectToGrid(zone(epsg), lon, lat);
        expect(Math.abs(n - grid[i]![0]), `EPSG:${epsg} N at ${lon},${lat}`).toBeLessThan(1e-6);
        expect(Math.abs(e - grid[i]![1]), `EPSG:${epsg} E at ${lon},${lat}`).toBeLessThan(1e-6);
      });
    }
  });

  it('converts the grid of every code to lon/lat on its own datum to 1e-9°', () => {
    for (const epsg of ALL) {
      const { grid, gridLatLon } = tables.get(epsg)!;
      grid.forEach(([n, e], i) => {
        const [lon, lat] = projectToLonLat(zone(epsg), n, e);
        expect(Math.abs(lon - gridLatLon[i]![1]), `EPSG:${epsg} lon at ${n},${e}`).toBeLessThan(1e-9);
        expect(Math.abs(lat - gridLatLon[i]![0]), `EPSG:${epsg} lat at ${n},${e}`).toBeLessThan(1e-9);
      });
    }
  });
});
