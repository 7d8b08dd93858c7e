// Coordinate conversion between the supported CRSs, in the conventions people write them: surveyors put northing
// first (X north, Y east), geographic pairs are lon, lat. proj4js ignores official axis order and always takes
// [easting, northing] / [lon, lat], so the swap happens here and nowhere else.
import proj4 from 'proj4';
import type { Converter } from 'proj4';
import { DATUMS, isGeographic, proj4Definition, zoneDatum, zoneFromEpsg } from './crs.js';
import { inferZone } from './inferZone.js';
import type { ZoneInfo } from '../model/types.js';

/** A coordinate pair in surveying/geographic convention: (northing, easting) for projected CRSs, (lon, lat) otherwise. */
export type Pair = [number, number];

/**
 * A box around China for catching swapped columns and wrong zones; a box, not the border. Wider than
 * the usual 73.6–134.8°E, 16.7–53.6°N (docs/domain.md §2), which cut off Fuyuan (135.08°E) and the Nansha islands (≈ 4°N).
 */
const CHINA_EXTENT = { west: 73.4, east: 135.2, south: 3.5, north: 53.6 } as const;

// Building a converter parses two definitions; parcels convert thousands of points through the same pair of CRSs.
const converters = new Map<string, Converter>();

function converter(fromEpsg: number, toEpsg: number): Converter {
  const key = `${fromEpsg}>${toEpsg}`;
  let c = converters.get(key);
  if (!c) {
    c = proj4(proj4Definition(fromEpsg), proj4Definition(toEpsg));
    converters.set(key, c);
  }
  return c;
}

function toProj4Order(epsg: number, [a, b]: Pair): Pair {
  return isGeographic(epsg) ? [a, b] : [b, a];
}

/** Converts a pair; both the argument and the result are in the convention of their CRS (see Pair). */
export function transformPoint(fromEpsg: number, toEpsg: number, a: number, b: number): Pair {
  const out = converter(fromEpsg, toEpsg).forward(toProj4Order(fromEpsg, [a, b]));
  return toProj4Order(toEpsg, [out[0], out[1]]);
}

// Xian 1980 and Beijing 1954 have no public transformation to CGCS2000 (PROJ offers only a "ballpark" no-op), so
// their grid goes back to lon/lat on its own datum and those degrees are used as they are: tens of metres off on a
// CGCS2000/WGS 84 map, which buildParcel says in a diagnostic. CGCS2000 lon/lat are WGS 84 to well under a metre.
function geographicOf(zone: ZoneInfo): number {
  return DATUMS[zoneDatum(zone)!].geographic;
}

/** Grid (northing, easting) in the zone → [lon, lat] on the zone's datum (CGCS2000 unless zone.datum says otherwise). */
export function projectToLonLat(zone: ZoneInfo, northing: number, easting: number): [number, number] {
  return transformPoint(zone.epsg, geographicOf(zone), northing, easting);
}

/** [lon, lat] on the zone's datum → grid [northing, easting] in the zone. */
export function projectToGrid(zone: ZoneInfo, lon: number, lat: number): [number, number] {
  return transformPoint(geographicOf(zone), zone.epsg, lon, lat);
}

export function inChina(lon: number, lat: number): boolean {
  const e = CHINA_EXTENT;
  return lon >= e.west && lon <= e.east && lat >= e.south && lat <= e.north;
}

/** Degrees to 9 decimals (≈ 0.1 mm), metres to 3 (the printed precision of boundary points). */
function formatPair(epsg: number, [a, b]: Pair): string {
  const decimals = isGeographic(epsg) ? 9 : 3;
  return `${a.toFixed(decimals)} ${b.toFixed(decimals)}`;
}

export type TransformLineResult = { pair: Pair; text: string } | { error: string } | null;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Converts one text line holding two numbers separated by spaces, tabs or commas, in the convention of `fromEpsg`.
 * Returns null for a blank line or a # comment, and an error message rather than a wrong point when the numbers
 * cannot be what the CRS says: a Y whose zone prefix disagrees with the code, or a position outside China.
 */
export function transformLine(line: string, fromEpsg: number, toEpsg: number): TransformLineResult {
  // Nearly every line of a coordinate list is two plain numbers: one match, instead of trim, split and a test per field.
  const plain = PLAIN_PAIR.exec(line);
  const parsed = plain ? ([Number(plain[1]), Number(plain[2])] as Pair) : parseLine(line);
  if (parsed === null || 'error' in parsed) return parsed;
  const [a, b] = parsed;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { error: `"${Number.isFinite(a) ? plain![2] : plain![1]}" is not a number` };

  const fromZone = zoneFromEpsg(fromEpsg);
  const zoneProblem = fromZone?.prefixed && Math.floor(b / 1e6) === fromZone.zone ? null : checkZonePrefix(fromEpsg, b);
  if (zoneProblem) {
    const swapped = checkZonePrefix(fromEpsg, a) === null ? '; the columns look swapped: X (northing) comes first' : '';
    return { error: zoneProblem + swapped };
  }
  const pair = transformPoint(fromEpsg, toEpsg, a, b);
  const [lon, lat] = isGeographic(toEpsg) ? pair : fromZone ? projectToLonLat(fromZone, a, b) : [a, b];
  if (!Number.isFinite(pair[0]) || !Number.isFinite(pair[1]) || !inChina(lon, lat)) {
    const where = Number.isFinite(lon) && Number.isFinite(lat) ? `(${lon.toFixed(6)}, ${lat.toFixed(6)})` : 'no valid position';
    const order = isGeographic(fromEpsg) ? 'lon lat' : 'X (northing) Y (easting)';
    return { error: `the point lies at ${where}, outside China; check the CRS and the column order (${order})` };
  }
  return { pair, text: formatPair(toEpsg, pair) };
}

const NUMBER_TEXT = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`;
const PLAIN_PAIR = new RegExp(String.raw`^\s*(${NUMBER_TEXT})[\s,，]+(${NUMBER_TEXT})\s*$`, 'i');

/** Any other line: null for a blank line or a # comment, else the two numbers or what is wrong with them. */
function parseLine(line: string): Pair | { error: string } | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const fields = trimmed.split(/[\s,，]+/);
  if (fields.length !== 2) return { error: `expected two numbers separated by spaces, tabs or commas: "${trimmed}"` };
  const bad = fields.find((f) => !NUMBER.test(f) || !Number.isFinite(Number(f)));
  if (bad !== undefined) return { error: `"${bad}" is not a number` };
  return fields.map(Number) as Pair;
}

// A Y of 38 512 131 read in zone 37 lands 1000 km east, often still inside China: only the prefix reveals it.
function checkZonePrefix(epsg: number, easting: number): string | null {
  const zone = zoneFromEpsg(epsg);
  if (!zone) return null;
  const found = inferZone(easting, { zone: { width: zone.width, zone: zone.zone }, datum: zoneDatum(zone)! });
  if ('zone' in found && found.zone.epsg === epsg) return null;
  const expected = zone.prefixed ? `a Y starting with its zone number ${zone.zone}` : 'a Y without zone prefix (below 1000000)';
  const hint = 'zone' in found && found.zone.prefixed ? `; its prefix means EPSG:${found.zone.epsg}` : '';
  return `Y ${easting} does not fit EPSG:${epsg}, which expects ${expected}${hint}`;
}
