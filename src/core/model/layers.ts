// The planner's own layers (planning blocks, mining zones) and how they join the documents and parcels.
import type { Diagnostic, SourceSpan } from './source.js';
import type { Mine, RetentionResult, ZoneAttributes } from './mining.js';
import type { PlanningBlock } from './planning.js';

export interface LayerFeature {
  /** `file#n`, n the 1-based feature (or record) number in its file. */
  id: string;
  source: SourceSpan;
  properties: Record<string, unknown>;
  /** Polygons of [lon, lat] rings (CGCS2000 ≈ WGS84), exterior first. */
  polygons: [number, number][][][];
  /** Ellipsoidal area in m² when a reader computed it (mining-right TXT); otherwise computed on demand. */
  ellipsoidalM2?: number;
}

export interface LayerRead {
  features: LayerFeature[];
  diagnostics: Diagnostic[];
  /** Features left out, with why (not a polygon, coordinates not lon/lat). */
  skipped: { source: SourceSpan; reason: string }[];
}

export interface PlanningFeature {
  feature: LayerFeature;
  /** Normalised code read from the feature. */
  code: string;
  block: PlanningBlock | null;
}

export interface MiningFeature {
  feature: LayerFeature;
  name: string | null;
  key: string | null;
  mine: Mine | null;
  /** exact: same key; tail: one key is the end of the other (晋邦德 / 西山晋邦德), accepted only when unique. */
  match: 'exact' | 'tail' | null;
  attributes: ZoneAttributes;
  retention: RetentionResult;
}

export interface LayerJoin {
  planning: PlanningFeature[];
  mining: MiningFeature[];
  /** Features that are neither kind (no code, no name). */
  unclassified: LayerFeature[];
  unmatchedFeatures: { id: string; layer: 'planning' | 'mining'; label: string }[];
  unmatchedReferences: { planning: PlanningBlock[]; mining: Mine[] };
}

export interface ParcelRelation {
  parcel: string;
  layer: 'planning' | 'mining';
  /** The layer feature's id (file#n). */
  feature: string;
  /** Block code or mine name of the feature. */
  label: string;
  /** within: the whole parcel lies in the feature (up to a slack of 0.01 m², see layers/relateParcels); overlaps: part of it does. */
  relation: 'within' | 'overlaps';
  overlapM2: number;
  /** overlap ÷ the parcel's planar area. */
  parcelShare: number;
}

export interface RelatableFeature {
  layer: 'planning' | 'mining';
  label: string;
  feature: LayerFeature;
}

export interface LayerResult {
  join: LayerJoin;
  /** Land parcels against planning blocks and mining zones. */
  relations: ParcelRelation[];
  skipped: LayerRead['skipped'];
}
