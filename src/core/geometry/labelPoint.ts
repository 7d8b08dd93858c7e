// Where a map puts a polygon's one label, and the box around its rings: shared by the page's worker (for imported
// files) and core/publish (for the published data), so both place labels the same way.

import { bbox } from '@turf/bbox';

export type Position = [number, number];

/** A point inside the largest of the rings (by planar area in the rings' own units); null for no ring. */
export function labelPoint(rings: readonly (readonly Position[])[]): Position | null {
  let best: readonly Position[] | null = null;
  let bestArea = -1;
  for (const r of rings) {
    const a = Math.abs(ringArea(r));
    if (a > bestArea) {
      bestArea = a;
      best = r;
    }
  }
  return best && best.length > 0 ? interiorPoint(best) : null;
}

/** [west, south, east, north] of every position of the rings. */
export function ringsBbox(rings: readonly (readonly Position[])[]): [number, number, number, number] {
  return bbox({ type: 'MultiPoint', coordinates: rings.flat() as Position[] }) as [number, number, number, number];
}

/** The box around boxes [west, south, east, north] (nulls skipped); null when there is none. */
export function boxesBbox(boxes: readonly (readonly [number, number, number, number] | null)[]): [number, number, number, number] | null {
  let out: [number, number, number, number] | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [b[0], b[1], b[2], b[3]];
  }
  return out;
}

function ringArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

// The middle of the widest span of the ring along the horizontal line through its centroid: inside the ring
// even for an L- or U-shaped parcel, where the centroid may fall outside.
function interiorPoint(ring: readonly Position[]): Position {
  const [x0, y0] = ring[0]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = [ring[i]![0] - x0, ring[i]![1] - y0];
    const next = ring[(i + 1) % ring.length]!;
    const [x2, y2] = [next[0] - x0, next[1] - y0];
    const c = x1 * y2 - x2 * y1;
    a += c;
    cx += (x1 + x2) * c;
    cy += (y1 + y2) * c;
  }
  if (a === 0) return [x0, y0];
  const y = cy / (3 * a) + y0;
  const xs: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [xa, ya] = ring[i]!;
    const [xb, yb] = ring[(i + 1) % ring.length]!;
    if (ya === yb || y < Math.min(ya, yb) || y >= Math.max(ya, yb)) continue;
    xs.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
  }
  xs.sort((p, q) => p - q);
  let best: Position = [cx / (3 * a) + x0, y];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}
