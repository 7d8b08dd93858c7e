import type { ResourceLimits } from './limits.js';
import type { TopologyReport } from '../verify/analyzeTopology.js';
import type { LayerResult } from '../layers/applyLayers.js';
import type { Mine } from '../mining/extractMines.js';
import type { MineralPlan } from '../mining/extractMineralPlan.js';
import type { MiningPolicy } from '../mining/extractMiningPolicy.js';
import type { PlanningBlock } from '../planning/extractPlanningBlocks.js';

// Shared data shapes of the pipeline: text → records → geometry → checks → outputs.
// Everything here is plain JSON-serialisable data so the same records cross a Web Worker boundary.

/** Where something came from: a file and 1-based physical line numbers of the original input. */
export interface SourceSpan {
  file: string;
  line: number;
  endLine?: number;
  /** 1-based feature number in a GeoJSON or Shapefile input, which has no meaningful lines (line is then 0). */
  feature?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: { zh: string; en: string };
  source?: SourceSpan;
}

export type AreaUnit = '平方米' | '公顷' | '亩' | '平方公里';

export interface StatedArea {
  /** The figure as printed, e.g. "51599.96 平方米". */
  text: string;
  value: number;
  unit: AreaUnit;
  m2: number;
  /** Digits printed after the decimal point; the figure is exact to ±½ of its last digit. */
  decimals: number;
  source: SourceSpan;
}

export interface BoundaryPoint {
  /** The point number as printed (X12 → 12). */
  label: number;
  /** Northing, metres (surveying X). */
  x: number;
  /** Easting, metres, with the zone prefix when printed (surveying Y). */
  y: number;
  xDecimals: number;
  yDecimals: number;
  source: SourceSpan;
}

/** coordinate-file: a parcel read from a 国土 TXT, GeoJSON or Shapefile; mining-zone: a block of a mining-right TXT. */
export type RecordKind = 'take-back' | 'land-rights' | 'confiscation' | 'bulk-development' | 'coordinate-file' | 'mining-zone';

/** A ring after the first one of a coordinate file (国土 TXT 圈号 > 1, a Shapefile or GeoJSON hole or part). */
export interface ExtraRing {
  /** The ring number as printed (圈号 2, 3, …). */
  ring: number;
  /** Distinct vertices in the order printed; the closing repeat is not included. */
  points: BoundaryPoint[];
  closingPoint: BoundaryPoint | null;
}

/** One land record as the document states it, before any geometry is computed. */
export interface LandRecord {
  id: string;
  kind: RecordKind;
  doc: string;
  title: string;
  issuer: string;
  /** ISO date (YYYY-MM-DD) of the signature, when printed. */
  date: string | null;
  /** 1-based position of the parcel within a multi-parcel document; null when the document has one. */
  parcelIndex: number | null;
  holder: string | null;
  location: string | null;
  fourSides: string | null;
  statedArea: StatedArea | null;
  reportNumbers: string[];
  compensation: string | null;
  /** Distinct vertices in surveying order; the closing repeat of point 1 is not included. */
  points: BoundaryPoint[];
  /** The closing line (repeat of point 1), when printed. */
  closingPoint: BoundaryPoint | null;
  /** Where the document was printed; more than one when it appears in several gazettes. */
  sources: SourceSpan[];
  /** Lines of the parcel's own text within the first source. */
  span: SourceSpan;
  diagnostics: Diagnostic[];
  /** Rings after the first (holes or further parts, decided by containment); only coordinate files have them. */
  extraRings?: ExtraRing[];
  /** Elevation range in metres of a mining zone (标高 top, bottom). */
  elevation?: { top: number; bottom: number };
  /** Fields of a coordinate file kept for writing it back (地块用途, 地类编码, 图幅号, …). */
  attributes?: Record<string, string>;
  /** The 控规 plot the document itself names for this land ("XC-79 地块"), when it names exactly one. */
  planningBlock?: string;
}

export interface ZoneInfo {
  /** 3 or 6 (degrees of longitude). */
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
  epsg: number;
  /** True when the easting carries the zone number in front (37512131.140). */
  prefixed: boolean;
}

/**
 * match / mismatch: the computed planar area agrees (or not) with the stated one within the tolerance;
 * unstated: points but no stated area; invalid: points that make no usable polygon;
 * no-points: the document states the land but lists no boundary points, so nothing can be drawn.
 */
export type VerificationStatus = 'match' | 'mismatch' | 'unstated' | 'invalid' | 'no-points';

