// The CRS layer against PROJ itself: the zone catalogue against `projinfo`, every conversion against `cs2cs`
// (Debian proj-bin, installed by scripts/ensure-system-deps.sh; a missing binary fails these tests on purpose).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { epsgForZone, parseCrs, proj4Definition, zoneFromEpsg } from '../src/core/geodesy/crs.js';
import { ellipsoidalArea } from '../src/core/geodesy/ellipsoidalArea.js';
import { inferZone } from '../src/core/geodesy/inferZone.js';
import { inChina, projectToGrid, projectToLonLat, transformLine, transformPoint } from '../src/core/geodesy/project.js';
import type { ZoneInfo } from '../src/core/model/types.js';
import { transformText } from '../src/cli/transform.js';
import { cs2cs, run } from './helpers.js';

const ALL_GK_CODES = Array.from({ length: 4554 - 4491 + 1 }, (_, i) => 4491 + i);
const GAZETTE_POINT = { x: 4153899.979, y: 37512131.14 };

function zone(epsg: number): ZoneInfo {
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`EPSG:${epsg} is not in the catalogue`);
  return z;
}

describe('inferZone', () => {
  it.each([
    [37512131.14, 3, 37, 111, 4525],
    [25500000, 3, 25, 75, 4513],
    [45499999.999, 3, 45, 135, 4533],
    [19512131.14, 6, 19, 111, 4497],
    [13500000, 6, 13, 75, 4491],
    [23400000, 6, 23, 135, 4501],
  ])('reads the prefix of %d as a %d° zone %d, CM %d, EPSG:%d', (y, width, zoneNo, cm, epsg) => {
    expect(inferZone(y)).toEqual({ zone: { width, zone: zoneNo, centralMeridian: cm, epsg, prefixed: true } });
  });

  it('refuses to guess the zone of an unprefixed Y', () => {
    expect(inferZone(512131.14)).toEqual({ error: 'zone-unknown' });
  });

  it('uses the given zone for an unprefixed Y', () => {
    expect(inferZone(512131.14, { zone: { width: 3, zone: 37 } })).toEqual({
      zone: { width: 3, zone: 37, centralMeridian: 111, epsg: 4546, prefixed: false },
    });
    expect(inferZone(512131.14, { zone: { width: 6, zone: 19 } })).toEqual({
      zone: { width: 6, zone: 19, centralMeridian: 111, epsg: 4508, prefixed: false },
    });
  });

  it('trusts the prefix over a given zone', () => {
    expect(inferZone(37512131.14, { zone: { width: 3, zone: 38 } })).toMatchObject({ zone: { epsg: 4525 } });
  });

  it.each([
    [24512131.14, 24],
    [12512131.14, 12],
    [46512131.14, 46],
    [4153899.979, 4], // an X in the Y column
    [375121311.4, 375],
  ])('rejects the prefix of %d (%d)', (y, prefix) => {
    expect(inferZone(y)).toEqual({ error: 'zone-prefix-invalid', prefix });
  });

  it('throws on a given zone that does not exist', () => {
    expect(() => inferZone(512131.14, { zone: { width: 3, zone: 19 } })).toThrow(RangeError);
  });
});

