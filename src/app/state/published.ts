// The published data as the worker reads it (files written by scripts/publish-data.mjs): the table index, loaded at
// start-up, and the full records, in chunks of neighbouring parcels fetched the first time one of them is needed
// (details, vertices, exports). records.json stays the complete output for GIS work; the page never parses it.
// The page gets the index's columns rather than 100 000 row objects (structured clone of that many objects costs
// seconds on the main thread) and makes the rows itself (rowsOf), as the worker makes the few it needs (rowAt).
import type { Parcel } from '../../core/model/types.js';
import type { FeatureCollectionLike, PackedRows, Row, RowTable } from './model.js';

type Feature = FeatureCollectionLike['features'][number];

export interface PageIndex {
  format: string;
  count: number;
  /** Records with geometry. */
  drawn: number;
  /** Chunk files of full records, relative to the data folder. */
  chunks: string[];
  /** Every string the columns below refer to by position (-1: none). */
  strings: string[];
  columns: {
    id: string[];
    /** The table's document number, with the parcel number: 吕政发〔2022〕15号（2）. */
    doc: string[];
    /** The document number alone when `doc` carries a parcel number. */
    docBase: number[];
    holder: number[];
    location: number[];
    title: number[];
    /** Survey report numbers, joined by spaces. */
    reports: number[];
    /** m² to 4 decimals, as in parcels.geojson. */
    statedM2: (number | null)[];
    statedText: number[];
    computedM2: (number | null)[];
    deltaM2: (number | null)[];
    status: number[];
    /** The record's span as formatSpan writes it ("file:line-endLine") is strings[sourceFile] + source. */
    sourceFile: number[];
    source: string[];
    epsg: (number | null)[];
    /** Two numbers per record: the label point to 1e-7°; nulls without geometry. */
    label: (number | null)[];
    /** Four per record: west, south, east, north as distances from the label point in units of 1e-7° (rounded outwards). */
    bbox: (number | null)[];
    /** Which chunk holds the full record. */
    chunk: number[];
  };
  /** records.json without its records: diagnostics, crsNote, topology, planning blocks, mines… */
  meta: Record<string, unknown>;
}

const UNIT = 1e7;

function tableFromIndex({ count, strings, columns: c }: PageIndex): RowTable {
  const ints = (values: (number | null)[], none: number) => {
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? none;
    return out;
  };
  const floats = (values: (number | null)[]) => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? NaN;
    return out;
  };
  const source = new Array<string>(count);
  const bbox = new Float64Array(4 * count).fill(NaN);
  for (let i = 0; i < count; i++) {
    const file = c.sourceFile[i]!;
    source[i] = file >= 0 ? strings[file]! + c.source[i]! : c.source[i]!;
    const lon = c.label[2 * i];
    const lat = c.label[2 * i + 1];
    if (lon === null || lon === undefined || lat === null || lat === undefined || c.bbox[4 * i] === null) continue;
    bbox[4 * i] = lon - c.bbox[4 * i]! / UNIT;
    bbox[4 * i + 1] = lat - c.bbox[4 * i + 1]! / UNIT;
    bbox[4 * i + 2] = lon + c.bbox[4 * i + 2]! / UNIT;
    bbox[4 * i + 3] = lat + c.bbox[4 * i + 3]! / UNIT;
  }
  return {
    count,
    strings,
    id: c.id,
    doc: c.doc,
    source,
    holder: ints(c.holder, -1),
    location: ints(c.location, -1),
    title: ints(c.title, -1),
    reports: ints(c.reports, -1),
    statedText: ints(c.statedText, -1),
    status: ints(c.status, -1),
    epsg: ints(c.epsg, 0),
    statedM2: floats(c.statedM2),
    computedM2: floats(c.computedM2),
    deltaM2: floats(c.deltaM2),
    bbox,
  };
}

export function packRows(t: RowTable): PackedRows {
  return { ...t, strings: JSON.stringify(t.strings), id: JSON.stringify(t.id), doc: JSON.stringify(t.doc), source: JSON.stringify(t.source) };
}

export function unpackRows(p: PackedRows): RowTable {
  return { ...p, strings: JSON.parse(p.strings), id: JSON.parse(p.id), doc: JSON.parse(p.doc), source: JSON.parse(p.source) };
}

