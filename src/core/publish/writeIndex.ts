// The table index and the chunks of full records, from records.json: so that the page starts in about the same
// time with 11 parcels or 100 000. Areas to 4 decimals of a m² as in parcels.geojson, positions in whole
// DISPLAY_UNITs: the index is for the table and the camera; details and downloads come from the full records.
import { geoJSONFeatures } from '../formats/geojson/readGeoJSON.js';
import { boxesBbox, labelPoint, ringsBbox, type Position } from '../geometry/labelPoint.js';
import { isObject } from '../model/isObject.js';
import type { Parcel } from '../model/types.js';
import { decodeBox, DISPLAY_UNIT, INDEX_FORMAT, near, PAGE_DIR, type Bounds, type PageIndex } from './pageFormat.js';
import { parcelExtras, parcelRow } from './rows.js';

/** Chunks of full records: about this many bytes of JSON each, neighbouring parcels together. */
const CHUNK_BYTES = 1 << 20;
const CHUNK_MAX_RECORDS = 2000;

export interface WrittenIndex {
  index: PageIndex;
  /** The chunk files (named in index.chunks), as JSON text. */
  chunks: { file: string; text: string }[];
  /** Of every drawn record and layer feature, as the page decodes the index: its first view. */
  bounds: Bounds | null;
}

/**
 * `records` is records.json as parsed; `layers` the parsed planning and mining layer files, whose features
 * count in the first view too.
 */
export function writeIndex(records: unknown, layers: readonly unknown[] = []): WrittenIndex {
  const all = isObject(records) ? records : {};
  const list: Parcel[] = Array.isArray(all.records) ? (all.records as Parcel[]) : [];
  const n = list.length;
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  /** Index into `strings`; -1 for null, undefined or ''. */
  const str = (value: string | null | undefined): number => {
    if (value === null || value === undefined || value === '') return -1;
    let i = stringIndex.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      stringIndex.set(value, i);
    }
    return i;
  };
  const m2 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);

  const c: PageIndex['columns'] = {
    id: new Array(n),
    doc: new Array(n),
    docBase: new Array(n),
    holder: new Array(n),
    location: new Array(n),
    title: new Array(n),
    reports: new Array(n),
    statedM2: new Array(n),
    statedText: new Array(n),
    computedM2: new Array(n),
    deltaM2: new Array(n),
    status: new Array(n),
    sourceFile: new Array(n),
    source: new Array(n),
    epsg: new Array(n),
    label: new Array(2 * n),
    bbox: new Array(4 * n),
    chunk: new Array(n),
  };
  let bounds: Bounds | null = null;
  const extend = (b: Bounds) => (bounds = boxesBbox([bounds, b]));
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    const p = list[i]!;
    const row = parcelRow(p, false);
    const extras = parcelExtras(p);
    c.id[i] = row.id;
    c.doc[i] = row.doc;
    c.docBase[i] = str(row.doc !== p.doc ? p.doc : null);
    c.holder[i] = str(row.holder);
    c.location[i] = str(row.location);
    c.title[i] = str(extras.title);
    c.reports[i] = str(extras.reports);
    c.statedM2[i] = m2(row.statedM2);
    c.statedText[i] = str(row.statedText);
    c.computedM2[i] = m2(row.computedM2);
    c.deltaM2[i] = m2(row.deltaM2);
    c.status[i] = str(row.status);
    const file = p.span.file;
    c.sourceFile[i] = file && row.source.startsWith(file) ? str(file) : -1;
    c.source[i] = c.sourceFile[i]! >= 0 ? row.source.slice(file.length) : row.source;
    c.epsg[i] = row.epsg;
    const at = p.lonLatRing ? labelPoint([p.lonLatRing]) : null;
    if (row.bbox && at) {
      drawn++;
      const [w, s, e, nn] = row.bbox;
      const [lon, lat] = [near(at[0]), near(at[1])];
      c.label[2 * i] = lon;
      c.label[2 * i + 1] = lat;
      const off = [(lon - w) * DISPLAY_UNIT, (lat - s) * DISPLAY_UNIT, (e - lon) * DISPLAY_UNIT, (nn - lat) * DISPLAY_UNIT].map((d) => Math.max(0, Math.ceil(d)));
      for (let k = 0; k < 4; k++) c.bbox[4 * i + k] = off[k]!;
      // The bbox as the reader decodes it, so that the first view is the page's zoom-to-all.
      extend(decodeBox(lon, lat, off));
    } else {
      c.bbox.fill(null, 4 * i, 4 * i + 4);
      c.label[2 * i] = null;
      c.label[2 * i + 1] = null;
    }
  }

  const chunks = chunkRecords(list, c, bounds);
  for (const value of layers) {
    for (const f of geoJSONFeatures(value)) if (f.polygons) extend(ringsBbox(f.polygons.map((poly) => poly[0]! as Position[])));
  }

  const { records: _records, ...meta } = all;
  const index: PageIndex = { format: INDEX_FORMAT, count: n, drawn, chunks: chunks.map((k) => k.file), strings, columns: c, meta };
  return { index, chunks, bounds };
}

// Chunks of neighbouring parcels (Hilbert order of their label points; records without geometry last, in their
// order), so that the vertices of a view or a parcel and its neighbours come from one or two chunks.
function chunkRecords(list: readonly Parcel[], c: PageIndex['columns'], bounds: Bounds | null): { file: string; text: string }[] {
  const n = list.length;
  const order = [...Array(n).keys()];
  const key = new Float64Array(n);
  if (bounds) {
    const [w, s, e, nn] = bounds;
    const scale = 65535 / Math.max(e - w, nn - s, 1e-9);
    for (let i = 0; i < n; i++) {
      const lon = c.label[2 * i];
      const lat = c.label[2 * i + 1];
      key[i] = lon === null || lon === undefined || lat === null || lat === undefined ? Infinity : hilbert(Math.round((lon - w) * scale), Math.round((lat - s) * scale));
    }
  }
  order.sort((a, b) => key[a]! - key[b]! || a - b);
  const chunks: { file: string; text: string }[] = [];
  let parts: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (parts.length === 0) return;
    chunks.push({ file: `${PAGE_DIR}/records/${chunks.length}.json`, text: `[${parts.join(',')}]` });
    parts = [];
    bytes = 0;
  };
  for (const i of order) {
    const json = JSON.stringify(list[i]);
    if (parts.length > 0 && (bytes + json.length > CHUNK_BYTES || parts.length >= CHUNK_MAX_RECORDS)) flush();
    c.chunk[i] = chunks.length;
    parts.push(json);
    bytes += json.length + 1;
  }
  flush();
  return chunks;
}

/** Position of (x, y) on a Hilbert curve over a 65536 × 65536 grid. */
function hilbert(x: number, y: number): number {
  const size = 1 << 16;
  let d = 0;
  for (let s = size >> 1; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = size - 1 - x;
        y = size - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}
