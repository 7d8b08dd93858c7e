// How neighbouring parcels relate: shared vertices, overlaps and gaps.

export interface SharedVertex {
  aLabel: number;
  bLabel: number;
  /** Distance between the two printed points, metres. */
  distanceM: number;
}

export interface ParcelPairRelation {
  a: string;
  b: string;
  sharedVertices: SharedVertex[];
  /** Planar area in m² of the overlap of the two parcels (0 when they do not overlap). */
  overlapM2: number;
  /** True when the overlap is no wider than printing can explain: a precision sliver, not a conflict. */
  overlapWithinPrecision: boolean;
  /** Set when the rings may overlap but their vertices and crossings exceed limits.overlapVertices: overlapM2 is then 0, unknown. */
  overlapNotComputed?: true;
  /** Widest gap found between a vertex of one and the boundary of the other, beyond the precision. */
  gap: { widthM: number; parcel: string; label: number } | null;
}

export interface TopologyReport {
  /** Pairs of parcels that touch, overlap or nearly touch; others are left out. */
  pairs: ParcelPairRelation[];
}
