// Relations between parcels on the Gauss–Krüger plane: the vertices neighbours share, where they overlap
// and where a thin gap separates them. Neighbouring decisions were surveyed separately, so the "same"
// corner can be printed a millimetre apart (吕政发〔2022〕12号 J1 and 14号 J2): every comparison allows
// for the printed precision instead of expecting exact topology.
import Flatbush from 'flatbush';
import { intersection } from 'polyclip-ts';
import type { BoundaryPoint, Parcel } from '../model/types.js';
import type { ParcelPairRelation, SharedVertex, TopologyReport } from '../model/topology.js';

/** How far apart two boundaries may be and still count as neighbours with a gap between them. */
const NEIGHBOUR_SEARCH_M = 1;

export function analyzeTopology(parcels: readonly Parcel[]): TopologyReport {
  const usable = parcels.filter((p) => p.lonLatRing && p.zone && p.points.length >= 3);
  if (usable.length < 2) return { pairs: [] };
  const index = new Flatbush(usable.length);
  for (const p of usable) {
    const b = bounds(p.points);
    index.add(b.minE - NEIGHBOUR_SEARCH_M, b.minN - NEIGHBOUR_SEARCH_M, b.maxE + NEIGHBOUR_SEARCH_M, b.maxN + NEIGHBOUR_SEARCH_M);
  }
  index.finish();
  const pairs: ParcelPairRelation[] = [];
  usable.forEach((a, i) => {
    const box = bounds(a.points);
    for (const j of index.search(box.minE, box.minN, box.maxE, box.maxN)) {
      if (j <= i) continue;
      const b = usable[j]!;
      // Grid coordinates of different zones are not comparable; such neighbours are rare enough to skip.
      if (a.zone!.epsg !== b.zone!.epsg) continue;
      const relation = relate(a, b);
      if (relation.sharedVertices.length > 0 || relation.overlapM2 > 0 || relation.gap) pairs.push(relation);
    }
  });
  return { pairs };
}

function relate(a: Parcel, b: Parcel): ParcelPairRelation {
  const sharedVertices: SharedVertex[] = [];
  for (const p of a.points) {
    for (const q of b.points) {
      if (samePrintedPoint(p, q)) sharedVertices.push({ aLabel: p.label, bLabel: q.label, distanceM: Math.hypot(p.x - q.x, p.y - q.y) });
    }
  }
  // The clipper works in exact arithmetic and is slow; most neighbours only touch, which this rules out first.
  const { area, width } = mayOverlap(a.points, b.points) ? overlap(a.points, b.points) : { area: 0, width: 0 };
  const gapFromA = widestGap(a.points, b.points);
  const gapFromB = widestGap(b.points, a.points);
  let gap: ParcelPairRelation['gap'] = null;
  if (gapFromA && (!gapFromB || gapFromA.widthM >= gapFromB.widthM)) gap = { ...gapFromA, parcel: a.id };
  else if (gapFromB) gap = { ...gapFromB, parcel: b.id };
  return {
    a: a.id,
    b: b.id,
    sharedVertices,
    overlapM2: area,
    overlapWithinPrecision: width <= precisionOf(a.points, b.points),
    gap,
  };
}

/** One unit of the last printed digit: the larger of the two coordinates' units. */
function unitOf(p: BoundaryPoint): number {
  return 10 ** -Math.min(p.xDecimals, p.yDecimals);
}

/** Float64 noise in differences of 7–8 digit coordinates, far below any printed digit. */
const FLOAT_SLACK_M = 1e-6;

/** Two printed points are the same corner when they differ by at most one last-digit unit in X and in Y. */
function samePrintedPoint(p: BoundaryPoint, q: BoundaryPoint): boolean {
  const u = Math.max(unitOf(p), unitOf(q)) + FLOAT_SLACK_M;
  return Math.abs(p.x - q.x) <= u && Math.abs(p.y - q.y) <= u;
}

/** Widths up to this are what two independently rounded boundaries can differ by. */
function precisionOf(a: readonly BoundaryPoint[], b: readonly BoundaryPoint[]): number {
  let u = 0;
  for (const p of a) u = Math.max(u, unitOf(p));
  for (const p of b) u = Math.max(u, unitOf(p));
  return 2 * u;
}

/**
 * Whether two rings can overlap by more than printing explains. Without crossing edges, boundaries that
 * only touch leave every vertex and edge midpoint of each ring outside the other or on its boundary; an
 * overlap shows as a vertex or an edge midpoint deep inside the other ring, or as one ring lying wholly
 * within the other (a parcel imported twice).
 */
