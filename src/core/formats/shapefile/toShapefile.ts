// Shapefile export, zipped: .shp .shx .dbf .prj .cpg. Written here rather than with shp-write, which corrupts
// Chinese text (it keeps the low byte of each UTF-16 unit) and writes no .cpg. Polygons follow the ESRI rule:
// exterior rings clockwise, holes counter-clockwise. In the parcels' own Gauss–Krüger zone (the default, as
// bureaus store them) x is the easting with its zone prefix and y the northing, exactly as printed.
import { zipSync } from 'fflate';
import { WGS84_GEOGRAPHIC } from '../../geodesy/crs.js';
import { writeDbf } from './dbf.js';
import { toEsriWkt } from './esriWkt.js';
import { ringsBbox } from '../../geometry/labelPoint.js';
import { attributesFor, attributeValues } from '../parcelAttributes.js';
import { gridPolygons, hasGeometry, lonLatPolygons, reverseRings } from '../../geometry/parcelGeometry.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import type { Diagnostic, Parcel } from '../../model/types.js';

export type ExportCrs = 'gk' | 'wgs84';

export interface ShapefileOptions {
  /** gk: the parcels' CGCS2000 Gauss–Krüger zone (all must share one); wgs84: lon/lat. Default gk. */
  crs?: ExportCrs;
  /** Base name of the files inside the zip. Default "parcels". */
  name?: string;
}

const SHAPE_POLYGON = 5;
const FILE_CODE = 9994;
const VERSION = 1000;
const HEADER_BYTES = 100;

/** The EPSG code of a GK export: the one zone every parcel lies in, or the error naming them all. */
export function sharedZoneEpsg(parcels: readonly Parcel[]): number | Diagnostic {
  const codes = [...new Set(parcels.map((p) => p.zone?.epsg).filter((c): c is number => c !== undefined))];
  if (codes.length !== 1) return diagnose('export-zones-mixed', undefined, { found: codes.length === 0 ? '—' : codes.map((c) => `EPSG:${c}`).join(', ') });
  return codes[0]!;
}

export interface ShapefileWritten {
  /** The zip, or null when nothing could be written (the error is among the diagnostics). */
  bytes: Uint8Array | null;
  diagnostics: Diagnostic[];
}

/** The zip; parcels without geometry are left out. A GK export of parcels in several zones writes nothing. */
export function toShapefile(parcels: readonly Parcel[], options: ShapefileOptions = {}): ShapefileWritten {
  const drawn = parcels.filter(hasGeometry);
  const crs = options.crs ?? 'gk';
  const epsg = crs === 'gk' ? sharedZoneEpsg(drawn) : WGS84_GEOGRAPHIC;
  if (typeof epsg !== 'number') return { bytes: null, diagnostics: [epsg] };
  const geometries = drawn.map((p) => (crs === 'gk' ? gridPolygons(p) : reverseRings(lonLatPolygons(p))).flat());
  const { shp, shx } = writeShpShx(geometries);
  const attributes = attributesFor(drawn);
  const dbf = writeDbf(attributes, drawn.map((p) => attributeValues(p, attributes)), drawn.map((p) => p.span));
  const name = options.name ?? 'parcels';
  const text = new TextEncoder();
  const bytes = zipSync({
    [`${name}.shp`]: shp,
    [`${name}.shx`]: shx,
    [`${name}.dbf`]: dbf.bytes,
    [`${name}.prj`]: text.encode(toEsriWkt(epsg)),
    [`${name}.cpg`]: text.encode('UTF-8'),
  });
  return { bytes, diagnostics: dbf.diagnostics };
}

type Ring = [number, number][];

/** Main file and index for polygon records, one per entry of `records` (each a list of rings). */
export function writeShpShx(records: readonly Ring[][]): { shp: Uint8Array; shx: Uint8Array } {
  const contentBytes = records.map((rings) => 44 + 4 * rings.length + 16 * rings.reduce((n, r) => n + r.length, 0));
  const shpLength = HEADER_BYTES + contentBytes.reduce((n, c) => n + 8 + c, 0);
  const shxLength = HEADER_BYTES + 8 * records.length;
  const shp = new DataView(new ArrayBuffer(shpLength));
  const shx = new DataView(new ArrayBuffer(shxLength));
  const all = records.flat(2);
  const box = all.length > 0 ? ringsBbox([all]) : [0, 0, 0, 0];
  writeHeader(shp, shpLength, box);
  writeHeader(shx, shxLength, box);
  let at = HEADER_BYTES;
  records.forEach((rings, i) => {
    const content = contentBytes[i]!;
    shx.setInt32(HEADER_BYTES + 8 * i, at / 2);
    shx.setInt32(HEADER_BYTES + 8 * i + 4, content / 2);
    // Record header big-endian, content little-endian: the format mixes both.
    shp.setInt32(at, i + 1);
    shp.setInt32(at + 4, content / 2);
    at += 8;
    shp.setInt32(at, SHAPE_POLYGON, true);
    ringsBbox(rings).forEach((v, k) => shp.setFloat64(at + 4 + 8 * k, v, true));
    const points = rings.flat();
    shp.setInt32(at + 36, rings.length, true);
    shp.setInt32(at + 40, points.length, true);
    let start = 0;
    rings.forEach((r, k) => {
      shp.setInt32(at + 44 + 4 * k, start, true);
      start += r.length;
    });
    let p = at + 44 + 4 * rings.length;
    for (const [x, y] of points) {
      shp.setFloat64(p, x, true);
      shp.setFloat64(p + 8, y, true);
      p += 16;
    }
    at += content;
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

function writeHeader(view: DataView, length: number, box: number[]): void {
  view.setInt32(0, FILE_CODE);
  view.setInt32(24, length / 2);
  view.setInt32(28, VERSION, true);
  view.setInt32(32, SHAPE_POLYGON, true);
  box.forEach((v, k) => view.setFloat64(36 + 8 * k, v, true));
}