describe('EPSG catalogue', () => {
  it.each([
    [4491, 6, 13, 75, true],
    [4501, 6, 23, 135, true],
    [4502, 6, 13, 75, false],
    [4512, 6, 23, 135, false],
    [4513, 3, 25, 75, true],
    [4525, 3, 37, 111, true],
    [4533, 3, 45, 135, true],
    [4534, 3, 25, 75, false],
    [4546, 3, 37, 111, false],
    [4554, 3, 45, 135, false],
  ])('EPSG:%d is the %d° zone %d, CM %d, prefixed %s', (epsg, width, zoneNo, cm, prefixed) => {
    expect(zoneFromEpsg(epsg)).toEqual({ width, zone: zoneNo, centralMeridian: cm, epsg, prefixed });
    expect(epsgForZone(width as 3 | 6, zoneNo, prefixed)).toBe(epsg);
  });

  it('covers exactly EPSG:4491–4554', () => {
    for (const epsg of [4490, 4326, 4490.5, 4555, 2000]) expect(zoneFromEpsg(epsg)).toBeNull();
    for (const epsg of ALL_GK_CODES) {
      const z = zone(epsg);
      expect(epsgForZone(z.width, z.zone, z.prefixed)).toBe(epsg);
    }
    expect(() => epsgForZone(3, 24, true)).toThrow(RangeError);
    expect(() => epsgForZone(6, 24, false)).toThrow(RangeError);
  });

  it('generates the definitions PROJ has for EPSG:4490, 4326 and every code 4491–4554', async () => {
    const codes = [4490, 4326, ...ALL_GK_CODES];
    const fromProj = await Promise.all(codes.map((c) => run('projinfo', ['-o', 'PROJ', '-q', `EPSG:${c}`])));
    codes.forEach((c, i) => expect(`${proj4Definition(c)} +type=crs`, `EPSG:${c}`).toBe(fromProj[i].stdout.trim()));
    expect(proj4Definition(4525)).toBe('+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
  });

  it('parses CRS arguments', () => {
    expect(parseCrs('EPSG:4525')).toBe(4525);
    expect(parseCrs('4525')).toBe(4525);
    expect(parseCrs('epsg:4490')).toBe(4490);
    expect(parseCrs(' EPSG:4326 ')).toBe(4326);
    for (const bad of ['EPSG:3857', 'EPSG:4555', '4490.5', 'CGCS2000', '']) {
      expect(() => parseCrs(bad)).toThrow(/unsupported CRS.*EPSG:4491–4554/);
    }
  });
});

describe('agreement with PROJ cs2cs', () => {
  const LATITUDES = [18.2, 24.5, 31, 37.5, 44, 49.5, 53.5];
  // Up to the zone edge: the widest offsets are where a series-based tmerc would drift.
  const OFFSETS = { 3: [-1.5, -0.8, 0, 0.6, 1.5], 6: [-3, -1.7, 0, 1.1, 3] };
  const tables = new Map<number, { lonLat: [number, number][]; grid: [number, number][]; gridLatLon: [number, number][] }>();

  beforeAll(async () => {
    await Promise.all(
      ALL_GK_CODES.map(async (epsg) => {
        const z = zone(epsg);
        const lonLat = LATITUDES.flatMap((lat) => OFFSETS[z.width].map((d): [number, number] => [z.centralMeridian + d, lat]));
        const grid = await cs2cs(4490, epsg, lonLat.map(([lon, lat]) => [lat, lon]));
        tables.set(epsg, { lonLat, grid, gridLatLon: await cs2cs(epsg, 4490, grid) });
      }),
    );
  });

  it('projects lon/lat to the grid of every zone, prefixed and not, to 1e-6 m', () => {
    for (const epsg of ALL_GK_CODES) {
      const { lonLat, grid } = tables.get(epsg)!;
      lonLat.forEach(([lon, lat], i) => {
        const [n, e] = projectToGrid(zone(epsg), lon, lat);
        expect(Math.abs(n - grid[i][0]), `EPSG:${epsg} N at ${lon},${lat}`).toBeLessThan(1e-6);
        expect(Math.abs(e - grid[i][1]), `EPSG:${epsg} E at ${lon},${lat}`).toBeLessThan(1e-6);
      });
    }
  });

  it('converts the grid of every zone to lon/lat to 1e-9°', () => {
    for (const epsg of ALL_GK_CODES) {
      const { grid, gridLatLon } = tables.get(epsg)!;
      grid.forEach(([n, e], i) => {
        const [lon, lat] = projectToLonLat(zone(epsg), n, e);
        expect(Math.abs(lon - gridLatLon[i][1]), `EPSG:${epsg} lon at ${n},${e}`).toBeLessThan(1e-9);
        expect(Math.abs(lat - gridLatLon[i][0]), `EPSG:${epsg} lat at ${n},${e}`).toBeLessThan(1e-9);
      });
    }
  });

  it('converts the gazette point like cs2cs, near 111.137°E 37.517°N', async () => {
    const [[lat, lon]] = await cs2cs(4525, 4490, [[GAZETTE_POINT.x, GAZETTE_POINT.y]]);
    const ours = transformPoint(4525, 4490, GAZETTE_POINT.x, GAZETTE_POINT.y);
    expect(ours[0]).toBeCloseTo(lon, 10);
    expect(ours[1]).toBeCloseTo(lat, 10);
    expect(Math.abs(ours[0] - 111.137)).toBeLessThan(1e-3);
    expect(Math.abs(ours[1] - 37.516)).toBeLessThan(2e-3);
    expect(inChina(...ours)).toBe(true);
  });

  it('converts between prefixed and unprefixed codes and CGCS2000/WGS 84 like cs2cs', async () => {
    const [[n, e]] = await cs2cs(4525, 4546, [[GAZETTE_POINT.x, GAZETTE_POINT.y]]);
    const grid = transformPoint(4525, 4546, GAZETTE_POINT.x, GAZETTE_POINT.y);
    expect(Math.abs(grid[0] - n)).toBeLessThan(1e-6);
    expect(Math.abs(grid[1] - e)).toBeLessThan(1e-6);
    // PROJ applies no shift between CGCS2000 and WGS 84 (a ballpark transformation); neither do we.
    const [[lat, lon]] = await cs2cs(4490, 4326, [[37.5, 111.2]]);
    expect(transformPoint(4490, 4326, 111.2, 37.5)).toEqual([lon, lat]);
  });
});

describe('projection round trip', () => {
  it('projectToGrid(projectToLonLat(p)) returns p to 1e-6 m in zone 37', () => {
    const z37 = zone(4525);
    fc.assert(
      fc.property(
        fc.double({ min: 2.0e6, max: 5.9e6, noNaN: true }),
        fc.double({ min: 37.36e6, max: 37.64e6, noNaN: true }),
        (n, e) => {
          const [lon, lat] = projectToLonLat(z37, n, e);
          const [n2, e2] = projectToGrid(z37, lon, lat);
          return Math.abs(n2 - n) < 1e-6 && Math.abs(e2 - e) < 1e-6;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tells China from elsewhere', () => {
    expect(inChina(111.137, 37.517)).toBe(true);
    expect(inChina(37.517, 111.137)).toBe(false);
    expect(inChina(2.35, 48.85)).toBe(false);
  });
});

describe('ellipsoidalArea', () => {
  // A 100 m grid square on the central meridian, where the scale factor is 1: its ellipsoidal area is 10 000 m²
  // up to the tiny bow of geodesics against straight grid lines.
  const z37 = zone(4525);
  const corners: [number, number][] = [
    [4153900, 37500000],
    [4154000, 37500000],
    [4154000, 37500100],
    [4153900, 37500100],
  ];
  const ring = corners.map(([n, e]) => projectToLonLat(z37, n, e));

  it('matches the grid area at the central meridian', () => {
    expect(Math.abs(ellipsoidalArea(ring) - 10000)).toBeLessThan(0.01);
  });

  it('ignores winding and a closing repeat', () => {
    const a = ellipsoidalArea(ring);
    expect(ellipsoidalArea([...ring].reverse())).toBeCloseTo(a, 9);
    expect(ellipsoidalArea([...ring, ring[0]])).toBeCloseTo(a, 9);
  });
});

describe('jiezhi transform', () => {
  const input = ['# 吕政发〔2022〕15号 J1', `${GAZETTE_POINT.x} ${GAZETTE_POINT.y}`, '', '4153905.123,37512140.5', '4153910\t37512150'].join('\n');

  it('converts surveyor X Y to lon lat, 9 decimals, one output line per input line', () => {
    const { output, errors } = transformText(input, 4525, 4490);
    expect(errors).toEqual([]);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('# 吕政发〔2022〕15号 J1');
    expect(lines[2]).toBe('');
    for (const l of [lines[1], lines[3], lines[4]]) expect(l).toMatch(/^111\.1\d{8} 37\.51\d{7}$/);
    const [lon, lat] = transformPoint(4525, 4490, GAZETTE_POINT.x, GAZETTE_POINT.y);
    expect(lines[1]).toBe(`${lon.toFixed(9)} ${lat.toFixed(9)}`);
  });

  it('converts lon lat back to X Y in metres to 3 decimals', () => {
    const there = transformText(input, 4525, 4490).output;
    const back = transformText(there, 4490, 4525);
    expect(back.errors).toEqual([]);
    expect(back.output).toBe('# 吕政发〔2022〕15号 J1\n4153899.979 37512131.140\n\n4153905.123 37512140.500\n4153910.000 37512150.000\n');
  });

  it('names the line and the problem of each bad line, prints * * in its place, and keeps the good ones', () => {
    const bad = ['4153899.979 37512131.140', '37512131.140 4153899.979', 'X1 Y1', '1 2 3', '4153899.979 38512131.140', '4153899.979 512131.140'];
    const { output, errors } = transformText(bad.join('\r\n'), 4525, 4490);
    expect(output.split('\n').slice(1)).toEqual(['* *', '* *', '* *', '* *', '* *', '']);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^line 2: .*swapped/);
    expect(errors[1]).toMatch(/^line 3: "X1" is not a number/);
    expect(errors[2]).toMatch(/^line 4: expected two numbers/);
    expect(errors[3]).toMatch(/^line 5: .*EPSG:4526/);
    expect(errors[4]).toMatch(/^line 6: .*zone number 37/);
    expect(transformLine('37.517 111.137', 4490, 4525)).toEqual({ error: expect.stringMatching(/outside China.*lon lat/) });
  });

  it('runs as `jiezhi transform` from the compiled CLI (dist/, built by `npm test`)', async () => {
    const args = ['bin/jiezhi.js', 'transform', '--from', 'EPSG:4525', '--to', 'EPSG:4490'];
    const ok = await run(process.execPath, args, { input });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(transformText(input, 4525, 4490).output);

    // Like cs2cs, a bad line is `* *` and exit 0; --strict makes it exit 1.
    const bad = await run(process.execPath, args, { input: `${input}\nnot a point\n` });
    expect(bad.code).toBe(0);
    expect(bad.stdout.split('\n')[5]).toBe('* *');
    expect(bad.stderr).toMatch(/line 6: /);
    expect((await run(process.execPath, [...args, '--strict'], { input: `${input}\nnot a point\n` })).code).toBe(1);
  });
});
