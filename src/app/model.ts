// Shapes shared by the page and its worker. Everything is plain data: it crosses postMessage.
import type { Diagnostic, Parcel, SourceSpan } from '../core/types.js';

export type SortKey = 'doc' | 'holder' | 'location' | 'stated' | 'computed' | 'delta' | 'status';

export type LayerId = 'parcel' | 'mining' | 'planning';
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

/** One table row: the few fields the table, the filters and the map camera need. */
export interface Row {
  id: string;
  layer: LayerId;
  doc: string;
  holder: string | null;
  location: string | null;
  statedM2: number | null;
  statedText: string | null;
  computedM2: number | null;
  deltaM2: number | null;
  status: string;
  imported: boolean;
  /** "file:line-endLine" of the first source; for GeoJSON features the file name. */
  source: string;
  /** [west, south, east, north] in degrees; null for records without geometry. */
  bbox: [number, number, number, number] | null;
  epsg: number | null;
  /** Lower-case text the free-text search looks in. */
  text: string;
}

export interface LayerSummary {
  /** Features on the map; null when the layer's file does not exist (yet). */
  features: number | null;
  file: string | null;
  /** Entities the gazettes name for this layer without any geometry (the layer file's `unlocated` list). */
  unlocated?: number;
}

export interface Message {
  level: 'error' | 'warning' | 'info';
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
}

export interface InitResult extends Batch {
  layers: Record<LayerId, LayerSummary>;
  diagnostics: Diagnostic[];
  /** URL (relative to the page) of the published parcels, for the map to load directly. */
  parcelsUrl: string | null;
  crsNote: string | null;
  /** Worker-side timings, for bench:map. */
  timings?: { startedAt: number; loadMs: number; rowsMs: number };
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
}

export type Request =
  | { type: 'init'; dataUrl: string }
  | { type: 'import'; files: { name: string; bytes: ArrayBuffer }[] }
  | { type: 'details'; id: string }
  | { type: 'vertices'; ids: string[] }
  | { type: 'geojson'; ids: string[] | null };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
