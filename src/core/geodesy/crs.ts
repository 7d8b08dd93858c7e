// The coordinate reference systems Jiezhi supports: the geographic CRSs of CGCS2000 (EPSG:4490), Xian 1980
// (EPSG:4610), Beijing 1954 (EPSG:4214) and WGS 84 (EPSG:4326), and the Gauss–Krüger zones of the three Chinese
// datums: CGCS2000 EPSG:4491–4554, Xian 1980 EPSG:2327–2390, Beijing 1954 EPSG:2401–2442, 21413–21423 and
// 21453–21463. proj4js knows none of the Chinese codes, so their definitions are generated from the zone
// arithmetic below (checked against PROJ's database in tests/crs.test.ts and tests/datums/).
import type { Datum, ZoneInfo } from '../model/types.js';

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

interface DatumSpec {
  /** The datum's own geographic CRS: where its grid coordinates go back to lon/lat. */
  geographic: number;
  /** The proj4 ellipsoid name, as PROJ prints it for these codes (IAU76 is the IAG 1975 ellipsoid of Xian 1980). */
  ellps: string;
  name: { zh: string; en: string };
  /** EPSG numbers its Gauss–Krüger codes in runs, one per (width, prefixed) pair, each in zone order. */
  blocks: readonly EpsgBlock[];
}

// For unprefixed 3° codes EPSG names the central meridian (CM 75E…135E); its zone number is CM/3 = 25…45.
const SIX = { width: 6, firstZone: 13, zoneCount: 11 } as const;
const THREE = { width: 3, firstZone: 25, zoneCount: 21 } as const;

export const DATUMS: Readonly<Record<Datum, DatumSpec>> = {
  CGCS2000: {
    geographic: CGCS2000_GEOGRAPHIC,
    ellps: 'GRS80',
    name: { zh: '2000国家大地坐标系', en: 'CGCS2000' },
    blocks: [
      { first: 4491, ...SIX, prefixed: true },
      { first: 4502, ...SIX, prefixed: false },
      { first: 4513, ...THREE, prefixed: true },
      { first: 4534, ...THREE, prefixed: false },
    ],
  },
  Xian80: {
    geographic: 4610,
    ellps: 'IAU76',
    name: { zh: '1980西安坐标系', en: 'Xian 1980' },
    blocks: [
      { first: 2327, ...SIX, prefixed: true },
      { first: 2338, ...SIX, prefixed: false },
      { first: 2349, ...THREE, prefixed: true },
      { first: 2370, ...THREE, prefixed: false },
    ],
  },
  Beijing54: {
    geographic: 4214,
    ellps: 'krass',
    name: { zh: '1954北京坐标系', en: 'Beijing 1954' },
    blocks: [
      { first: 21413, ...SIX, prefixed: true },
      // Not 21473–21483 ("Gauss-Kruger 13N"…): EPSG deprecated those for these.
      { first: 21453, ...SIX, prefixed: false },
      { first: 2401, ...THREE, prefixed: true },
      { first: 2422, ...THREE, prefixed: false },
    ],
  },
};

const DATUM_NAMES = Object.keys(DATUMS) as Datum[];

const SUPPORTED_TEXT =
  'EPSG:4490 (CGCS2000), EPSG:4326 (WGS 84), EPSG:4491–4554 (CGCS2000 Gauss–Krüger), EPSG:4610 and 2327–2390 (Xian 1980), EPSG:4214, 2401–2442, 21413–21423 and 21453–21463 (Beijing 1954)';

function centralMeridian(width: 3 | 6, zone: number): number {
  return width === 3 ? 3 * zone : 6 * zone - 3;
}

export function isGeographic(epsg: number): boolean {
  return epsg === WGS84_GEOGRAPHIC || DATUM_NAMES.some((d) => DATUMS[d].geographic === epsg);
}

/** The datum of a supported CRS code; null for WGS 84 and unsupported codes. */
export function datumOfEpsg(epsg: number): Datum | null {
  const geographic = DATUM_NAMES.find((d) => DATUMS[d].geographic === epsg);
  return geographic ?? zoneDatum(zoneFromEpsg(epsg));
}

/** The datum of a zone: ZoneInfo carries it only when it is not CGCS2000. */
export function zoneDatum(zone: ZoneInfo | null): Datum | null {
  return zone ? (zone.datum ?? 'CGCS2000') : null;
}

export function zoneFromEpsg(epsg: number): ZoneInfo | null {
  for (const datum of DATUM_NAMES) {
    for (const b of DATUMS[datum].blocks) {
      const offset = epsg - b.first;
      if (Number.isInteger(offset) && offset >= 0 && offset < b.zoneCount) {
        const zone = b.firstZone + offset;
        const info: ZoneInfo = { width: b.width, zone, centralMeridian: centralMeridian(b.width, zone), epsg, prefixed: b.prefixed };
        return datum === 'CGCS2000' ? info : { ...info, datum };
      }
    }
  }
  return null;
}

/** Throws a RangeError for a zone outside 3° 25–45 / 6° 13–23: callers validate user input with it. */
export function epsgForZone(width: 3 | 6, zone: number, prefixed: boolean, datum: Datum = 'CGCS2000'): number {
  const b = DATUMS[datum].blocks.find((blk) => blk.width === width && blk.prefixed === prefixed);
  const offset = b ? zone - b.firstZone : -1;
  if (!b || !Number.isInteger(offset) || offset < 0 || offset >= b.zoneCount) {
    const range = width === 6 ? '13–23' : '25–45';
    throw new RangeError(`${width}° zone ${zone} is not a Chinese Gauss–Krüger zone (${width}° zones are ${range})`);
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
  if (epsg === WGS84_GEOGRAPHIC) return '+proj=longlat +datum=WGS84 +no_defs';
  const geographic = DATUM_NAMES.find((d) => DATUMS[d].geographic === epsg);
  if (geographic) return `+proj=longlat +ellps=${DATUMS[geographic].ellps} +no_defs`;
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`unsupported CRS EPSG:${epsg}; Jiezhi supports ${SUPPORTED_TEXT}`);
  const falseEasting = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  const ellps = DATUMS[zoneDatum(z)!].ellps;
  return `+proj=tmerc +lat_0=0 +lon_0=${z.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=${ellps} +units=m +no_defs`;
}

/** "EPSG:4525", "epsg:4490" or "4525" → 4525; anything else throws with the list of supported codes. */
export function parseCrs(text: string): number {
  const m = /^\s*(?:epsg\s*:\s*)?(\d+)\s*$/i.exec(text);
  const epsg = m ? Number(m[1]) : NaN;
  if (isGeographic(epsg) || zoneFromEpsg(epsg)) return epsg;
  throw new Error(`unsupported CRS "${text}"; Jiezhi supports ${SUPPORTED_TEXT}`);
}
