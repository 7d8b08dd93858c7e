// What one extraction (records.json) puts into the database, cut into one row set per input file: each file
// loads in its own transaction, so a file's records, documents, diagnostics and mentions must all be its own.
import { createHash } from 'node:crypto';
import type { toRecordsJson } from '../../core/report/report.js';
import type { Diagnostic, Parcel } from '../../core/model/types.js';
import type { PlanningBlock } from '../../core/model/planning.js';
import type { Mine } from '../../core/model/mining.js';

export type RecordsJson = ReturnType<typeof toRecordsJson>;

/** Kinds whose `doc` is a document number (文号); coordinate and mining-right files number parcels within the file. */
const DOCUMENT_KINDS = new Set(['take-back', 'land-rights', 'confiscation', 'bulk-development']);

export interface FileRows {
  file: string;
  input: RecordsJson['inputs'][number] | null;
  sha256: string;
  documents: DocumentRow[];
  records: Parcel[];
  /** Diagnostics of the file that belong to no record. */
  diagnostics: Diagnostic[];
  blockDocuments: { block: PlanningBlock; document: PlanningBlock['documents'][number] }[];
  mineMentions: { mine: Mine; mention: Mine['mentions'][number] }[];
  /** Records whose 文号 and parcel number an earlier record already has; the database keeps one row per pair. */
  duplicates: Parcel[];
}

export interface DocumentRow {
  key: string;
  doc: string;
  title: string;
  issuer: string;
  date: string | null;
  kind: string;
  parcels: number;
}

/**
 * One 文号 however it is typed: NFKC (full-width digits and brackets to ASCII), any bracket around the year
 * as 〔〕, no spaces, no 第 before the number.
 */
export function normaliseDocNumber(doc: string): string {
  return doc
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[(【〔［（]/g, '〔')
    .replace(/[\])】〕］）]/g, '〕')
    .replace(/第(\d+)号/g, '$1号');
}

export function docKeyOf(record: Pick<Parcel, 'kind' | 'doc'>): string | null {
  return DOCUMENT_KINDS.has(record.kind) ? normaliseDocNumber(record.doc) : null;
}

export function rowsByFile(json: RecordsJson): FileRows[] {
  const files = new Map<string, Omit<FileRows, 'sha256'>>();
  const fileRows = (file: string) => {
    let rows = files.get(file);
    if (!rows) {
      rows = { file, input: null, documents: [], records: [], diagnostics: [], blockDocuments: [], mineMentions: [], duplicates: [] };
      files.set(file, rows);
    }
    return rows;
  };
  for (const input of json.inputs) fileRows(input.file).input = input;

  // A document printed in several files belongs, with all its parcels, to the file of its first parcel.
  const documentFile = new Map<string, string>();
  const seen = new Set<string>();
  for (const record of json.records) {
    const key = docKeyOf(record);
    const file = (key && documentFile.get(key)) || record.span.file;
    const rows = fileRows(file);
    if (key && seen.has(`${key}#${record.parcelIndex ?? 0}`)) {
      rows.duplicates.push(record);
      continue;
    }
    rows.records.push(record);
    if (!key) continue;
    seen.add(`${key}#${record.parcelIndex ?? 0}`);
    const known = rows.documents.find((d) => d.key === key);
    if (known) known.parcels++;
    else {
      documentFile.set(key, file);
      rows.documents.push({ key, doc: record.doc, title: record.title, issuer: record.issuer, date: record.date, kind: record.kind, parcels: 1 });
    }
  }
  const unsourced: Diagnostic[] = [];
  for (const d of json.diagnostics) (d.source ? fileRows(d.source.file).diagnostics : unsourced).push(d);
  for (const block of json.planningBlocks) {
    for (const document of block.documents) {
      const file = document.sources[0]?.file;
      if (file) fileRows(file).blockDocuments.push({ block, document });
    }
  }
  for (const mine of json.mines) {
    for (const mention of mine.mentions) fileRows(mention.source.file).mineMentions.push({ mine, mention });
  }
  const out = [...files.values()].map((rows) => ({ ...rows, sha256: contentHash(rows) }));
  if (unsourced.length > 0) out.push({ file: '', input: null, documents: [], records: [], diagnostics: unsourced, blockDocuments: [], mineMentions: [], duplicates: [], sha256: '' });
  return out;
}

// The hash covers what the file contributed, file name included: the same input read by the same Jiezhi gives
// the same hash, and a newer Jiezhi that reads it differently replaces its rows.
function contentHash(rows: Omit<FileRows, 'sha256'>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({
    file: rows.file,
    input: rows.input,
    documents: rows.documents,
    records: rows.records,
    diagnostics: rows.diagnostics,
    blockDocuments: rows.blockDocuments.map(({ block, document }) => [block.code, block.level, block.group, block.street, document]),
    // A mine's fullest name depends on every file that names it, so only its key is the file's own.
    mineMentions: rows.mineMentions.map(({ mine, mention }) => [mine.key, mention]),
  }));
  return hash.digest('hex');
}

/** EWKT of the record's polygons in its own zone, built from the printed points: easting = Y, northing = X. */
export function nativeEwkt(record: Parcel): string | null {
  if (!record.lonLatRing || !record.zone) return null;
  const rings = [record.points, ...(record.extraRings ?? []).map((r) => r.points)];
  const groups = record.polygonRings ?? [[0]];
  const ring = (i: number) => {
    const pts = rings[i] ?? [];
    return `(${[...pts, pts[0]!].map((p) => `${p.y} ${p.x}`).join(',')})`;
  };
  return `SRID=${record.zone.epsg};MULTIPOLYGON(${groups.map((g) => `(${g.map(ring).join(',')})`).join(',')})`;
}

/** EWKT of the record's polygons in EPSG:4326, as Jiezhi projected them (the same figures as the page). */
export function lonLatEwkt(record: Parcel): string | null {
  const polygons = record.lonLatPolygons ?? (record.lonLatRing ? [[record.lonLatRing]] : null);
  if (!polygons) return null;
  const ring = (r: [number, number][]) => `(${r.map(([lon, lat]) => `${lon} ${lat}`).join(',')})`;
  return `SRID=4326;MULTIPOLYGON(${polygons.map((p) => `(${p.map(ring).join(',')})`).join(',')})`;
}
