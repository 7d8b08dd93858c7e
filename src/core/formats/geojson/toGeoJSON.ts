// RFC 7946 output: WGS84 lon/lat (CGCS2000 and WGS84 agree to well under a metre, PROJ applies no shift
// between them), counter-clockwise exterior rings, no `crs` member. Records without geometry are not
// features; they travel in records.json.
import { lonLatPolygons } from '../../geometry/parcelGeometry.js';
import type { Parcel } from '../../model/types.js';

/** 10 decimals of a degree is about 0.01 mm: enough to round-trip printed millimetres. */
const DEGREE_DECIMALS = 10;

export interface ParcelProperties {
  id: string;
  layer: 'parcel';
  kind: string;
  doc: string;
  title: string;
  date: string | null;
  holder: string | null;
  location: string | null;
  four_sides: string | null;
  report_numbers: string | null;
  stated_area_m2: number | null;
  stated_area_text: string | null;
  computed_area_m2: number | null;
  ellipsoidal_area_m2: number | null;
  delta_m2: number | null;
  tolerance_m2: number | null;
  status: string;
  epsg: number | null;
  zone: number | null;
  point_count: number;
  source: string;
}

interface ParcelFeature {
  type: 'Feature';
  id: string;
  properties: ParcelProperties;
  geometry: ParcelGeometry;
}

/** A Polygon, or a MultiPolygon for a parcel of several parts (holes ride inside either). */
export type ParcelGeometry =
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

export interface ParcelCollection {
  type: 'FeatureCollection';
  features: ParcelFeature[];
}

export function toFeatureCollection(parcels: readonly Parcel[]): ParcelCollection {
  const features: ParcelFeature[] = [];
  for (const p of parcels) {
    // Mining zones are their own layer (toMiningCollection): they are not land parcels.
    if (!p.lonLatRing || p.kind === 'mining-zone') continue;
    features.push({ type: 'Feature', id: p.id, properties: toProperties(p), geometry: toGeometry(p) });
  }
  return { type: 'FeatureCollection', features };
}

export function toGeometry(p: Parcel): ParcelGeometry {
  const polygons = lonLatPolygons(p).map((rings) => rings.map((ring) => ring.map(([lon, lat]): [number, number] => [round(lon, DEGREE_DECIMALS), round(lat, DEGREE_DECIMALS)])));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

export function toProperties(p: Parcel): ParcelProperties {
  const v = p.verification;
  return {
    id: p.id,
    layer: 'parcel',
    kind: p.kind,
    doc: p.doc,
    title: p.title,
    date: p.date,
    holder: p.holder,
    location: p.location,
    four_sides: p.fourSides,
    report_numbers: p.reportNumbers.length > 0 ? p.reportNumbers.join('、') : null,
    stated_area_m2: p.statedArea ? round(p.statedArea.m2, 4) : null,
    stated_area_text: p.statedArea?.text ?? null,
    computed_area_m2: roundOrNull(v.computedM2, 4),
    ellipsoidal_area_m2: roundOrNull(v.ellipsoidalM2, 4),
    delta_m2: roundOrNull(v.deltaM2, 4),
    tolerance_m2: roundOrNull(v.toleranceM2, 4),
    status: v.status,
    epsg: p.zone?.epsg ?? null,
    zone: p.zone?.zone ?? null,
    point_count: p.points.length,
    source: formatSpan(p.span),
  };
}

export function formatSpan(span: { file: string; line: number; endLine?: number; feature?: number }): string {
  if (span.feature !== undefined) return `${span.file}#${span.feature}`;
  return span.endLine && span.endLine !== span.line ? `${span.file}:${span.line}-${span.endLine}` : `${span.file}:${span.line}`;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function roundOrNull(value: number | null, decimals: number): number | null {
  return value === null ? null : round(value, decimals);
}