/** The table row of record i. */
function rowAt(t: RowTable, i: number): Row {
  const text = (k: number) => (k >= 0 ? t.strings[k]! : null);
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const doc = t.doc[i]!;
  const holder = text(t.holder[i]!);
  const location = text(t.location[i]!);
  const statedText = text(t.statedText[i]!);
  const source = t.source[i]!;
  const west = t.bbox[4 * i]!;
  return {
    id: t.id[i]!,
    layer: 'parcel',
    doc,
    holder,
    location,
    statedM2: num(t.statedM2[i]!),
    statedText,
    computedM2: num(t.computedM2[i]!),
    deltaM2: num(t.deltaM2[i]!),
    status: text(t.status[i]!) ?? 'unstated',
    imported: false,
    source,
    bbox: Number.isNaN(west) ? null : [west, t.bbox[4 * i + 1]!, t.bbox[4 * i + 2]!, t.bbox[4 * i + 3]!],
    epsg: t.epsg[i] || null,
    // The same text parcelRow (worker.ts) searches in for an imported record.
    text: [doc, holder, location, text(t.title[i]!), statedText, source, text(t.reports[i]!)].filter(Boolean).join(' ').toLowerCase(),
  };
}

/** The table rows of the published records, in index order. */
export function rowsOf(t: RowTable): Row[] {
  const rows: Row[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) rows[i] = rowAt(t, i);
  return rows;
}

export class Published {
  readonly table: RowTable;
  private readonly rowCache: (Row | undefined)[];
  private positions: Map<string, number> | null = null;
  private readonly chunkUrls: string[];
  private readonly chunkLoads = new Map<number, Promise<Parcel[]>>();

  constructor(
    private readonly index: PageIndex,
    base: URL,
  ) {
    this.chunkUrls = index.chunks.map((c) => new URL(c, base).href);
    this.table = tableFromIndex(index);
    this.rowCache = new Array(index.count);
  }

  /** Id → position, made on first use (start-up does not need it). */
  private get position(): Map<string, number> {
    if (!this.positions) {
      this.positions = new Map();
      this.index.columns.id.forEach((id, i) => this.positions!.set(id, i));
    }
    return this.positions;
  }

  get meta(): Record<string, unknown> {
    return this.index.meta;
  }

  get count(): number {
    return this.index.count;
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /** Position in the index (the table's order), or undefined for an id that is not published. */
  positionOf(id: string): number | undefined {
    return this.position.get(id);
  }

  row(id: string): Row | undefined {
    const i = this.position.get(id);
    if (i === undefined) return undefined;
    return (this.rowCache[i] ??= rowAt(this.table, i));
  }

  /** One label point per record with geometry, as the worker's labelFeature makes them for imported ones. */
  labels(): Feature[] {
    const { columns: c, strings } = this.index;
    const out: Feature[] = [];
    for (let i = 0; i < this.index.count; i++) {
      const lon = c.label[2 * i];
      const lat = c.label[2 * i + 1];
      if (lon === null || lon === undefined || lat === null || lat === undefined) continue;
      const row = (this.rowCache[i] ??= rowAt(this.table, i));
      const base = c.docBase[i]!;
      out.push({
        type: 'Feature',
        properties: { id: row.id, label: row.doc, status: row.status, layer: 'parcel', imported: false, doc: base >= 0 ? strings[base] : row.doc, holder: row.holder, location: row.location },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      });
    }
    return out;
  }

  /**
   * The full records of these ids (null: of every record), fetching the chunks not loaded yet. Calls `add` once per
   * record of each chunk that arrives, in chunk order; resolves when all are in.
   */
  async load(ids: readonly string[] | null, add: (parcel: Parcel) => void): Promise<void> {
    const wanted = new Set<number>();
    if (ids === null) for (let k = 0; k < this.chunkUrls.length; k++) wanted.add(k);
    else
      for (const id of ids) {
        const i = this.position.get(id);
        if (i !== undefined) wanted.add(this.index.columns.chunk[i]!);
      }
    const fresh: Promise<void>[] = [];
    const waits: Promise<Parcel[]>[] = [];
    for (const k of wanted) {
      const known = this.chunkLoads.get(k);
      if (known) {
        waits.push(known);
        continue;
      }
      const p = fetchChunk(this.chunkUrls[k]!);
      this.chunkLoads.set(k, p);
      p.catch(() => this.chunkLoads.delete(k));
      fresh.push(p.then((parcels) => parcels.forEach(add)));
    }
    await Promise.all([...fresh, ...waits]);
  }
}

async function fetchChunk(url: string): Promise<Parcel[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return (await response.json()) as Parcel[];
}
