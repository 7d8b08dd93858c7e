// Which rings of a multi-ring parcel lie inside which. Coordinate files number their rings without saying
// which are holes, so containment decides: a ring inside an odd number of others is a hole, inside an even
// number (none, or inside a hole: an island) it is a part of its own.
import { signedPlanarArea, type GridPoint } from '../geodesy/planarArea.js';

/** For each ring, the indices of the rings containing it; ring 0 is the exterior and is contained by none. */
export function ringContainers(rings: readonly (readonly GridPoint[])[]): number[][] {
  return rings.map((r, i) => (i === 0 ? [] : rings.map((_, j) => j).filter((j) => j !== i && contains(rings[j]!, r))));
}

/** Planar area of the rings together: parts add, holes subtract, whatever each ring's direction. */
export function netPlanarArea(rings: readonly (readonly GridPoint[])[]): number {
  return ringContainers(rings).reduce((sum, containers, i) => sum + (containers.length % 2 === 0 ? 1 : -1) * Math.abs(signedPlanarArea(rings[i]!)), 0);
}

/** Whether most vertices of `inner` lie strictly inside `outer` (shared boundary vertices count for neither). */
function contains(outer: readonly GridPoint[], inner: readonly GridPoint[]): boolean {
  const inside = inner.filter((p) => pointInRing(p, outer)).length;
  return inside * 2 > inner.length;
}

function pointInRing(p: GridPoint, ring: readonly GridPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    // Ray towards +east; relative coordinates keep the comparison exact enough on zone-prefixed numbers.
    if (a.x > p.x !== b.x > p.x) {
      const east = a.y - p.y + ((p.x - a.x) * (b.y - a.y)) / (b.x - a.x);
      if (east > 0) inside = !inside;
    }
  }
  return inside;
}
