// From a record's printed points to a checked, verified parcel: zone, lon/lat ring, geometry checks,
// planar and ellipsoidal areas, and the verdict on the stated area.
import { buildExtraRings, NO_EXTRA_RINGS } from './buildExtraRings.js';
import { checkGeometry, dropRepeatedVertices, selfIntersectionDiagnostics } from '../geometry/checkGeometry.js';
import { resolveLimits } from '../model/limits.js';
import { diagnoseMismatch } from './diagnoseMismatch.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { limitExceeded } from '../diagnostics/limitDiagnostics.js';
import { ellipsoidalArea } from '../geodesy/ellipsoidalArea.js';
import { DATUMS, zoneDatum } from '../geodesy/crs.js';
import { inferZone, type InferZoneOptions } from '../geodesy/inferZone.js';
import { planarArea } from '../geodesy/planarArea.js';
import { inChina, projectToLonLat } from '../geodesy/project.js';
import type {
  AreaVerification,
  BoundaryPoint,
  Datum,
  Diagnostic,
  ExtractOptions,
  GeometryChecks,
  LandRecord,
  Parcel,
  SourceSpan,
  ZoneInfo,
} from '../model/types.js';
import { verifyArea } from './verifyArea.js';
import { windLonLat } from '../geometry/rings.js';

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
  // A boundary of more vertices than any survey prints is hostile or broken input: refused, not checked.
  const maxVertices = resolveLimits(options.limits).ringVertices;
  const unusable = (selfIntersecting = false): Parcel => ({
    ...record,
    diagnostics,
    zone: null,
    lonLatRing: null,
    pointLonLat: null,
    checks: null,
    verification: { status: 'invalid', ...NO_AREA },
    hypotheses: kept.length >= 3 && kept.length <= maxVertices ? diagnoseMismatch(kept, record.statedArea, selfIntersecting, record.declaredPoints) : [],
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
  if (kept.length > maxVertices) {
    diagnostics.push(limitExceeded(record.span, 'ringVertices', String(kept.length), maxVertices));
    return unusable();
  }

  // The datum the document names decides the plane's EPSG code and how its lon/lat are drawn; the shoelace on the
  // printed numbers is the same on every plane.
  const zoneOptions: ExtractOptions & { datum?: Datum } = record.datum ? { ...options, datum: record.datum } : options;
  const zone = zoneOf(record, zoneOptions, diagnostics);
  if (zone === 'unplaced') return unplaced(record, kept, repeated, zoneOptions, diagnostics);
  if (!zone) return unusable();

  const pointLonLat = record.points.map((p) => p.lonLat ?? projectToLonLat(zone, p.x, p.y));
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
  const lonLatRing = windLonLat(lonLat, true);
  // Coordinate files add holes and parts; mining rights are verified on the ellipsoid (TD/T 1055-2019 附录D).
  const rings = record.extraRings?.length ? buildExtraRings(record, zone, kept, zoneOptions, diagnostics) : NO_EXTRA_RINGS;
  if (!rings) return { ...unusable(), zone, pointLonLat, checks };
  if (zone.datum) diagnostics.push(datumApproximate(zone, zone.datum, record.span));
  // The lon/lat are on the zone's own datum, so its ellipsoid measures them.
  const ellipsoidalM2 = ellipsoidalArea(lonLatRing, zoneDatum(zone)!) + rings.ellipsoidalM2;
  const { verification, hypotheses } = verdict(record, kept, planarArea(kept) + rings.planarM2, ellipsoidalM2, rings.roundingM2, diagnostics);
  return { ...record, diagnostics, zone, lonLatRing, pointLonLat, checks, verification, hypotheses, ...rings.geometry };
}

// Y without a zone prefix and no zone named anywhere: the plane does not need the zone, so the area is still
// computed and checked; only the map position is unknown. A mining zone is measured on the ellipsoid, which does.
function unplaced(
  record: LandRecord,
  kept: BoundaryPoint[],
  repeated: number[],
  options: ExtractOptions,
  diagnostics: Diagnostic[],
): Parcel {
  const unusable = (checks: GeometryChecks | null = null): Parcel => ({
    ...record,
    diagnostics,
    zone: null,
    lonLatRing: null,
    pointLonLat: null,
    checks,
    verification: { status: 'invalid', ...NO_AREA },
    hypotheses: diagnoseMismatch(kept, record.statedArea, checks !== null && checks.selfIntersections.length > 0, record.declaredPoints),
  });
  if (record.kind === 'mining-zone') {
    diagnostics.push(diagnose('zone-unknown', record.points[0]!.source));
    return unusable();
  }
  diagnostics.push(diagnose('zone-unknown-not-drawn', record.points[0]!.source));
  const checks = checkGeometry(kept, record.closingPoint !== null, repeated, resolveLimits(options.limits).crossingsListed);
  diagnostics.push(...selfIntersectionDiagnostics(checks, record.span));
  if (checks.selfIntersections.length > 0 || checks.orientation === 'degenerate') return unusable(checks);
  const rings = record.extraRings?.length ? buildExtraRings(record, null, kept, options, diagnostics) : NO_EXTRA_RINGS;
  if (!rings) return unusable(checks);
  const { verification, hypotheses } = verdict(record, kept, planarArea(kept) + rings.planarM2, null, rings.roundingM2, diagnostics);
  return { ...record, diagnostics, zone: null, lonLatRing: null, pointLonLat: null, checks, verification, hypotheses, polygonRings: rings.geometry.polygonRings };
}

function verdict(
  record: LandRecord,
  kept: BoundaryPoint[],
  planarM2: number,
  ellipsoidalM2: number | null,
  roundingM2: number,
  diagnostics: Diagnostic[],
): Pick<Parcel, 'verification' | 'hypotheses'> {
  const verification =
    ellipsoidalM2 !== null && onEllipsoid(record)
      ? verifyEllipsoidal(ellipsoidalM2, planarM2, kept, record.statedArea, roundingM2, diagnostics)
      : verifyArea(planarM2, ellipsoidalM2, kept, record.statedArea, roundingM2);
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
  const hypotheses = verification.status === 'mismatch' ? diagnoseMismatch(kept, record.statedArea, false, record.declaredPoints) : [];
  return { verification, hypotheses };
}

// Mining rights are stated on the ellipsoid (TD/T 1055-2019 附录D), and so is land printed in 度分秒.
function onEllipsoid(record: LandRecord): boolean {
  return record.kind === 'mining-zone' || record.points[0]?.lonLat !== undefined;
}

// Before 2022 mining areas were stated on the plane: a figure that misses the ellipsoidal area but agrees with the
// planar one is that older rule, checked by it and said so.
function verifyEllipsoidal(
  ellipsoidalM2: number,
  planarM2: number,
  kept: LandRecord['points'],
  stated: LandRecord['statedArea'],
  roundingM2: number,
  diagnostics: Diagnostic[],
): AreaVerification {
  const ellipsoidal = verifyArea(ellipsoidalM2, ellipsoidalM2, kept, stated, roundingM2);
  if (ellipsoidal.status !== 'mismatch') return { ...ellipsoidal, planarM2, ...(stated ? { agreesWith: 'ellipsoidal' as const } : {}) };
  const planar = verifyArea(planarM2, ellipsoidalM2, kept, stated, roundingM2);
  if (planar.status !== 'match') return { ...ellipsoidal, planarM2 };
  diagnostics.push(diagnose('area-planar-figure', stated!.source, { planar: planarM2.toFixed(4), ellipsoidal: ellipsoidalM2.toFixed(4) }));
  return { ...planar, planarM2, agreesWith: 'planar' };
}

// How far a Xian 1980 or Beijing 1954 position drawn as CGCS2000 usually lands (docs/reading-rules-datums.md
// gives the sources): Beijing 1954 is the older, Pulkovo-based datum and the further off.
const DATUM_OFFSET = {
  Xian80: { zh: '数十米', en: 'some tens of metres' },
  Beijing54: { zh: '数十米，局部可达百米左右', en: 'tens of metres, in places about 100 m' },
} as const;

function datumApproximate(zone: ZoneInfo, datum: keyof typeof DATUM_OFFSET, span: SourceSpan): Diagnostic {
  const name = DATUMS[datum].name;
  const offset = DATUM_OFFSET[datum];
  return diagnose('datum-position-approximate', span, {
    datumZh: name.zh,
    datumEn: name.en,
    width: zone.width,
    zone: zone.zone,
    epsg: zone.epsg,
    offsetZh: offset.zh,
    offsetEn: offset.en,
  });
}

/** 'unplaced' when no point's Y carries a zone prefix and no zone is given; null (with a diagnostic) when unusable. */
function zoneOf(record: LandRecord, options: InferZoneOptions, diagnostics: Diagnostic[]): ZoneInfo | 'unplaced' | null {
  const zones = new Map<number, ZoneInfo>();
  const unknown: BoundaryPoint[] = [];
  for (const p of record.points) {
    const inferred = inferZone(p.y, options);
    if ('error' in inferred) {
      if (inferred.error === 'zone-unknown') {
        unknown.push(p);
        continue;
      }
      diagnostics.push(diagnose('zone-prefix-invalid', p.source, { prefix: inferred.prefix ?? '' }));
      return null;
    }
    zones.set(inferred.zone.epsg, inferred.zone);
  }
  if (unknown.length === record.points.length) return 'unplaced';
  if (unknown.length > 0) {
    diagnostics.push(diagnose('zone-unknown', unknown[0]!.source));
    return null;
  }
  if (zones.size > 1) {
    const names = [...zones.values()].map((z) => `EPSG:${z.epsg}`).join(', ');
    diagnostics.push(diagnose('zone-mixed', record.span, { zones: names }));
    return null;
  }
  return [...zones.values()][0]!;
}
