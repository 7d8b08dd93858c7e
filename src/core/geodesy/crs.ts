// The coordinate reference systems Jiezhi supports: CGCS2000 geographic (EPSG:4490), WGS 84 (EPSG:4326) and the
// 64 CGCS2000 Gauss–Krüger codes EPSG:4491–4554. proj4js knows none of the Chinese codes, so their definitions are
// generated from the zone arithmetic below (checked against PROJ's database in tests/crs.test.ts).
import type { ZoneInfo } from '../model/types.js';

export const CGCS2000_GEOGRAPHIC = 4490;
export const WGS84_GEOGRAPHIC = 4326;

/** CGCS2000 ellipsoid; proj4's `+ellps=GRS80` has the same a and 1/f. */
export const CGCS2000_ELLIPSOID = { a: 6378137, f: 1 / 298.257222101 } as const;

interface EpsgBlock {
  first: number;
  width: 3 | 6;
  firstZone: number;
  zoneCount: number;
  prefixed: boolean;
}

// EPSG numbers the Gauss–Krüger codes in four consecutive runs, one per (width, prefixed) pair, each in zone order.
// For unprefixed 3° codes EPSG names the central meridian (CM 75E…135E); its zone number is CM/3 = 25…45.
const EPSG_BLOCKS: readonly EpsgBlock[] = [
  { first: 4491, width: 6, firstZone: 13, zoneCount: 11, prefixed: true },
  { first: 4502, width: 6, firstZone: 13, zoneCount: 11, prefixed: false },
  { first: 4513, width: 3, firstZone: 25, zoneCount: 21, prefixed: true },
  { first: 4534, width: 3, firstZone: 25, zoneCount: 21, prefixed: false },
];

const SUPPORTED_TEXT = 'EPSG:4490 (CGCS2000), EPSG:4326 (WGS 84) and EPSG:4491–4554 (CGCS2000 Gauss–Krüger)';

export function centralMeridian(width: 3 | 6, zone: number): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

export function isGeographic(epsg: number): boolean {
  return epsg === CGCS2000_GEOGRAPHIC || epsg === WGS84_GEOGRAPHIC;
}

export function zoneFromEpsg(epsg: number): ZoneInfo | null {
  for (const b of EPSG_BLOCKS) {
    const offset = epsg - b.first;
    if (Number.isInteger(offset) && offset >= 0 && offset < b.zoneCount) {
      const zone = b.firstZone + offset;
      return { width: b.width, zone, centralMeridian: centralMeridian(b.width, zone), epsg, prefixed: b.prefixed };
    }
  }
  return null;
}

/** Throws a RangeError for a zone outside 3° 25–45 / 6° 13–23: callers validate user input with it. */
export function epsgForZone(width: 3 | 6, zone: number, prefixed: boolean): number {
  const b = EPSG_BLOCKS.find((blk) => blk.width === width && blk.prefixed === prefixed);
  const offset = b ? zone - b.firstZone : -1;
  if (!b || !Number.isInteger(offset) || offset < 0 || offset >= b.zoneCount) {
    const range = width === 6 ? '13–23' : '25–45';
    throw new RangeError(`${width}° zone ${zone} is not a CGCS2000 Gauss–Krüger zone (${width}° zones are ${range})`);
  }
  return b.first + offset;
}

/**
 * The zone-prefixed CGCS2000 3° zone (EPSG:4513–4533) a longitude lies in: the zone width bureaus use for
 * parcels. Null outside zones 25–45, unless `clamp` brings the longitude to the nearest of them (a reader that
 * must project somewhere; the area check still says whether the points are in China).
 */
export function zoneEpsgForLongitude(lon: number, clamp = false): number | null {
  const zone = Math.round(lon / 3);
  const n = clamp ? Math.min(45, Math.max(25, zone)) : zone;
  return n >= 25 && n <= 45 ? epsgForZone(3, n, true) : null;
}

export function proj4Definition(epsg: number): string {
  if (epsg === CGCS2000_GEOGRAPHIC) return '+proj=longlat +ellps=GRS80 +no_defs';
  if (epsg === WGS84_GEOGRAPHIC) return '+proj=longlat +datum=WGS84 +no_defs';
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`unsupported CRS EPSG:${epsg}; Jiezhi supports ${SUPPORTED_TEXT}`);
  const falseEasting = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  return `+proj=tmerc +lat_0=0 +lon_0=${z.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** "EPSG:4525", "epsg:4490" or "4525" → 4525; anything else throws with the list of supported codes. */
export function parseCrs(text: string): number {
  const m = /^\s*(?:epsg\s*:\s*)?(\d+)\s*$/i.exec(text);
  const epsg = m ? Number(m[1]) : NaN;
  if (isGeographic(epsg) || zoneFromEpsg(epsg)) return epsg;
  throw new Error(`unsupported CRS "${text}"; Jiezhi supports ${SUPPORTED_TEXT}`);
}
