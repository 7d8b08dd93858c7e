// Mining zones as their own RFC 7946 layer (mining.geojson): a mining right is not a land parcel, its verified
// area is ellipsoidal (TD/T 1055-2019 附录D) in km² to 4 decimals, and it carries an elevation range.
import { formatSpan, toGeometry, type ParcelGeometry } from './toGeoJSON.js';
import type { Parcel } from '../../model/types.js';

interface MiningProperties {
  id: string;
  layer: 'mining';
  name: string;
  block: number | null;
  elevation_top_m: number | null;
  elevation_bottom_m: number | null;
  /** The section of the document (一矿段, 金藏采区), when it has several. */
  section: string | null;
  /** Ellipsoidal area on CGCS2000, km², 4 decimals. */
  area_km2: number | null;
  /** Planar Gauss–Krüger area beside it, km², 4 decimals: the figure of notices before 2022. */
  planar_area_km2: number | null;
  /** Which of the two the stated figure agrees with. */
  stated_on: 'ellipsoidal' | 'planar' | null;
  stated_area_km2: number | null;
  delta_m2: number | null;
  tolerance_m2: number | null;
  status: string;
  epsg: number | null;
  point_count: number;
  source: string;
}

export interface MiningFeature {
  type: 'Feature';
  id: string;
  properties: MiningProperties;
  geometry: ParcelGeometry;
}

export function toMiningCollection(parcels: readonly Parcel[]): { type: 'FeatureCollection'; features: MiningFeature[] } {
  const features: MiningFeature[] = [];
  for (const p of parcels) {
    if (p.kind !== 'mining-zone' || !p.lonLatRing) continue;
    const v = p.verification;
    features.push({
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        layer: 'mining',
        name: p.title,
        block: p.parcelIndex,
        elevation_top_m: p.elevation?.top ?? null,
        elevation_bottom_m: p.elevation?.bottom ?? null,
        section: p.section ?? null,
        area_km2: v.ellipsoidalM2 === null ? null : Number((v.ellipsoidalM2 / 1e6).toFixed(4)),
        planar_area_km2: v.planarM2 === undefined ? null : Number((v.planarM2 / 1e6).toFixed(4)),
        stated_on: v.agreesWith ?? null,
        stated_area_km2: p.statedArea ? p.statedArea.m2 / 1e6 : null,
        delta_m2: v.deltaM2 === null ? null : Number(v.deltaM2.toFixed(2)),
        tolerance_m2: v.toleranceM2 === null ? null : Number(v.toleranceM2.toFixed(2)),
        status: v.status,
        epsg: p.zone?.epsg ?? null,
        point_count: p.points.length,
        source: formatSpan(p.span),
      },
      geometry: toGeometry(p),
    });
  }
  return { type: 'FeatureCollection', features };
}
