// Relations between parcels on the Gauss–Krüger plane: the vertices neighbours share, where they overlap
// and where a thin gap separates them. Neighbouring decisions were surveyed separately, so the "same"
// corner can be printed a millimetre apart (吕政发〔2022〕12号 J1 and 14号 J2): every comparison allows
// for the printed precision instead of expecting exact topology. Each parcel's vertices and edges are indexed
// once, so that every comparison looks only at what is near: two parcels of 10 000 vertices each took 43 s
// when every vertex was measured against every edge.
import Flatbush from 'flatbush';
import { intersection } from 'polyclip-ts';
import { diagnose } from '../diagnostics/catalogue.js';
import { resolveLimits, type ResourceLimits } from '../model/limits.js';
import type { BoundaryPoint, Diagnostic, Parcel } from '../model/types.js';
import type { ParcelPairRelation, SharedVertex, TopologyReport } from '../model/topology.js';

/** How far apart two boundaries may be and still count as neighbours with a gap between them. */
const NEIGHBOUR_SEARCH_M = 1;

/** Pairs of related parcels; an overlap too large to compute exactly is reported in `diagnostics`. */
export function analyzeTopology(parcels: readonly Parcel[], overrides: Partial<ResourceLimits> = {}, diagnostics: Diagnostic[] = []): TopologyReport {
  const usable = parcels.filter((p) => p.lonLatRing && p.zone && p.points.length >= 3);
  if (usable.length < 2) return { pairs: [] };
  const limits = resolveLimits(overrides);
  const shapes = usable.map((p) => shapeOf(p.points));
  const index = new Flatbush(usable.length);
  for (const s of shapes) {
    const b = s.bounds;
    index.add(b.minE - NEIGHBOUR_SEARCH_M, b.minN - NEIGHBOUR_SEARCH_M, b.maxE + NEIGHBOUR_SEARCH_M, b.maxN + NEIGHBOUR_SEARCH_M);
  }
  index.finish();
  const pairs: ParcelPairRelation[] = [];
  usable.forEach((a, i) => {
    const box = shapes[i]!.bounds;
    for (const j of index.search(box.minE, box.minN, box.maxE, box.maxN)) {
      if (j <= i) continue;
      const b = usable[j]!;
      // Grid coordinates of different zones are not comparable; such neighbours are rare enough to skip.
      if (a.zone!.epsg !== b.zone!.epsg) continue;
      const relation = relate(a, shapes[i]!, b, shapes[j]!, limits);
      if (relation.overlapNotComputed) {
        diagnostics.push(diagnose('topology-overlap-not-computed', a.span, { a: a.id, b: b.id, vertices: a.points.length + b.points.length, limit: limits.overlapVertices }));
      }
      if (relation.sharedVertices.length > 0 || relation.overlapM2 > 0 || relation.overlapNotComputed || relation.gap) pairs.push(relation);
    }
  });
  return { pairs };
}

/** A ring with its vertices and edges indexed, on (north X, east Y) as printed. */
interface Shape {
  points: readonly BoundaryPoint[];
  vertices: Flatbush;
  /** Edge i runs from point i to point i + 1 (the last back to the first). */
  edges: Flatbush;
  bounds: { minE: number; minN: number; maxE: number; maxN: number };
  /** The largest last-digit unit of its points. */
  unit: number;
}

function shapeOf(points: readonly BoundaryPoint[]): Shape {
  const n = points.length;
  const vertices = new Flatbush(n);
  const edges = new Flatbush(n);
  let unit = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % n]!;
    vertices.add(p.x, p.y, p.x, p.y);
    edges.add(Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y));
    unit = Math.max(unit, unitOf(p));
  }
  vertices.finish();
  edges.finish();
  return { points, vertices, edges, bounds: bounds(points), unit };
}

