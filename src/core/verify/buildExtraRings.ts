// Holes and further parts of a coordinate-file parcel (国土 TXT 圈号 > 1, Shapefile and GeoJSON rings). A ring is
// a hole of the ring just around it when it lies inside an odd number of rings, another part otherwise (an island
// in a hole is a part): files number rings without saying which, so containment decides (geometry/nestRings).
// Areas: parts add, holes subtract, on the plane and on the ellipsoid alike.
import { checkGeometry, dropRepeatedVertices, selfIntersectionDiagnostics } from '../geometry/checkGeometry.js';
import { resolveLimits } from '../model/limits.js';
import { ringContainers } from '../geometry/nestRings.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { ellipsoidalArea } from '../geodesy/ellipsoidalArea.js';
import { zoneDatum } from '../geodesy/crs.js';
import { inferZone } from '../geodesy/inferZone.js';
import { coordinateRoundingBound, signedPlanarArea } from '../geodesy/planarArea.js';
import { projectToLonLat } from '../geodesy/project.js';
import type { BoundaryPoint, Diagnostic, ExtractOptions, LandRecord, Parcel, ZoneInfo } from '../model/types.js';
import { windLonLat } from '../geometry/rings.js';

export interface ExtraRingsResult {
  /** Area the extra rings add to the exterior ring's, m² (negative when they are holes). */
  planarM2: number;
  ellipsoidalM2: number;
  /** Worst-case area change from the extra rings' coordinate rounding, added to the tolerance. */
  roundingM2: number;
  geometry: Pick<Parcel, 'lonLatPolygons' | 'polygonRings'>;
}

export const NO_EXTRA_RINGS: ExtraRingsResult = { planarM2: 0, ellipsoidalM2: 0, roundingM2: 0, geometry: {} };

/**
 * Null when a ring is unusable (too few points, crossing itself, another zone); the reasons go to `diagnostics`.
 * With no zone (unprefixed Y, none named) only the planar side is computed: no lon/lat, no ellipsoidal area.
 */
export function buildExtraRings(
  record: LandRecord,
  zone: ZoneInfo | null,
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
    const other = kept.map((p) => inferZone(p.y, options)).find((z) => ('zone' in z ? z.zone.epsg : null) !== (zone?.epsg ?? null));
    if (other) {
      const name = (z: ZoneInfo | null) => (z ? `EPSG:${z.epsg}` : '?');
      diagnostics.push(diagnose('zone-mixed', where, { zones: `${name(zone)}, ${name('zone' in other ? other.zone : null)}` }));
      return null;
    }
    const checks = checkGeometry(kept, true, [], resolveLimits(options.limits).crossingsListed);
    diagnostics.push(...selfIntersectionDiagnostics(checks, where));
    if (checks.selfIntersections.length > 0 || checks.orientation === 'degenerate') return null;
    rings.push(kept);
  }

  const groups = nestRings(record, rings, diagnostics);

  let planarM2 = 0;
  let ellipsoidalM2 = 0;
  let roundingM2 = 0;
  const lonLatPolygons = groups.map((group) =>
    group.map((index, k) => {
      const ring = rings[index]!;
      const signed = signedPlanarArea(ring);
      // RFC 7946: exteriors counter-clockwise, holes clockwise.
      const lonLat = zone ? windLonLat(ring.map((p) => projectToLonLat(zone, p.x, p.y)), k === 0) : [];
      if (index > 0) {
        const sign = k === 0 ? 1 : -1;
        planarM2 += sign * Math.abs(signed);
        if (zone) ellipsoidalM2 += sign * ellipsoidalArea(lonLat, zoneDatum(zone)!);
        roundingM2 += coordinateRoundingBound(ring);
      }
      return lonLat;
    }),
  );
  // A hole of ring 1 subtracts from ring 1's area, which buildParcel adds as it stands.
  const geometry = zone ? { lonLatPolygons, polygonRings: groups } : { polygonRings: groups };
  return { planarM2, ellipsoidalM2, roundingM2, geometry };
}

/**
 * Groups rings into polygons by nesting depth, ring 0 being the exterior: a ring inside an odd number of others
 * is a hole of the ring just around it; inside none it is another part; inside a hole it is an island, which is
 * another part too. Producers' ring numbers and orientations say neither, so each decision is reported, with the
 * orientation when it contradicts what containment decided (a hole printed in its exterior's direction).
 */
function nestRings(record: LandRecord, rings: BoundaryPoint[][], diagnostics: Diagnostic[]): number[][] {
  const inside = ringContainers(rings);
  const depth = inside.map((c) => c.length);
  const exteriorSign = Math.sign(signedPlanarArea(rings[0]!));
  const groups: number[][] = [[0]];
  const groupOf = new Map<number, number[]>([[0, groups[0]!]]);
  const order = rings.map((_, i) => i).slice(1).sort((a, b) => depth[a]! - depth[b]! || a - b);
  const roles: Diagnostic[] = [];
  for (const i of order) {
    const parent = inside[i]!.find((j) => depth[j] === depth[i]! - 1);
    const hole = depth[i]! % 2 === 1 && parent !== undefined && groupOf.has(parent);
    const number = record.extraRings![i - 1]!.ring;
    const of = parent === undefined ? '' : parent === 0 ? 1 : record.extraRings![parent - 1]!.ring;
    const role = hole ? 'hole' : depth[i]! > 0 ? 'island' : 'part';
    const sameDirection = Math.sign(signedPlanarArea(rings[i]!)) === exteriorSign;
    roles[i] = diagnose('ring-role', rings[i]![0]!.source, { ring: number, role, of, against: sameDirection === hole ? 'yes' : '' });
    if (hole) groupOf.get(parent)!.push(i);
    else {
      const group = [i];
      groups.push(group);
      groupOf.set(i, group);
    }
  }
  // Inner rings were placed outside in; the decisions and the polygons are given in the file's order.
  diagnostics.push(...roles.filter(Boolean));
  return groups.sort((a, b) => a[0]! - b[0]!);
}
