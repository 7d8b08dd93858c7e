// The Downloads menu: every format of the core's exportParcels (GeoJSON, Shapefile in the parcels' own
// Gauss–Krüger zone or WGS84, KML, KMZ, 国土 TXT in UTF-8 or GBK, CSV of boundary points), each for all parcels,
// the current filter or the selected parcel. The writers run in the data worker and load there on the first
// download, so none of them is in the page's initial JavaScript.
import { data } from './data.js';
import type { Dict } from '../locale/i18n.js';
import type { ExportRequestOptions, Message } from './model.js';

export interface DownloadContext {
  selectedId: string | null;
  selectedDoc: string | null;
  /** Ids of the rows the table currently shows, in table order. */
  filteredIds(): string[];
  filteredCount: number;
}

export interface DownloadFile {
  name: string;
  type: string;
  data: BlobPart;
}

export type Scope = 'all' | 'filtered' | 'selected';
export const SCOPES: readonly Scope[] = ['all', 'filtered', 'selected'];

export interface DownloadFormat {
  /** Menu id prefix: data-download="<id>-<scope>". */
  id: string;
  format: 'geojson' | 'shp' | 'kml' | 'kmz' | 'txt' | 'csv';
  options?: ExportRequestOptions;
  label(t: Dict): string;
  hint(t: Dict): string;
}

export const FORMATS: readonly DownloadFormat[] = [
  { id: 'geojson', format: 'geojson', label: () => 'GeoJSON', hint: (t) => t.fmtGeojsonHint },
  { id: 'shp-gk', format: 'shp', options: { crs: 'gk' }, label: () => 'Shapefile', hint: (t) => t.fmtShpGkHint },
  { id: 'shp-wgs84', format: 'shp', options: { crs: 'wgs84' }, label: () => 'Shapefile', hint: (t) => t.fmtShpWgsHint },
  { id: 'kml', format: 'kml', label: () => 'KML', hint: (t) => t.fmtKmlHint },
  { id: 'kmz', format: 'kmz', label: () => 'KMZ', hint: (t) => t.fmtKmlHint },
  { id: 'txt-utf8', format: 'txt', options: { encoding: 'utf8' }, label: (t) => t.fmtTxt, hint: () => 'UTF-8' },
  { id: 'txt-gbk', format: 'txt', options: { encoding: 'gbk' }, label: (t) => t.fmtTxt, hint: (t) => t.fmtTxtGbkHint },
  { id: 'csv', format: 'csv', label: () => 'CSV', hint: (t) => t.fmtCsvHint },
];

export function scopeLabel(t: Dict, scope: Scope): string {
  return scope === 'all' ? t.scopeAll : scope === 'filtered' ? t.scopeFiltered : t.scopeSelected;
}

export function available(scope: Scope, ctx: DownloadContext): boolean {
  return scope === 'all' ? true : scope === 'filtered' ? ctx.filteredCount > 0 : ctx.selectedId !== null;
}

/** The file, or the writer's coded diagnostics in the user's words. */
export async function makeDownload(f: DownloadFormat, scope: Scope, ctx: DownloadContext): Promise<{ ok: true; file: DownloadFile } | { ok: false; messages: Message[] }> {
  const ids = scope === 'all' ? null : scope === 'filtered' ? ctx.filteredIds() : [ctx.selectedId!];
  const base = scope === 'all' ? 'jiezhi-parcels' : scope === 'filtered' ? 'jiezhi-filtered' : `jiezhi-${safeName(ctx.selectedDoc ?? 'parcel')}`;
  const name = f.options?.encoding === 'gbk' ? `${base}-gbk` : f.options?.crs === 'wgs84' ? `${base}-wgs84` : base;
  const reply = await data.export(f.format, ids, { ...f.options, name });
  if (!reply.ok) return { ok: false, messages: reply.diagnostics.map((d) => ({ level: 'error', code: d.code, zh: `下载失败：${d.message.zh}`, en: `download failed: ${d.message.en}` })) };
  return { ok: true, file: { name: reply.file.fileName, type: reply.file.mimeType, data: reply.file.bytes as Uint8Array<ArrayBuffer> } };
}

/** Keeps Chinese in file names; drops what file systems reject. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'parcel';
}

export function saveFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.data], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
