// Which rings of a multi-ring parcel lie inside which. Coordinate files number their rings without saying
// which are holes, so containment decides: a ring inside an odd number of others is a hole, inside an even
// number (none, or inside a hole: an island) it is a part of its own.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
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
  // East, north relative to the outer ring's first vertex: zone-prefixed eastings of eight digits would
  // leave the ray test few bits below the millimetre.
  const o = outer[0]!;
  const plane = (p: GridPoint): [number, number] => [p.y - o.y, p.x - o.x];
  const ring = outer.map(plane);
  const polygon = { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
  const inside = inner.filter((p) => booleanPointInPolygon(plane(p), polygon, { ignoreBoundary: true })).length;
  return inside * 2 > inner.length;
}
