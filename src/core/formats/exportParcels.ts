// One entry point per download: the CLI's `convert` and the page's download menu both call exportParcels with
// a format and get bytes, a file name and a MIME type. Only parcels with geometry are written.
import { diagnose } from '../diagnostics/catalogue.js';
import { unencodableInGbk, type TextEncoding } from '../text/encodeText.js';
import { hasGeometry } from '../geometry/parcelGeometry.js';
import { toCsv } from './csv/toCsv.js';
import { toFeatureCollection } from './geojson/toGeoJSON.js';
import { toGuotuTxt } from './guotu-txt/toGuotuTxt.js';
import { toKml, toKmz } from './kml/toKml.js';
import { toMiningCollection } from './geojson/toMiningGeoJSON.js';
import { toShapefile, type ExportCrs } from './shapefile/toShapefile.js';
import type { Diagnostic, Parcel } from '../model/types.js';

export const EXPORT_FORMATS = ['geojson', 'shp', 'kml', 'kmz', 'txt', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Shapefile only: gk (the parcels' own zone, default) or wgs84. The other formats have a fixed CRS. */
  crs?: ExportCrs;
  /** 国土 TXT only: utf8 (default) or gbk. */
  encoding?: TextEncoding;
  /** Base file name without extension. Default "parcels". */
  name?: string;
  /** 国土 TXT 数据产生日期 (YYYY-MM-DD); default today. */
  date?: string;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const MIME: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  shp: 'application/zip',
  kml: 'application/vnd.google-earth.kml+xml',
  kmz: 'application/vnd.google-earth.kmz',
  txt: 'text/plain',
  csv: 'text/csv',
};

const EXTENSION: Record<ExportFormat, string> = { geojson: 'geojson', shp: 'zip', kml: 'kml', kmz: 'kmz', txt: 'txt', csv: 'csv' };

export type ExportOutcome = { ok: true; file: ExportedFile } | { ok: false; diagnostics: Diagnostic[] };

/** exportParcels for a shell that shows the user why a file cannot be written: as coded diagnostics. */
export function tryExportParcels(parcels: readonly Parcel[], format: ExportFormat, options: ExportOptions = {}): ExportOutcome {
  const drawn = parcels.filter(hasGeometry);
  if (drawn.length === 0) return { ok: false, diagnostics: [diagnose('export-no-geometry')] };
  if (format === 'shp' && (options.crs ?? 'gk') === 'gk') {
    const zones = [...new Set(drawn.map((p) => p.zone?.epsg).filter((c): c is number => c !== undefined))];
    if (zones.length !== 1) return { ok: false, diagnostics: [diagnose('export-mixed-zones', undefined, { zones: zones.length === 0 ? '—' : zones.map((c) => `EPSG:${c}`).join('、') })] };
  }
  if (format === 'txt' && options.encoding === 'gbk') {
    const bad = unencodableInGbk(new TextDecoder().decode(toGuotuTxt(drawn, { encoding: 'utf8', date: options.date })));
    if (bad) return { ok: false, diagnostics: [diagnose('export-gbk-unencodable', undefined, bad)] };
  }
  return { ok: true, file: exportParcels(drawn, format, options) };
}

/** Throws an Error with a user-facing message when the parcels cannot be written (no geometry, mixed zones, GBK). */
export function exportParcels(parcels: readonly Parcel[], format: ExportFormat, options: ExportOptions = {}): ExportedFile {
  const drawn = parcels.filter(hasGeometry);
  if (drawn.length === 0) throw new Error('no parcel with geometry to write');
  const name = options.name ?? 'parcels';
  return { fileName: `${name}.${EXTENSION[format]}`, mimeType: MIME[format], bytes: write(drawn, format, { ...options, name }) };
}

function write(parcels: Parcel[], format: ExportFormat, options: ExportOptions): Uint8Array {
  switch (format) {
    case 'geojson': {
      // Land parcels and mining zones in one file; each feature's `layer` property tells them apart.
      const features = [...toFeatureCollection(parcels).features, ...toMiningCollection(parcels).features];
      return new TextEncoder().encode(`${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`);
    }
    case 'shp':
      return toShapefile(parcels, { crs: options.crs, name: options.name });
    case 'kml':
      return new TextEncoder().encode(toKml(parcels, { name: options.name }));
    case 'kmz':
      return toKmz(parcels, { name: options.name });
    case 'txt':
      return toGuotuTxt(parcels, { encoding: options.encoding, date: options.date });
    case 'csv':
      return toCsv(parcels);
  }
}
