// Rings arrive closed (GeoJSON, our own lon/lat rings) or open (printed points): the one place that tells them apart.
type Position = readonly number[];

function isClosed(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && !!first && !!last && first[0] === last[0] && first[1] === last[1];
}

/** The ring without its closing repeat of the first position. */
export function openRing<P extends Position>(ring: readonly P[]): P[] {
  return isClosed(ring) ? ring.slice(0, -1) : [...ring];
}

/**
 * An open lon/lat ring closed and wound as asked (RFC 7946: exteriors counter-clockwise, holes clockwise), by its
 * own signed area in lon/lat. The grid's winding is not enough: a ring dominated by a long thin spike (a garbled
 * X hundreds of kilometres off) can wind the other way once its vertices are projected.
 */
export function windLonLat(ring: readonly [number, number][], counterClockwise: boolean): [number, number][] {
  const [lon0, lat0] = ring[0]!;
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lonA, latA] = ring[i]!;
    const [lonB, latB] = ring[(i + 1) % ring.length]!;
    twice += (lonA - lon0) * (latB - lat0) - (lonB - lon0) * (latA - lat0);
  }
  const ordered = twice > 0 === counterClockwise ? [...ring] : [...ring].reverse();
  return [...ordered, ordered[0]!];
}