function mayOverlap(a: readonly BoundaryPoint[], b: readonly BoundaryPoint[]): boolean {
  const precision = precisionOf(a, b);
  const deepInside = (p: BoundaryPoint, ring: readonly BoundaryPoint[]) => contains(ring, p) && distanceToBoundary(p, ring) > precision;
  const within = (p: BoundaryPoint, ring: readonly BoundaryPoint[]) => contains(ring, p) || distanceToBoundary(p, ring) <= precision;
  const probes = (ring: readonly BoundaryPoint[]) => [...ring, ...ring.map((p, i) => midpoint(p, ring[(i + 1) % ring.length]!))];
  if (probes(a).some((p) => deepInside(p, b)) || probes(b).some((p) => deepInside(p, a))) return true;
  if (a.every((p) => within(p, b)) || b.every((p) => within(p, a))) return true;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (crossProperly(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!)) return true;
    }
  }
  return false;
}

function midpoint(p: BoundaryPoint, q: BoundaryPoint): BoundaryPoint {
  return { ...p, x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
}

function crossProperly(p1: BoundaryPoint, p2: BoundaryPoint, q1: BoundaryPoint, q2: BoundaryPoint): boolean {
  const side = (a: BoundaryPoint, b: BoundaryPoint, c: BoundaryPoint) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  return side(q1, q2, p1) * side(q1, q2, p2) < 0 && side(p1, p2, q1) * side(p1, p2, q2) < 0;
}

/** Overlap area (m²) and mean width (area over half its perimeter, m) on the grid. */
function overlap(a: readonly BoundaryPoint[], b: readonly BoundaryPoint[]): { area: number; width: number } {
  // Relative to a shared origin, so the clipper works on metres near zero rather than on 3.7e7.
  const e0 = a[0]!.y;
  const n0 = a[0]!.x;
  const ring = (pts: readonly BoundaryPoint[]): [number, number][] => {
    const r = pts.map((p) => [p.y - e0, p.x - n0] as [number, number]);
    r.push(r[0]!);
    return r;
  };
  let result: [number, number][][][];
  try {
    result = intersection([ring(a)], [ring(b)]);
  } catch {
    // The clipper rejects some degenerate inputs; an unknown overlap is reported as none rather than crash.
    return { area: 0, width: 0 };
  }
  let area = 0;
  let perimeter = 0;
  for (const polygon of result) {
    polygon.forEach((r, k) => {
      const ringArea = Math.abs(shoelace(r));
      area += k === 0 ? ringArea : -ringArea;
      for (let i = 0; i + 1 < r.length; i++) perimeter += Math.hypot(r[i + 1]![0] - r[i]![0], r[i + 1]![1] - r[i]![1]);
    });
  }
  return { area, width: perimeter > 0 ? area / (perimeter / 2) : 0 };
}

function shoelace(r: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < r.length; i++) twice += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return twice / 2;
}

/**
 * The vertex of `from` farthest from `to`'s boundary among those near it (within the neighbour search)
 * but outside `to` and farther than the printed precision: a gap or sliver between neighbours.
 */
function widestGap(from: readonly BoundaryPoint[], to: readonly BoundaryPoint[]): { widthM: number; label: number } | null {
  const precision = precisionOf(from, to);
  let widest: { widthM: number; label: number } | null = null;
  for (const p of from) {
    const d = distanceToBoundary(p, to);
    if (d <= precision || d > NEIGHBOUR_SEARCH_M || contains(to, p)) continue;
    if (!widest || d > widest.widthM) widest = { widthM: d, label: p.label };
  }
  return widest;
}

function distanceToBoundary(p: BoundaryPoint, ring: readonly BoundaryPoint[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    best = Math.min(best, segmentDistance(p, a, b));
  }
  return best;
}

function segmentDistance(p: BoundaryPoint, a: BoundaryPoint, b: BoundaryPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function contains(ring: readonly BoundaryPoint[], p: BoundaryPoint): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function bounds(points: readonly BoundaryPoint[]) {
  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  for (const p of points) {
    minE = Math.min(minE, p.y);
    maxE = Math.max(maxE, p.y);
    minN = Math.min(minN, p.x);
    maxN = Math.max(maxN, p.x);
  }
  return { minE, minN, maxE, maxN };
}