export interface AreaVerification {
  status: VerificationStatus;
  computedM2: number | null;
  ellipsoidalM2: number | null;
  deltaM2: number | null;
  /** Δ / stated. */
  deltaRelative: number | null;
  toleranceM2: number | null;
}

export interface GeometryChecks {
  /** Orientation of the printed ring in (east, north). */
  orientation: 'clockwise' | 'counterclockwise' | 'degenerate';
  closed: boolean;
  repeatedVertices: number[];
  /** Where edges cross, as [X, Y] on the grid; at most limits.crossingsListed. */
  selfIntersections: [number, number][];
  /** Set when the search stopped at the limit: the ring crosses itself more often than listed. */
  moreSelfIntersections?: true;
}

/** A single-edit explanation of a mismatch or an unusable ring, worded as a suggestion. */
export interface Hypothesis {
  kind: 'digit' | 'swap-xy' | 'swap-neighbours' | 'missing-point' | 'unit';
  /** The area in m² the parcel would have (or the stated figure would mean) if the hypothesis held. */
  areaM2: number;
  /** |areaM2 − stated area|; null without a stated area. */
  residualM2: number | null;
  /** Whether the hypothesis brings the area within the tolerance (and, for a crossing ring, untangles it). */
  restores: boolean;
  /** The point numbers concerned. */
  labels: number[];
  source?: SourceSpan;
  corrected?: { coordinate: 'X' | 'Y' | 'XY' | 'unit'; from: string; to: string };
  message: { zh: string; en: string };
}

/** A record with its geometry and verification: what every output is written from. */
export interface Parcel extends LandRecord {
  zone: ZoneInfo | null;
  /** Exterior ring as [lon, lat], counter-clockwise, closed; null when the record has no usable points. */
  lonLatRing: [number, number][] | null;
  /** [lon, lat] of each printed point, aligned with `points`; null when the zone is unknown. */
  pointLonLat: [number, number][] | null;
  checks: GeometryChecks | null;
  verification: AreaVerification;
  /** Ranked explanations when the status is mismatch or invalid; empty otherwise. */
  hypotheses: Hypothesis[];
  /**
   * The whole geometry when the record has extra rings: polygons of [lon, lat] rings, each exterior
   * counter-clockwise and each hole clockwise (RFC 7946), closed. Absent for a single ring (lonLatRing is it).
   */
  lonLatPolygons?: [number, number][][][];
  /**
   * Which rings make which polygon when the record has extra rings: ring 0 is record.points, ring i is
   * record.extraRings[i − 1]; the first index of each group is the exterior, the rest are its holes.
   */
  polygonRings?: number[][];
}

export interface DecodedText {
  file: string;
  text: string;
  /** How the text was obtained: a character encoding, or the text layer of a PDF / Word document. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'pdf-text' | 'docx-text';
  hadBom: boolean;
}

export interface ExtractOptions {
  /** Zone to use for coordinates printed without a zone prefix, e.g. { width: 3, zone: 37 }. */
  zone?: { width: 3 | 6; zone: number };
  /** Largest input in bytes that is read (default MAX_INPUT_BYTES in inputLimits.ts). */
  maxInputBytes?: number;
  /** Overrides of the resource limits (model/limits.ts) for archives, XML, crossings and ring sizes. */
  limits?: Partial<ResourceLimits>;
}

export interface ExtractResult {
  parcels: Parcel[];
  /** Shared vertices, overlaps and gaps between neighbouring parcels. */
  topology: TopologyReport;
  /** Problems not tied to a single record (unreadable files, stray coordinate lines). */
  diagnostics: Diagnostic[];
  inputs: { file: string; encoding: string; lines: number; bytes: number; documents: number }[];
  /** Every boundary-point line seen, and where it ended up. */
  pointLines: { total: number; inParcels: number; inDiagnostics: number };
  /** 控规 block codes the gazettes name, with their 组团/街区 and the documents that approve or cite them. */
  planningBlocks: PlanningBlock[];
  /** The single-retention thresholds and reduction target of the quarry consolidation policy; null when no input sets them. */
  miningPolicy: MiningPolicy | null;
  /** Named mines and quarries with the documents that mention them. */
  mines: Mine[];
  /** The mineral plan's counts and areas of planning blocks; null when no input is a mineral plan. */
  mineralPlan: MineralPlan | null;
  /** The planner's layers joined to the above, with parcel relations; set by applyLayers. */
  layers?: LayerResult;
}
