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
