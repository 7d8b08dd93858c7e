// Ellipsoidal area for mining rights (TD/T 1055-2019 附录D): the geodesic polygon area on the CGCS2000 ellipsoid.
// geographiclib-geodesic is a CommonJS bundle: only its default export (module.exports) exists both in Node ESM,
// which cannot see named exports through its UMD wrapper, and in Vite's CommonJS interop.
import geodesic from 'geographiclib-geodesic';
import { CGCS2000_ELLIPSOID } from './crs.js';

const cgcs2000 = new geodesic.Geodesic.Geodesic(CGCS2000_ELLIPSOID.a, CGCS2000_ELLIPSOID.f);

/** Area in m² of a [lon, lat] ring, open or closed, whichever its winding. */
export function ellipsoidalArea(lonLatRing: [number, number][]): number {
  const polygon = new geodesic.PolygonArea.PolygonArea(cgcs2000, false);
  // A closing repeat of the first vertex adds a zero-length edge, which contributes nothing.
  for (const [lon, lat] of lonLatRing) polygon.AddPoint(lat, lon);
  // sign = true: a clockwise ring gives minus its own area, not the area of the rest of the Earth.
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}
