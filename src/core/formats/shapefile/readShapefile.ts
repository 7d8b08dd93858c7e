// Reads a zipped Shapefile (.shp with its .dbf, .prj, .cpg) into land records. The .prj decides the frame:
// a Gauss–Krüger zone of CGCS2000, Xian 1980 or Beijing 1954 keeps the coordinates as printed, on that datum;
// geographic ones are projected to a zone of their datum like GeoJSON; any other projection proj4 understands
// is converted through lon/lat with a warning. Projected
// coordinates without .prj are refused unless the user names the zone: guessing would put them anywhere.
import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import { DATUMS, epsgForZone, proj4Definition, zoneFromEpsg } from '../../geodesy/crs.js';
import { detectDatum } from '../../geodesy/datum.js';
import { zoneForLongitude } from '../../gazette/coordinateRecord.js';
import { readDbf, type DbfValue } from './dbf.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import { featureRecord } from '../geojson/readGeoJSON.js';
import type { Datum, Diagnostic, ExtractOptions, LandRecord, ZoneInfo } from '../../model/types.js';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Our DBF columns (see parcelAttributes.ts) back to the GeoJSON property names featureRecord reads. */
const COLUMN_PROPERTIES: Record<string, string> = {
  KIND: 'kind',
  DOC: 'doc',
  TITLE: 'title',
  DOC_DATE: 'date',
  HOLDER: 'holder',
  LOCATION: 'location',
  FOUR_SIDES: 'four_sides',
  REPORT_NO: 'report_numbers',
  STATED_TXT: 'stated_area_text',
  STATED_M2: 'stated_area_m2',
  ELEV_TOP: 'elevation_top_m',
  ELEV_BOT: 'elevation_bottom_m',
};

/** datum: what the .prj names (null without one); lon/lat of 'lonlat' and 'converted' are on that datum. */
type Frame = { datum: Datum | null } & (
  | { kind: 'grid'; zone: ZoneInfo }
  | { kind: 'lonlat' }
  | { kind: 'converted'; toLonLat: (p: number[]) => number[] }
);

