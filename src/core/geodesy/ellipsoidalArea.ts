// Ellipsoidal area for mining rights (TD/T 1055-2019 附录D): the geodesic polygon area on the ellipsoid of the
// datum the lon/lat belong to (CGCS2000 unless a Xian 1980 or Beijing 1954 grid was inverted on its own).
// geographiclib-geodesic is a CommonJS bundle: only its default export (module.exports) exists both in Node ESM,
// which cannot see named exports through its UMD wrapper, and in Vite's CommonJS interop.
import geodesic from 'geographiclib-geodesic';
import { DATUMS } from './crs.js';
import type { Datum } from '../model/types.js';

type Geodesic = InstanceType<typeof geodesic.Geodesic.Geodesic>;
const geodesics = new Map<Datum, Geodesic>();

function geodesicOf(datum: Datum): Geodesic {
  let g = geodesics.get(datum);
  if (!g) {
    const { a, f } = DATUMS[datum].ellipsoid;
    g = new geodesic.Geodesic.Geodesic(a, f);
    geodesics.set(datum, g);
  }
  return g;
}

/** Area in m² of a [lon, lat] ring, open or closed, whichever its winding, on `datum`'s ellipsoid. */
export function ellipsoidalArea(lonLatRing: [number, number][], datum: Datum = 'CGCS2000'): number {
  const polygon = new geodesic.PolygonArea.PolygonArea(geodesicOf(datum), false);
  // A closing repeat of the first vertex adds a zero-length edge, which contributes nothing.
  for (const [lon, lat] of lonLatRing) polygon.AddPoint(lat, lon);
  // sign = true: a clockwise ring gives minus its own area, not the area of the rest of the Earth.
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}