function relate(a: Parcel, sa: Shape, b: Parcel, sb: Shape, limits: ResourceLimits): ParcelPairRelation {
  const sharedVertices: SharedVertex[] = [];
  for (const p of a.points) {
    // The widest a shared corner can be apart is the larger unit of the two, as samePrintedPoint allows.
    const u = Math.max(unitOf(p), sb.unit) + FLOAT_SLACK_M;
    for (const k of sb.vertices.search(p.x - u, p.y - u, p.x + u, p.y + u).sort((x, y) => x - y)) {
      const q = b.points[k]!;
      if (samePrintedPoint(p, q)) sharedVertices.push({ aLabel: p.label, bLabel: q.label, distanceM: Math.hypot(p.x - q.x, p.y - q.y) });
    }
  }
  const precision = 2 * Math.max(sa.unit, sb.unit);
  // The clipper works in exact arithmetic and is slow; most neighbours only touch, which this rules out first.
  const candidate = mayOverlap(sa, sb, precision);
  // Every crossing of the two boundaries is a vertex more for the clipper: two combs of a thousand teeth each
  // cross four million times. Counting stops once the budget is spent.
  const budget = limits.overlapVertices - a.points.length - b.points.length;
  const crossings = candidate && budget >= 0 ? countCrossings(sa, sb, budget + 1) : 0;
  const tooLarge = candidate && (budget < 0 || crossings > budget);
  const { area, width } = candidate && !tooLarge ? overlap(a.points, b.points) : { area: 0, width: 0 };
  const gapFromA = widestGap(sa, sb, precision);
  const gapFromB = widestGap(sb, sa, precision);
  let gap: ParcelPairRelation['gap'] = null;
  if (gapFromA && (!gapFromB || gapFromA.widthM >= gapFromB.widthM)) gap = { ...gapFromA, parcel: a.id };
  else if (gapFromB) gap = { ...gapFromB, parcel: b.id };
  return {
    a: a.id,
    b: b.id,
    sharedVertices,
    overlapM2: area,
    overlapWithinPrecision: width <= precision,
    ...(tooLarge ? { overlapNotComputed: true as const } : {}),
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

/**
 * Whether two rings can overlap by more than printing explains. Without crossing edges, boundaries that
 * only touch leave every vertex and edge midpoint of each ring outside the other or on its boundary; an
 * overlap shows as a vertex or an edge midpoint deep inside the other ring, or as one ring lying wholly
 * within the other (a parcel imported twice).
 */
function mayOverlap(a: Shape, b: Shape, precision: number): boolean {
  const deepInside = (p: BoundaryPoint, ring: Shape) => contains(ring, p) && nearBoundary(p, ring, precision) > precision;
  const within = (p: BoundaryPoint, ring: Shape) => contains(ring, p) || nearBoundary(p, ring, precision) <= precision;
  const probes = (ring: readonly BoundaryPoint[]) => [...ring, ...ring.map((p, i) => midpoint(p, ring[(i + 1) % ring.length]!))];
  if (probes(a.points).some((p) => deepInside(p, b)) || probes(b.points).some((p) => deepInside(p, a))) return true;
  if (a.points.every((p) => within(p, b)) || b.points.every((p) => within(p, a))) return true;
  const n = a.points.length;
  const m = b.points.length;
  for (let i = 0; i < n; i++) {
    const p1 = a.points[i]!;
    const p2 = a.points[(i + 1) % n]!;
    const near = b.edges.search(Math.min(p1.x, p2.x), Math.min(p1.y, p2.y), Math.max(p1.x, p2.x), Math.max(p1.y, p2.y));
    if (near.some((j) => crossProperly(p1, p2, b.points[j]!, b.points[(j + 1) % m]!))) return true;
  }
  return false;
}

/** Proper crossings between the edges of a and b, counted up to `max`. */
function countCrossings(a: Shape, b: Shape, max: number): number {
  const n = a.points.length;
  const m = b.points.length;
  let count = 0;
  for (let i = 0; i < n && count < max; i++) {
    const p1 = a.points[i]!;
    const p2 = a.points[(i + 1) % n]!;
    for (const j of b.edges.search(Math.min(p1.x, p2.x), Math.min(p1.y, p2.y), Math.max(p1.x, p2.x), Math.max(p1.y, p2.y))) {
      if (crossProperly(p1, p2, b.points[j]!, b.points[(j + 1) % m]!) && ++count >= max) break;
    }
  }
  return count;
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
function widestGap(from: Shape, to: Shape, precision: number): { widthM: number; label: number } | null {
  let widest: { widthM: number; label: number } | null = null;
  for (const p of from.points) {
    const d = nearBoundary(p, to, NEIGHBOUR_SEARCH_M);
    if (d <= precision || d > NEIGHBOUR_SEARCH_M || contains(to, p)) continue;
    if (!widest || d > widest.widthM) widest = { widthM: d, label: p.label };
  }
  return widest;
}

/** The distance from p to the ring's boundary when it is at most `within`; Infinity when farther. */
function nearBoundary(p: BoundaryPoint, ring: Shape, within: number): number {
  const n = ring.points.length;
  let best = Infinity;
  for (const i of ring.edges.search(p.x - within, p.y - within, p.x + within, p.y + within)) {
    best = Math.min(best, segmentDistance(p, ring.points[i]!, ring.points[(i + 1) % n]!));
  }
  return best <= within ? best : Infinity;
}

function segmentDistance(p: BoundaryPoint, a: BoundaryPoint, b: BoundaryPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Even-odd ray cast towards +X, over only the edges that span p's Y and reach past its X. */
function contains(ring: Shape, p: BoundaryPoint): boolean {
  const n = ring.points.length;
  let inside = false;
  for (const i of ring.edges.search(p.x, p.y, Infinity, p.y)) {
    // The same operand order as a cast over (i + 1, i) pairs, so boundary cases round the same way.
    const a = ring.points[(i + 1) % n]!;
    const b = ring.points[i]!;
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
