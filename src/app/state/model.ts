// Shapes shared by the page and its worker. Everything is plain data: it crosses postMessage.
import type { Diagnostic, Parcel, SourceSpan } from '../../core/model/types.js';
import type { PackedRows } from '../../core/publish/readIndex.js';
import type { LayerId, Row } from '../../core/publish/rows.js';

export type { LayerId, Row };

export type SortKey = 'doc' | 'holder' | 'location' | 'stated' | 'computed' | 'delta' | 'status';

export const LAYERS: readonly LayerId[] = ['parcel', 'mining', 'planning'];

/** Verification statuses of the core, in legend order. `no-points` rows have no geometry. */
export const STATUSES = ['match', 'mismatch', 'unstated', 'invalid', 'no-points'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  match: '#2f9e5b',
  mismatch: '#d9363e',
  unstated: '#e6a23c',
  invalid: '#8e44ad',
  'no-points': '#9aa3ad',
  other: '#4a7bd0',
};

export interface LayerSummary {
  /** Features on the map; null when the layer's file does not exist (yet). */
  features: number | null;
  file: string | null;
  /** Entities the gazettes name for this layer without any geometry (the layer file's `unlocated` list). */
  unlocated?: number;
}

/** Rule outcomes of a mining zone and the approval status of a planning block, with their map colours. */
export const MINING_OUTCOMES = ['retain', 'consolidate', 'unknown'] as const;
export const PLANNING_STATUSES = ['approved', 'mentioned', 'unreferenced'] as const;
export const LAYER_STATUS_COLOURS: Record<string, string> = {
  retain: '#1f8a70',
  consolidate: '#d4572a',
  unknown: '#8c96a0',
  approved: '#2f62c4',
  mentioned: '#8a63c9',
  unreferenced: '#a3acb5',
};

/** How dropped coordinate files are taken: decided from their content, or as the user says. */
import type { ImportMode } from '../../core/layers/classifyInput.js';

export type { ImportMode };

/** A dropped file; `text` when the page already took the text out of a PDF or Word document. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
  text?: { content: string; from: 'pdf' | 'docx' };
}

/** References the gazettes make that no layer feature locates yet (planning.geojson / mining.geojson `unlocated`). */
export interface Unlocated {
  planning: { code: string; level: string; documents: { doc: string; date: string | null; title: string; role: string; source: string }[] }[];
  mining: { name: string; kind: string; documents: { doc: string; date: string | null; name: string; source: string }[] }[];
}

/** One neighbour of a parcel in the topology report. */
export interface Neighbour {
  id: string;
  doc: string;
  sharedVertices: number;
  /** Largest distance between two shared vertices, m (they may be printed a millimetre apart). */
  maxDistanceM: number;
  overlapM2: number;
  overlapWithinPrecision: boolean;
  gap: { widthM: number; parcel: string; label: number } | null;
}

export interface ExportRequestOptions {
  crs?: 'gk' | 'wgs84';
  encoding?: 'utf8' | 'gbk';
  name?: string;
}

export interface Message {
  level: 'error' | 'warning' | 'info';
  /** The diagnostic code the message comes from; absent for the page's own (a failed request). */
  code?: string;
  file?: string;
  zh: string;
  en: string;
}

export interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string | number; properties: Record<string, unknown> | null; geometry: unknown }[];
}

/** What a batch (the published data, or one import) adds to the page. */
export interface Batch {
  rows: Row[];
  /** Label points (one per drawn feature) for the map. */
  labels: FeatureCollectionLike;
  /** Polygons for the map, by layer; for the published parcels the page loads parcels.geojson itself. */
  polygons: Partial<Record<LayerId, FeatureCollectionLike>>;
  messages: Message[];
  /** After an import of layers: how many gazette references are still without geometry, by layer. */
  unlocated?: Partial<Record<LayerId, number>>;
  /** Topology markers (gaps, overlaps beyond precision) among the parcels this batch added. */
  topology?: FeatureCollectionLike;
}

export interface InitResult extends Batch {
  layers: Record<LayerId, LayerSummary>;
  diagnostics: Diagnostic[];
  /** URL (relative to the page) of the published parcels, for the map to load directly. */
  parcelsUrl: string | null;
  crsNote: string | null;
  /** Worker-side timings, for bench:map. */
  timings?: { startedAt: number; loadMs: number; rowsMs: number };
  /** The first `published` rows are the published records in index order (the vector tiles' feature ids). */
  published?: number;
  /** From the worker: the published records' rows as columns, which data.ts turns into the first rows. */
  publishedRows?: PackedRows;
}

export interface SourceExcerpt {
  span: SourceSpan;
  /** Original line numbers with their text; empty when the source text is not available. */
  lines: { n: number; text: string }[];
  available: boolean;
}

export interface VertexRow {
  label: string;
  x: number | null;
  y: number | null;
  lon: number | null;
  lat: number | null;
}

export interface Details {
  row: Row;
  /** Every attribute, in a stable order: [key, value as text]. */
  attributes: [string, string][];
  parcel: Parcel | null;
  sources: SourceExcerpt[];
  vertices: VertexRow[];
  diagnostics: Diagnostic[];
  /** A planning block's or mining zone's properties as the core wrote them (approvals, criteria, parcels…). */
  layerProps?: Record<string, unknown>;
  /** A parcel's neighbours: shared vertices, overlaps, gaps. */
  neighbours?: Neighbour[];
}

export type Request =
  | { type: 'init'; dataUrl: string }
  | { type: 'import'; files: ImportFile[]; mode?: ImportMode }
  | { type: 'export'; format: string; ids: string[] | null; options: ExportRequestOptions }
  | { type: 'unlocated' }
  | { type: 'topology' }
  | { type: 'details'; id: string }
  | { type: 'vertices'; ids: string[] };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
