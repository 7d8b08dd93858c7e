// From a record's printed points to a checked, verified parcel: zone, lon/lat ring, geometry checks,
// planar and ellipsoidal areas, and the verdict on the stated area.
import { buildExtraRings, NO_EXTRA_RINGS } from './buildExtraRings.js';
import { checkGeometry, dropRepeatedVertices, selfIntersectionDiagnostics } from '../geometry/checkGeometry.js';
import { resolveLimits } from '../model/limits.js';
import { diagnoseMismatch } from './diagnoseMismatch.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { ellipsoidalArea } from '../geodesy/ellipsoidalArea.js';
import { inferZone } from '../geodesy/inferZone.js';
import { planarArea } from '../geodesy/planarArea.js';
import { inChina, projectToLonLat } from '../geodesy/project.js';
import type { AreaVerification, Diagnostic, ExtractOptions, LandRecord, Parcel, ZoneInfo } from '../model/types.js';
import { verifyArea } from './verifyArea.js';

const NO_AREA: Omit<AreaVerification, 'status'> = {
  computedM2: null,
  ellipsoidalM2: null,
  deltaM2: null,
  deltaRelative: null,
  toleranceM2: null,
};

export function buildParcel(record: LandRecord, options: ExtractOptions = {}): Parcel {
  const diagnostics: Diagnostic[] = [...record.diagnostics];
  if (record.points.length === 0) {
    return { ...record, zone: null, lonLatRing: null, pointLonLat: null, checks: null, verification: { status: 'no-points', ...NO_AREA }, hypotheses: [] };
  }
  const { kept, repeated } = dropRepeatedVertices(record.points);
  const unusable = (selfIntersecting = false): Parcel => ({
    ...record,
    diagnostics,
    zone: null,
    lonLatRing: null,
    pointLonLat: null,
    checks: null,
    verification: { status: 'invalid', ...NO_AREA },
    hypotheses: kept.length >= 3 ? diagnoseMismatch(kept, record.statedArea, selfIntersecting) : [],
  });
  // Named by the dropped line itself, not by the first point that carries its number.
  const keptSet = new Set(kept);
  for (const p of record.points.filter((q) => !keptSet.has(q))) {
    diagnostics.push(diagnose('ring-repeated-vertex', p.source, { label: p.label }));
  }
  if (kept.length < 3) {
    diagnostics.push(diagnose('ring-too-few-points', record.span, { count: kept.length }));
    return unusable();
  }

  const zone = zoneOf(record, options, diagnostics);
  if (!zone) return unusable();

  const pointLonLat = record.points.map((p) => projectToLonLat(zone, p.x, p.y));
  const outside = pointLonLat.findIndex(([lon, lat]) => !inChina(lon, lat));
  if (outside >= 0) {
    const [lon, lat] = pointLonLat[outside]!;
    diagnostics.push(diagnose('point-out-of-china', record.points[outside]!.source, { lon: lon.toFixed(6), lat: lat.toFixed(6) }));
    return { ...unusable(), zone, pointLonLat };
  }
  const printedIndex = new Map(record.points.map((p, i) => [p, i]));
  const lonLat = kept.map((p) => pointLonLat[printedIndex.get(p)!]!);

  const checks = checkGeometry(kept, record.closingPoint !== null, repeated, resolveLimits(options.limits).crossingsListed);
  diagnostics.push(...selfIntersectionDiagnostics(checks, record.span));
  if (checks.selfIntersections.length > 0 || checks.orientation === 'degenerate') {
    return { ...unusable(checks.selfIntersections.length > 0), zone, pointLonLat, checks };
  }

  // RFC 7946 wants the exterior ring counter-clockwise; gazette rings are printed clockwise.
  const ccw = checks.orientation === 'counterclockwise' ? lonLat : [...lonLat].reverse();
  const lonLatRing = [...ccw, ccw[0]!];
  // Coordinate files add holes and parts; mining rights are verified on the ellipsoid (TD/T 1055-2019 附录D).
  const rings = record.extraRings?.length ? buildExtraRings(record, zone, kept, options, diagnostics) : NO_EXTRA_RINGS;
  if (!rings) return { ...unusable(), zone, pointLonLat, checks };
  const ellipsoidalM2 = ellipsoidalArea(lonLatRing) + rings.ellipsoidalM2;
  const measuredM2 = record.kind === 'mining-zone' ? ellipsoidalM2 : planarArea(kept) + rings.planarM2;
  const verification = verifyArea(measuredM2, ellipsoidalM2, kept, record.statedArea, rings.roundingM2);
  if (verification.status === 'unstated') diagnostics.push(diagnose('area-unstated', record.span));
  if (verification.status === 'mismatch') {
    diagnostics.push(
      diagnose('area-mismatch', record.statedArea!.source, {
        stated: record.statedArea!.m2.toFixed(2),
        computed: verification.computedM2!.toFixed(4),
        delta: verification.deltaM2!.toFixed(4),
        tolerance: verification.toleranceM2!.toFixed(4),
      }),
    );
  }
  const hypotheses = verification.status === 'mismatch' ? diagnoseMismatch(kept, record.statedArea, false) : [];
  return { ...record, diagnostics, zone, lonLatRing, pointLonLat, checks, verification, hypotheses, ...rings.geometry };
}

function zoneOf(record: LandRecord, options: ExtractOptions, diagnostics: Diagnostic[]): ZoneInfo | null {
  const zones = new Map<number, ZoneInfo>();
  for (const p of record.points) {
    const inferred = inferZone(p.y, options);
    if ('error' in inferred) {
      diagnostics.push(
        inferred.error === 'zone-unknown'
          ? diagnose('zone-unknown', p.source)
          : diagnose('zone-prefix-invalid', p.source, { prefix: inferred.prefix ?? '' }),
      );
      return null;
    }
    zones.set(inferred.zone.epsg, inferred.zone);
  }
  if (zones.size > 1) {
    const names = [...zones.values()].map((z) => `EPSG:${z.epsg}`).join(', ');
    diagnostics.push(diagnose('zone-mixed', record.span, { zones: names }));
    return null;
  }
  return [...zones.values()][0]!;
}
