import type { ResourceLimits } from './limits.js';
import type { TopologyReport } from './topology.js';
import type { LayerResult } from './layers.js';
import type { Mine, MineralPlan, MiningPolicy } from './mining.js';
import type { PlanningBlock } from './planning.js';
import type { Diagnostic, SourceSpan } from './source.js';

export type { Diagnostic, Severity, SourceSpan } from './source.js';

// Shared data shapes of the pipeline: text → records → geometry → checks → outputs.
// Everything here is plain JSON-serialisable data so the same records cross a Web Worker boundary.

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
  /** The clause the figure was read from, as printed ("矿区面积约为0.0231平方公里"); set by the run reader. */
  wording?: string;
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
  /**
   * [lon, lat] in degrees as printed, for a point printed in 度分秒: x and y are then its projection to the zone
   * of its longitude, and the decimals the metric size of the last printed digit of a second (not whole digits).
   */
  lonLat?: [number, number];
}

/**
 * coordinate-file: a parcel read from a 国土 TXT, GeoJSON or Shapefile; mining-zone: a block of a mining-right TXT
 * or the 矿区范围 of a notice; parcel: land bounded by coordinates in a document of no recognised kind.
 */
export type RecordKind = 'take-back' | 'land-rights' | 'confiscation' | 'bulk-development' | 'coordinate-file' | 'mining-zone' | 'parcel';

/** A ring after the first one of a coordinate file (国土 TXT 圈号 > 1, a Shapefile or GeoJSON hole or part). */
interface ExtraRing {
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
  /** The geodetic datum the document names for its coordinates; absent when it names none (CGCS2000 is assumed). */
  datum?: Datum;
  /** The section of a document with several (一矿段, A区, 金藏采区, 地块1), as the document names it. */
  section?: string;
  /** The number of points the document declares for this ring ("由18个拐点圈定"), when it declares one for it. */
  declaredPoints?: number;
  /** The one figure a document states for all its sections together; each section's record carries it. */
  documentArea?: StatedArea;
}

/** Datums of Chinese Gauss–Krüger coordinates: CGCS2000 today, 1980 西安 and 1954 北京 in older documents. */
export type Datum = 'CGCS2000' | 'Xian80' | 'Beijing54';

export interface ZoneInfo {
  /** 3 or 6 (degrees of longitude). */
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
  epsg: number;
  /** True when the easting carries the zone number in front (37512131.140). */
  prefixed: boolean;
  /** The datum of the zone's plane when it is not CGCS2000 (then epsg is that datum's Gauss–Krüger code). */
  datum?: Exclude<Datum, 'CGCS2000'>;
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
  /** Planar area beside the ellipsoidal one, for records verified on the ellipsoid (mining rights, 度分秒 points). */
  planarM2?: number;
  /** Which area the stated figure agrees with: the older rule stated mining areas on the plane. */
  agreesWith?: 'ellipsoidal' | 'planar';
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
  /** Overrides of the resource limits (model/limits.ts): input size, archives, XML, crossings, rings, overlaps. */
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
