// Holes and further parts of a coordinate-file parcel (国土 TXT 圈号 > 1, Shapefile and GeoJSON rings). A ring is
// a hole of the polygon whose exterior contains it and another part otherwise: files number rings without
// saying which, so containment decides. Areas: parts add, holes subtract, on the plane and on the ellipsoid alike.
import { checkGeometry, dropRepeatedVertices, selfIntersectionDiagnostics } from '../geometry/checkGeometry.js';
import { resolveLimits } from '../model/limits.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { ellipsoidalArea } from '../geodesy/ellipsoidalArea.js';
import { inferZone } from '../geodesy/inferZone.js';
import { coordinateRoundingBound, signedPlanarArea, type GridPoint } from '../geodesy/planarArea.js';
import { projectToLonLat } from '../geodesy/project.js';
import type { BoundaryPoint, Diagnostic, ExtractOptions, LandRecord, Parcel, ZoneInfo } from '../model/types.js';

export interface ExtraRingsResult {
  /** Area the extra rings add to the exterior ring's, m² (negative when they are holes). */
  planarM2: number;
  ellipsoidalM2: number;
  /** Worst-case area change from the extra rings' coordinate rounding, added to the tolerance. */
  roundingM2: number;
  geometry: Pick<Parcel, 'lonLatPolygons' | 'polygonRings'>;
}

export const NO_EXTRA_RINGS: ExtraRingsResult = { planarM2: 0, ellipsoidalM2: 0, roundingM2: 0, geometry: {} };

/** Null when a ring is unusable (too few points, crossing itself, another zone); the reasons go to `diagnostics`. */
export function buildExtraRings(
  record: LandRecord,
  zone: ZoneInfo,
  exterior: readonly BoundaryPoint[],
  options: ExtractOptions,
  diagnostics: Diagnostic[],
): ExtraRingsResult | null {
  const rings: BoundaryPoint[][] = [[...exterior]];
  for (const extra of record.extraRings ?? []) {
    const { kept } = dropRepeatedVertices(extra.points);
    const where = extra.points[0]?.source ?? record.span;
    if (kept.length < 3) {
      diagnostics.push(diagnose('ring-too-few-points', where, { count: kept.length }));
      return null;
    }
    const other = kept.map((p) => inferZone(p.y, options)).find((z) => !('zone' in z) || z.zone.epsg !== zone.epsg);
    if (other) {
      diagnostics.push(diagnose('zone-mixed', where, { zones: `EPSG:${zone.epsg}, ${'zone' in other ? `EPSG:${other.zone.epsg}` : '?'}` }));
      return null;
    }
    const checks = checkGeometry(kept, true, [], resolveLimits(options.limits).crossingsListed);
    diagnostics.push(...selfIntersectionDiagnostics(checks, where));
    if (checks.selfIntersections.length > 0 || checks.orientation === 'degenerate') return null;
    rings.push(kept);
  }

  const groups: number[][] = [[0]];
  for (let i = 1; i < rings.length; i++) {
    const owner = groups.find((g) => contains(rings[g[0]!]!, rings[i]!));
    if (owner) owner.push(i);
    else groups.push([i]);
  }

  let planarM2 = 0;
  let ellipsoidalM2 = 0;
  let roundingM2 = 0;
  const lonLatPolygons = groups.map((group) =>
    group.map((index, k) => {
      const ring = rings[index]!;
      const signed = signedPlanarArea(ring);
      // RFC 7946: exteriors counter-clockwise, holes clockwise; the projection keeps the winding.
      const ordered = (signed > 0) === (k === 0) ? ring : [...ring].reverse();
      const lonLat = ordered.map((p) => projectToLonLat(zone, p.x, p.y));
      lonLat.push(lonLat[0]!);
      if (index > 0) {
        const sign = k === 0 ? 1 : -1;
        planarM2 += sign * Math.abs(signed);
        ellipsoidalM2 += sign * ellipsoidalArea(lonLat);
        roundingM2 += coordinateRoundingBound(ring);
      }
      return lonLat;
    }),
  );
  // A hole of ring 1 subtracts from ring 1's area, which buildParcel adds as it stands.
  return { planarM2, ellipsoidalM2, roundingM2, geometry: { lonLatPolygons, polygonRings: groups } };
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
