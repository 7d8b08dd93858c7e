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

export async function makeDownload(f: DownloadFormat, scope: Scope, ctx: DownloadContext): Promise<DownloadFile> {
  const ids = scope === 'all' ? null : scope === 'filtered' ? ctx.filteredIds() : [ctx.selectedId!];
  const base = scope === 'all' ? 'jiezhi-parcels' : scope === 'filtered' ? 'jiezhi-filtered' : `jiezhi-${safeName(ctx.selectedDoc ?? 'parcel')}`;
  const name = f.options?.encoding === 'gbk' ? `${base}-gbk` : f.options?.crs === 'wgs84' ? `${base}-wgs84` : base;
  const file = await data.export(f.format, ids, { ...f.options, name });
  return { name: file.fileName, type: file.mimeType, data: file.bytes as Uint8Array<ArrayBuffer> };
}

/** The writers' errors (nothing to write, mixed zones, a character GBK cannot hold) in the user's words. */
export function exportErrorMessage(err: unknown): Message {
  const en = err instanceof Error ? err.message : String(err);
  let zh = en;
  let m: RegExpExecArray | null;
  if (/no parcel with geometry/.test(en)) zh = '没有可以写出的带坐标宗地（所选记录都没有界址点坐标）';
  else if ((m = /needs the parcels in one zone, they are in ([^;]+);/.exec(en))) zh = `高斯-克吕格投影的 Shapefile 要求宗地在同一投影带内，所选宗地分属 ${m[1]}；请按带分别导出，或选择 WGS84`;
  else if ((m = /"(.+)" \(U\+([0-9A-F]+)\) cannot be written in GBK/.exec(en))) zh = `字符“${m[1]}”（U+${m[2]}）无法用 GBK 编码写出，请选择 UTF-8`;
  return { level: 'error', zh: `下载失败：${zh}`, en: `download failed: ${en}` };
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
