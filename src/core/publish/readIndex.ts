// The published data as the page reads it (files written by writeIndex): the table index, loaded at start-up, and
// the full records, in chunks of neighbouring parcels loaded the first time one of them is needed (details,
// vertices, exports). records.json stays the complete output for GIS work; the page never parses it.
// The page gets the index's columns rather than 100 000 row objects (structured clone of that many objects costs
// seconds on the main thread) and makes the rows itself (rowsOf), as the worker makes the few it needs (rowAt).
import type { Parcel } from '../model/types.js';
import { decodeBox, type PageIndex } from './pageFormat.js';
import { labelFeature, searchText, type LabelFeature, type Row } from './rows.js';

/**
 * The table fields of the published records, column by column: numbers in typed arrays (NaN or -1 for none), text
 * columns as arrays of strings. The page gets it packed (packRows): typed arrays and one JSON string per text column
 * cross postMessage in milliseconds, where 100 000 row objects take seconds to clone.
 */
export interface RowTable {
  count: number;
  strings: string[];
  id: string[];
  doc: string[];
  source: string[];
  /** Positions in `strings`, -1 for none. */
  holder: Int32Array;
  location: Int32Array;
  title: Int32Array;
  reports: Int32Array;
  statedText: Int32Array;
  status: Int32Array;
  /** 0 for none. */
  epsg: Int32Array;
  /** NaN for none. */
  statedM2: Float64Array;
  computedM2: Float64Array;
  deltaM2: Float64Array;
  /** Four per record, NaN without geometry. */
  bbox: Float64Array;
}

/** A RowTable for postMessage: the text columns as JSON text. */
export type PackedRows = Omit<RowTable, 'strings' | 'id' | 'doc' | 'source'> & { strings: string; id: string; doc: string; source: string };

export function tableFromIndex({ count, strings, columns: c }: PageIndex): RowTable {
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
    bbox.set(decodeBox(lon, lat, c.bbox.slice(4 * i, 4 * i + 4) as number[]), 4 * i);
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
export function rowAt(t: RowTable, i: number): Row {
  const text = (k: number) => (k >= 0 ? t.strings[k]! : null);
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const doc = t.doc[i]!;
  const holder = text(t.holder[i]!);
  const location = text(t.location[i]!);
  const statedText = text(t.statedText[i]!);
  const source = t.source[i]!;
  const west = t.bbox[4 * i]!;
  const fields = {
    id: t.id[i]!,
    layer: 'parcel' as const,
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
    bbox: Number.isNaN(west) ? null : ([west, t.bbox[4 * i + 1]!, t.bbox[4 * i + 2]!, t.bbox[4 * i + 3]!] as Row['bbox']),
    epsg: t.epsg[i] || null,
  };
  return { ...fields, text: searchText(fields, { title: text(t.title[i]!), reports: text(t.reports[i]!) }) };
}

/** The table rows of the published records, in index order. */
export function rowsOf(t: RowTable): Row[] {
  const rows: Row[] = new Array(t.count);
  for (let i = 0; i < t.count; i++) rows[i] = rowAt(t, i);
  return rows;
}

/**
 * The published records behind the index: their rows, label points and, chunk by chunk, their full records.
 * `loadChunk` fetches chunk k (index.chunks[k]); the shell decides how.
 */
export class PublishedRecords {
  readonly table: RowTable;
  private readonly rowCache: (Row | undefined)[];
  private positions: Map<string, number> | null = null;
  private readonly chunkLoads = new Map<number, Promise<Parcel[]>>();

  constructor(
    private readonly index: PageIndex,
    private readonly loadChunk: (k: number) => Promise<Parcel[]>,
  ) {
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

  /** One label point per record with geometry, as labelFeature makes them for imported ones. */
  labels(): LabelFeature[] {
    const { columns: c } = this.index;
    const out: LabelFeature[] = [];
    for (let i = 0; i < this.index.count; i++) {
      const lon = c.label[2 * i];
      const lat = c.label[2 * i + 1];
      if (lon === null || lon === undefined || lat === null || lat === undefined) continue;
      const row = (this.rowCache[i] ??= rowAt(this.table, i));
      out.push(labelFeature(row, [lon, lat])!);
    }
    return out;
  }

  /**
   * The full records of these ids (null: of every record), loading the chunks not loaded yet. Calls `add` once per
   * record of each chunk that arrives, in chunk order; resolves when all are in.
   */
  async load(ids: readonly string[] | null, add: (parcel: Parcel) => void): Promise<void> {
    const wanted = new Set<number>();
    if (ids === null) for (let k = 0; k < this.index.chunks.length; k++) wanted.add(k);
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
      const p = this.loadChunk(k);
      this.chunkLoads.set(k, p);
      p.catch(() => this.chunkLoads.delete(k));
      fresh.push(p.then((parcels) => parcels.forEach(add)));
    }
    await Promise.all([...fresh, ...waits]);
  }
}
