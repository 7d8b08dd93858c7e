// Reads a zipped Shapefile (.shp with its .dbf, .prj, .cpg) into land records. The .prj decides the frame:
// a Gauss–Krüger zone of CGCS2000, Xian 1980 or Beijing 1954 keeps the coordinates as printed, on that datum;
// geographic ones are projected to a zone of their datum like GeoJSON; any other projection proj4 understands
// is converted through lon/lat with a warning. Projected
// coordinates without .prj are refused unless the user names the zone: guessing would put them anywhere.
import proj4 from 'proj4';
import { DATUMS, epsgForZone, proj4Definition, zoneFromEpsg } from '../../geodesy/crs.js';
import { detectDatum } from '../../geodesy/datum.js';
import { zoneForLongitude } from '../../gazette/coordinateRecord.js';
import { readDbf, type DbfValue } from './dbf.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import { corrupt, corruptDiagnostic, CorruptInput, nonFiniteCoordinate, type Corruption } from '../corrupt.js';
import { listZip, readZipEntries, type ArchiveLimitHit } from '../zip.js';
import { resolveLimits } from '../../model/limits.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import { closeRings, featureRecord } from '../geojson/readGeoJSON.js';
import type { Datum, Diagnostic, ExtractOptions, LandRecord, SourceSpan, ZoneInfo } from '../../model/types.js';

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
  const where = { file, line: 0 };
  const fail = (d: Diagnostic): CoordinateFileRead => ({ records: [], diagnostics: [d], pointLines: [], lines: 0 });
  let read: ReturnType<typeof readParts>;
  try {
    read = readParts(file, bytes, resolveLimits(options.limits));
  } catch (err) {
    if (err instanceof CorruptInput) return fail(corruptDiagnostic(where, err.corruption));
    throw err;
  }
  if ('what' in read) return fail(diagnose('limit-exceeded', where, { what: read.what, value: read.value, limit: read.limit }));
  if ('missing' in read) return fail(diagnose('import-unreadable', where, { format: 'Shapefile', reason: 'the zip holds no .shp' }));
  const { shpName, parts } = read;
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);

  const diagnostics: Diagnostic[] = [];
  const { shapes, problem } = readPolygons(parts.shp, shpName);
  if (problem) diagnostics.push(corruptDiagnostic(where, problem));
  if (parts.shx) {
    const shxProblem = checkIndex(parts.shx, parts.shxName!, parts.shp.length, problem ? null : shapes.length, shpName);
    if (shxProblem) diagnostics.push(corruptDiagnostic(where, shxProblem));
  }
  let rows: (Record<string, DbfValue> | null)[] = [];
  if (parts.dbf) {
    const table = readDbf(parts.dbf, text(parts.cpg), parts.dbfName!);
    rows = table.rows;
    if (table.problem) diagnostics.push(corruptDiagnostic(where, table.problem));
    else if (!problem && rows.length !== shapes.length) {
      diagnostics.push(corruptDiagnostic(where, { part: parts.dbfName!, record: 0, field: 'record-count', value: rows.length, problem: 'mismatch', expected: shapes.length, other: shpName }));
    }
  }
  // A coordinate that is not a finite number is named and its shape left out, before anything measures it.
  const usable = shapes.map((rings, i) => {
    if (!Array.isArray(rings)) return rings;
    const bad = rings.flat().find(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
    if (!bad) return rings;
    diagnostics.push(nonFiniteCoordinate({ file, line: 0, feature: i + 1 }, Number.isFinite(bad[0]) ? bad[1]! : bad[0]!));
    return 'skipped' as const;
  });
  const frame = frameOf(text(parts.prj), usable.filter((s): s is number[][][] => Array.isArray(s)), options, file, diagnostics);
  if (!frame) return { records: [], diagnostics, pointLines: [], lines: 0 };

  const records: LandRecord[] = [];
  let zoneNoted = false;
  usable.forEach((shape, i) => {
    const source: SourceSpan = { file, line: 0, feature: i + 1 };
    if (shape === 'skipped') return;
    if (shape === 'null' || shape.length === 0) {
      diagnostics.push(diagnose('import-feature-skipped', source, { feature: i + 1, type: 'null shape' }));
      return;
    }
    if (shape.some((ring) => ring.length === 0)) {
      diagnostics.push(diagnose('import-feature-skipped', source, { feature: i + 1, type: 'Polygon with an empty ring' }));
      return;
    }
    const rings = closeRings([shape], source, diagnostics)[0]!;
    // Unprefixed eastings get their zone number in front, as buildParcel reads the zone from the prefix.
    const shift = frame.kind === 'grid' && !frame.zone.prefixed ? frame.zone.zone * 1e6 : 0;
    const lonLat = frame.kind === 'converted' ? rings.map((r) => r.map(frame.toLonLat)) : shift ? rings.map((r) => r.map(([x, y]) => [x! + shift, y!])) : rings;
    // A .prj proj4 reads but cannot apply to these numbers converts them to NaN.
    const unconverted = lonLat.flat().find(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
    if (unconverted) {
      diagnostics.push(nonFiniteCoordinate(source, Number.isFinite(unconverted[0]) ? unconverted[1]! : unconverted[0]!));
      return;
    }
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
    if (rows[i] === null) {
      diagnostics.push(diagnose('import-feature-skipped', source, { feature: i + 1, type: 'deleted record' }));
      return;
    }
    const row = rows[i] ?? {};
    // ESRI rings are clockwise like the surveyor's: no reversal, so a GK export reads back in printed order.
    const record = featureRecord({ file, index: i + 1, count: shapes.length, properties: properties(row), polygons: [lonLat], zone, source });
    // Every DBF column as the file names it (地块编号, DKBM, KSMC, SCGM…): the planner's own attributes are
    // what joins a layer to the gazettes' block codes and mine names.
    const attributes = dbfAttributes(row);
    if (Object.keys(attributes).length > 0) record.attributes = { ...attributes, ...record.attributes };
    if (frame.datum) record.datum = frame.datum;
    records.push(record);
  });
  return { records, diagnostics, pointLines: [], lines: 0 };
}

interface ShapefileParts {
  shp: Uint8Array;
  shx?: Uint8Array;
  shxName?: string;
  dbf?: Uint8Array;
  dbfName?: string;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

/** The first .shp of the zip and its siblings, inflated under the limits; nothing else is inflated. */
function readParts(file: string, bytes: Uint8Array, limits: ReturnType<typeof resolveLimits>): { shpName: string; parts: ShapefileParts } | ArchiveLimitHit | { missing: true } {
  const listed = listZip(bytes, file, limits);
  if (!Array.isArray(listed)) return listed;
  const shp = listed.find((e) => /\.shp$/i.test(e.name) && !e.name.startsWith('__MACOSX/'));
  if (!shp) return { missing: true };
  const base = shp.name.slice(0, -4).toLowerCase();
  const siblings = (['shx', 'dbf', 'prj', 'cpg'] as const).map((ext) => [ext, listed.find((e) => e.name.toLowerCase() === `${base}.${ext}`)] as const);
  const wanted = [shp, ...siblings.flatMap(([, e]) => (e ? [e] : []))];
  const inflated = readZipEntries(bytes, wanted, file, limits);
  if (!(inflated instanceof Map)) return inflated;
  const parts: ShapefileParts = { shp: inflated.get(shp.name)! };
  for (const [ext, e] of siblings) {
    if (!e) continue;
    parts[ext] = inflated.get(e.name)!;
    if (ext === 'shx') parts.shxName = e.name;
    if (ext === 'dbf') parts.dbfName = e.name;
  }
  return { shpName: shp.name, parts };
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
  } catch {
    // proj4 throws strings, its parser's state or its own TypeErrors: none of them is for a user.
    diagnostics.push(diagnose('import-unreadable', where, { format: 'Shapefile .prj', reason: 'not a coordinate system proj4 understands' }));
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
const FILE_CODE = 9994;
const HEADER_BYTES = 100;

/** A record's rings as [x, y] (Z and M are ignored); 'null' for a null shape, 'skipped' when it was corrupt. */
type Shape = number[][][] | 'null' | 'skipped';

/**
 * Each record's shape, checking every length, count and offset against the bytes present. A corrupt record
 * whose length can be trusted is skipped and reading goes on; a corrupt length or a truncated file ends the
 * reading there. Either way the first problem is returned to be reported.
 */
function readPolygons(shp: Uint8Array, part: string): { shapes: Shape[]; problem: Corruption | null } {
  const size = shp.length;
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const header = (field: string, value: number, problem: Corruption['problem'], extra: Partial<Corruption> = {}) => ({ shapes: [], problem: { part, record: 0, field, value, problem, size, ...extra } });
  if (size < HEADER_BYTES) return header('file-code', size, 'past-end');
  if (view.getInt32(0) !== FILE_CODE) return header('file-code', view.getInt32(0), 'mismatch', { expected: FILE_CODE, other: 'ESRI Shapefile' });
  const type = view.getInt32(32, true);
  if (!SHAPE_POLYGON.includes(type)) return header('shape-type', type, 'unsupported');
  const shapes: Shape[] = [];
  let problem: Corruption | null = null;
  let at = HEADER_BYTES;
  while (at < size) {
    const record = shapes.length + 1;
    const bad = (field: string, value: number, p: Corruption['problem'], extra: Partial<Corruption> = {}): Corruption => ({ part, record, field, value, problem: p, size, ...extra });
    if (at + 8 > size) {
      problem = bad('content-length', size - at, 'past-end');
      break;
    }
    const words = view.getInt32(at + 4);
    const content = at + 8;
    if (words < 0) {
      problem = bad('content-length', words, 'negative');
      break;
    }
    const length = words * 2;
    if (length < 4) {
      problem = bad('content-length', words, 'too-small', { expected: 2 });
      break;
    }
    if (content + length > size) {
      problem = bad('content-length', words, 'past-end');
      break;
    }
    at = content + length;
    try {
      shapes.push(readShape(view, content, length, type, (field, value, p, extra) => corrupt(bad(field, value, p, extra))));
    } catch (err) {
      if (!(err instanceof CorruptInput)) throw err;
      problem ??= err.corruption;
      shapes.push('skipped');
    }
  }
  return { shapes, problem };
}

type Complain = (field: string, value: number, problem: Corruption['problem'], extra?: Partial<Corruption>) => never;

function readShape(view: DataView, content: number, length: number, fileType: number, bad: Complain): Shape {
  const type = view.getInt32(content, true);
  if (type === 0) return 'null';
  if (type !== fileType) bad('shape-type', type, 'mismatch', { expected: fileType, other: 'header' });
  if (length < 44) bad('content-length', length / 2, 'too-small', { expected: 22 });
  const parts = view.getInt32(content + 36, true);
  const count = view.getInt32(content + 40, true);
  if (parts < 0) bad('part-count', parts, 'negative');
  if (count < 0) bad('point-count', count, 'negative');
  // Both counts are bounded by the record's own length before anything is allocated for them.
  if (44 + 4 * parts > length) bad('part-count', parts, 'past-record', { size: length });
  if (44 + 4 * parts + 16 * count > length) bad('point-count', count, 'past-record', { size: length });
  if (parts === 0 && count > 0) bad('part-count', parts, 'too-small', { expected: 1 });
  const starts: number[] = [];
  for (let k = 0; k < parts; k++) {
    const start = view.getInt32(content + 44 + 4 * k, true);
    const low = k === 0 ? 0 : starts[k - 1]!;
    if (k === 0 ? start !== 0 : start < low || start > count) bad('part-start', start, 'out-of-range', { expected: k === 0 ? '0' : `${low}–${count}` });
    starts.push(start);
  }
  const pointsAt = content + 44 + 4 * parts;
  return starts.map((start, k) => {
    const end = k + 1 < parts ? starts[k + 1]! : count;
    const ring: number[][] = [];
    for (let j = start; j < end; j++) ring.push([view.getFloat64(pointsAt + 16 * j, true), view.getFloat64(pointsAt + 16 * j + 8, true)]);
    return ring;
  });
}

/**
 * The .shx is not needed to read the .shp in order, but a broken one says the pair is damaged: each entry must
 * point at a record inside the .shp, and there must be one per record.
 */
function checkIndex(shx: Uint8Array, part: string, shpSize: number, records: number | null, shpName: string): Corruption | null {
  const size = shx.length;
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (size < HEADER_BYTES) return { part, record: 0, field: 'file-code', value: size, problem: 'past-end', size };
  if (view.getInt32(0) !== FILE_CODE) return { part, record: 0, field: 'file-code', value: view.getInt32(0), problem: 'mismatch', expected: FILE_CODE, other: 'ESRI Shapefile' };
  const entries = Math.floor((size - HEADER_BYTES) / 8);
  for (let k = 0; k < entries; k++) {
    const offset = view.getInt32(HEADER_BYTES + 8 * k) * 2;
    const length = view.getInt32(HEADER_BYTES + 8 * k + 4) * 2;
    const record = k + 1;
    if (offset < HEADER_BYTES) return { part, record, field: 'record-offset', value: offset / 2, problem: 'too-small', expected: HEADER_BYTES / 2 };
    if (length < 0) return { part, record, field: 'content-length', value: length / 2, problem: 'negative' };
    if (offset + 8 + length > shpSize) return { part, record, field: 'record-offset', value: offset / 2, problem: 'past-end', size: shpSize };
  }
  // Once the .shp itself is broken, its record count says nothing more.
  if (records !== null && entries !== records) return { part, record: 0, field: 'record-count', value: entries, problem: 'mismatch', expected: records, other: shpName };
  return null;
}
