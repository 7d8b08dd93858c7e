// The Downloads menu: a list of entries, each producing one file. The GIS interchange issue appends its
// formats (Shapefile, KML, CSV of points…) here; heavy writers should be imported inside `make` so they load on demand.
import { data } from './data.js';
import type { Dict } from './i18n.js';

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

export interface DownloadItem {
  id: string;
  label(t: Dict): string;
  available(ctx: DownloadContext): boolean;
  make(ctx: DownloadContext): Promise<DownloadFile>;
}

const GEOJSON = 'application/geo+json';

export const DOWNLOADS: DownloadItem[] = [
  {
    id: 'geojson-all',
    label: (t) => t.downloadAll,
    available: () => true,
    make: async () => ({ name: 'jiezhi-parcels.geojson', type: GEOJSON, data: await data.geojson(null) }),
  },
  {
    id: 'geojson-filtered',
    label: (t) => t.downloadFiltered,
    available: (ctx) => ctx.filteredCount > 0,
    make: async (ctx) => ({ name: 'jiezhi-filtered.geojson', type: GEOJSON, data: await data.geojson(ctx.filteredIds()) }),
  },
  {
    id: 'geojson-selected',
    label: (t) => t.downloadSelected,
    available: (ctx) => ctx.selectedId !== null,
    make: async (ctx) => ({ name: `jiezhi-${safeName(ctx.selectedDoc ?? 'parcel')}.geojson`, type: GEOJSON, data: await data.geojson([ctx.selectedId!]) }),
  },
];

/** Keeps Chinese in file names; drops what file systems reject. */
export function safeName(text: string): string {
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
