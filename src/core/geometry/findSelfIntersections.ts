// Where a ring's boundary crosses or touches itself. @turf/kinks compares every pair of edges, O(n²):
// fine for a gazette parcel, hours for the 100 000-point rings bad input can hold. Indexing the edges'
// boxes with flatbush tests only edges that can meet. (A property test holds this against @turf/kinks.)
import Flatbush from 'flatbush';
import type { GridPoint } from '../geodesy/planarArea.js';

/**
 * Crossing points, as [X, Y] on the grid, of non-adjacent edges of the closed ring through `points`
 * (distinct vertices, not repeating the first). Collinear overlapping edges report their overlap's ends.
 * The search stops after `limit`: a 15 000-point star crosses itself 56 million times, and collecting them
 * all ran out of memory.
 */
export function findSelfIntersections(points: readonly GridPoint[], limit = Infinity): [number, number][] {
  const n = points.length;
  if (n < 4) return [];
  // Relative to the first vertex, so the orientation arithmetic keeps millimetres.
  const x0 = points[0]!.x;
  const y0 = points[0]!.y;
  const e = points.map((p) => p.y - y0);
  const nn = points.map((p) => p.x - x0);
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    index.add(Math.min(e[i]!, e[j]!), Math.min(nn[i]!, nn[j]!), Math.max(e[i]!, e[j]!), Math.max(nn[i]!, nn[j]!));
  }
  index.finish();
  const found: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const i2 = (i + 1) % n;
    const candidates = index.search(Math.min(e[i]!, e[i2]!), Math.min(nn[i]!, nn[i2]!), Math.max(e[i]!, e[i2]!), Math.max(nn[i]!, nn[i2]!));
    for (const j of candidates) {
      // Each pair once, and never an edge with itself or its neighbours, which share a vertex by design.
      if (j <= i || j === i2 || (j + 1) % n === i) continue;
      const j2 = (j + 1) % n;
      for (const [pe, pn] of intersect(e[i]!, nn[i]!, e[i2]!, nn[i2]!, e[j]!, nn[j]!, e[j2]!, nn[j2]!)) {
        found.push([pn + x0, pe + y0]);
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
}

function intersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number][] {
  const d1 = cross(cx, cy, dx, dy, ax, ay);
  const d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy);
  const d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [[ax + t * (bx - ax), ay + t * (by - ay)]];
  }
  // Touching or collinear: an endpoint lying on the other edge.
  const touches: [number, number][] = [];
  if (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) touches.push([ax, ay]);
  if (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) touches.push([bx, by]);
  if (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) touches.push([cx, cy]);
  if (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy)) touches.push([dx, dy]);
  return dedupe(touches);
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

function dedupe(points: [number, number][]): [number, number][] {
  return points.filter((p, i) => points.findIndex((q) => q[0] === p[0] && q[1] === p[1]) === i);
}