export function readShapefile(file: string, bytes: Uint8Array, options: ExtractOptions = {}): CoordinateFileRead {
  const fail = (reason: string): CoordinateFileRead => ({
    records: [],
    diagnostics: [diagnose('import-unreadable', { file, line: 0 }, { format: 'Shapefile', reason })],
    pointLines: [],
    lines: 0,
  });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    return fail(`not a readable zip (${(err as Error).message})`);
  }
  const names = Object.keys(entries);
  const shpName = names.find((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX/'));
  if (!shpName) return fail('the zip holds no .shp');
  const base = shpName.slice(0, -4).toLowerCase();
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`);
    return name ? entries[name] : undefined;
  };
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);

  let shapes: number[][][][];
  try {
    shapes = readPolygons(entries[shpName]!);
  } catch (err) {
    return fail((err as Error).message);
  }
  const dbfBytes = sibling('dbf');
  const rows = dbfBytes ? readDbf(dbfBytes, text(sibling('cpg'))).rows : [];
  const diagnostics: Diagnostic[] = [];
  const frame = frameOf(text(sibling('prj')), shapes, options, file, diagnostics);
  if (!frame) return { records: [], diagnostics, pointLines: [], lines: 0 };

  const records: LandRecord[] = [];
  let zoneNoted = false;
  shapes.forEach((rings, i) => {
    const source = { file, line: 0, feature: i + 1 };
    if (rings.length === 0) {
      diagnostics.push(diagnose('import-feature-skipped', source, { feature: i + 1, type: 'null shape' }));
      return;
    }
    // Unprefixed eastings get their zone number in front, as buildParcel reads the zone from the prefix.
    const shift = frame.kind === 'grid' && !frame.zone.prefixed ? frame.zone.zone * 1e6 : 0;
    const lonLat = frame.kind === 'converted' ? rings.map((r) => r.map(frame.toLonLat)) : shift ? rings.map((r) => r.map(([x, y]) => [x! + shift, y!])) : rings;
    let zone: ZoneInfo | undefined;
    if (frame.kind !== 'grid') {
      const chosen = zoneForLongitude(lonLat[0]![0]![0]!, options);
      const z = chosen.zone;
      zone = frame.datum && frame.datum !== 'CGCS2000' ? zoneFromEpsg(epsgForZone(z.width, z.zone, z.prefixed, frame.datum))! : z;
      if (!chosen.named && !zoneNoted) {
        diagnostics.push(diagnose('import-zone-from-longitude', source, { zone: zone.zone, epsg: zone.epsg }));
        zoneNoted = true;
      }
    }
    // ESRI rings are clockwise like the surveyor's: no reversal, so a GK export reads back in printed order.
    const record = featureRecord({ file, index: i + 1, count: shapes.length, properties: properties(rows[i] ?? {}), polygons: [lonLat], zone, source });
    // Every DBF column as the file names it (地块编号, DKBM, KSMC, SCGM…): the planner's own attributes are
    // what joins a layer to the gazettes' block codes and mine names.
    const attributes = dbfAttributes(rows[i] ?? {});
    if (Object.keys(attributes).length > 0) record.attributes = { ...attributes, ...record.attributes };
    if (frame.datum) record.datum = frame.datum;
    records.push(record);
  });
  return { records, diagnostics, pointLines: [], lines: 0 };
}

function properties(row: Record<string, DbfValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) out[COLUMN_PROPERTIES[column.toUpperCase()] ?? column] = value;
  return out;
}

function dbfAttributes(row: Record<string, DbfValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) if (value !== null && value !== '') out[column] = String(value);
  return out;
}

/** The coordinate frame from the .prj, or null (with the reason in diagnostics) when it cannot be known. */
function frameOf(prj: string | undefined, shapes: number[][][][], options: ExtractOptions, file: string, diagnostics: Diagnostic[]): Frame | null {
  const where = { file, line: 0 };
  if (!prj) {
    const degrees = shapes.flat(2).every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90);
    if (degrees) return { kind: 'lonlat', datum: null };
    if (!options.zone) {
      diagnostics.push(diagnose('import-no-prj', where));
      return null;
    }
    // The user named the zone: a prefixed easting says so itself, an unprefixed one takes the named zone.
    const prefixed = shapes.flat(2).some(([x]) => x! >= 1e6);
    return { kind: 'grid', datum: null, zone: zoneFromEpsg(epsgForZone(options.zone.width, options.zone.zone, prefixed))! };
  }
  let parsed: proj4.ProjectionDefinition & { projName?: string; long0?: number; x0?: number; y0?: number; k0?: number; a?: number; rf?: number; datumCode?: string; lat0?: number; title?: string; name?: string };
  try {
    parsed = proj4.Proj(prj) as typeof parsed;
  } catch (err) {
    diagnostics.push(diagnose('import-unreadable', where, { format: 'Shapefile .prj', reason: (err as Error).message }));
    return null;
  }
  const name = /^\w+\["([^"]*)"/.exec(prj)?.[1] ?? 'the .prj CRS';
  // The ellipsoid tells the three datums apart even when the names are a producer's own; the name decides
  // only where the ellipsoid is not one of theirs (WGS 84 is not CGCS2000 by name, but is used as it).
  const datum = datumOfEllipsoid(parsed) ?? detectDatum(prj)?.datum ?? null;
  if (parsed.projName === 'longlat') return { kind: 'lonlat', datum };
  const zone = datum ? matchZone(parsed, datum) : null;
  if (zone) return { kind: 'grid', datum, zone };
  diagnostics.push(diagnose('import-crs-converted', where, { crs: name }));
  const converter = proj4(prj, proj4Definition(DATUMS[datum ?? 'CGCS2000'].geographic));
  return { kind: 'converted', datum, toLonLat: (p) => converter.forward([p[0]!, p[1]!]) };
}

// a and 1/f of the three datums' ellipsoids: GRS80/CGCS2000, IAG 1975 (Xian 1980), Krassovsky (Beijing 1954).
const ELLIPSOIDS: [Datum, number, number][] = [
  ['CGCS2000', 6378137, 298.257222101],
  ['Xian80', 6378140, 298.257],
  ['Beijing54', 6378245, 298.3],
];

function datumOfEllipsoid(p: { a?: number; rf?: number }): Datum | null {
  const hit = ELLIPSOIDS.find(([, a, rf]) => Math.abs((p.a ?? 0) - a) < 1e-6 && Math.abs((p.rf ?? 0) - rf) < 1e-6);
  return hit ? hit[0] : null;
}

/** The Gauss–Krüger code of the datum whose parameters the parsed .prj has, if any. */
function matchZone(p: { projName?: string; long0?: number; x0?: number; y0?: number; k0?: number; a?: number; rf?: number; lat0?: number; datumCode?: string }, datum: Datum): ZoneInfo | null {
  const tmerc = p.projName !== undefined && /tmerc|gauss|transverse/i.test(p.projName);
  if (!tmerc || datumOfEllipsoid(p) !== datum || Math.abs((p.k0 ?? 1) - 1) > 1e-12 || (p.y0 ?? 0) !== 0 || (p.lat0 ?? 0) !== 0) return null;
  const cm = Math.round(((p.long0 ?? 0) * 180) / Math.PI * 1e6) / 1e6;
  const x0 = p.x0 ?? 0;
  const prefixed = x0 !== 500000;
  const zoneNumber = prefixed ? (x0 - 500000) / 1e6 : null;
  for (const width of [3, 6] as const) {
    const n = zoneNumber ?? (width === 3 ? cm / 3 : (cm + 3) / 6);
    try {
      const z = zoneFromEpsg(epsgForZone(width, n, prefixed, datum))!;
      if (z.centralMeridian === cm) return z;
    } catch {
      // not a zone of this width
    }
  }
  return null;
}

const SHAPE_POLYGON = [5, 15, 25];

/** Each record's rings as [x, y] (null shapes give no rings). Z and M are ignored. */
function readPolygons(shp: Uint8Array): number[][][][] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0) !== 9994) throw new Error('the .shp has no Shapefile header');
  const type = view.getInt32(32, true);
  if (!SHAPE_POLYGON.includes(type)) throw new Error(`the .shp holds shape type ${type}, not polygons`);
  const out: number[][][][] = [];
  let at = 100;
  while (at + 8 <= shp.length) {
    const length = view.getInt32(at + 4) * 2;
    const content = at + 8;
    at = content + length;
    if (at > shp.length) throw new Error('the .shp is truncated');
    if (view.getInt32(content, true) === 0) {
      out.push([]);
      continue;
    }
    const parts = view.getInt32(content + 36, true);
    const count = view.getInt32(content + 40, true);
    const starts = Array.from({ length: parts }, (_, k) => view.getInt32(content + 44 + 4 * k, true));
    const pointsAt = content + 44 + 4 * parts;
    out.push(
      starts.map((start, k) => {
        const end = k + 1 < parts ? starts[k + 1]! : count;
        return Array.from({ length: end - start }, (_, j) => [view.getFloat64(pointsAt + 16 * (start + j), true), view.getFloat64(pointsAt + 16 * (start + j) + 8, true)]);
      }),
    );
  }
  return out;
}
