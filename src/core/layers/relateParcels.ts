// Which parcels lie in or overlap which planning blocks and mining zones, and by how much. Areas are planar on
// the Gauss–Krüger plane of the parcel's own zone: that is the plane the parcel's stated area is defined on
// (坐标解析法), so "x m² of this parcel lies in BF-09-03" is measured the way the parcel itself is, and the share
// of the parcel is overlap ÷ the parcel's own planar area. Layer polygons arrive in lon/lat and are projected
// onto that zone; a flatbush index over their lon/lat boxes keeps the clipping to candidates.
import Flatbush from 'flatbush';
import { intersection, type Geom } from 'polyclip-ts';
import { gridPolygons } from '../geometry/parcelGeometry.js';
import { planarArea } from '../geodesy/planarArea.js';
import { projectToGrid } from '../geodesy/project.js';
import type { Parcel } from '../model/types.js';
import type { ParcelRelation, RelatableFeature } from '../model/layers.js';

/**
 * Overlaps smaller than this are boundary noise, and a parcel missing less than this from a feature lies within
 * it: lon/lat written to 9–10 decimals round-trips to about 0.1 mm, so a shared edge 1 km long can leave a
 * sliver of this order.
 */
const WITHIN_SLACK_M2 = 0.01;

export function relateParcels(parcels: readonly Parcel[], features: readonly RelatableFeature[]): ParcelRelation[] {
  const usable = features.filter((f) => f.feature.polygons.length > 0);
  const usableParcels = parcels.filter((p) => p.lonLatRing && p.zone);
  if (usable.length === 0 || usableParcels.length === 0) return [];
  const index = new Flatbush(usable.length);
  for (const f of usable) {
    const b = lonLatBounds(f.feature.polygons);
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  const relations: ParcelRelation[] = [];
  for (const p of usableParcels) {
    const b = lonLatBounds([[p.lonLatRing!]]);
    const candidates = index.search(b[0], b[1], b[2], b[3]);
    if (candidates.length === 0) continue;
    const grid = gridPolygons(p);
    // A local origin keeps the clipper on metres near zero rather than on 3.7e7 (as analyzeTopology does).
    const [e0, n0] = grid[0]![0]![0]!;
    const local = (poly: [number, number][][][]): Geom => poly.map((rings) => rings.map((ring) => ring.map(([e, n]): [number, number] => [e - e0, n - n0])));
    const parcelGeom = local(grid);
    const parcelArea = geomArea(parcelGeom as [number, number][][][]);
    for (const i of candidates) {
      const f = usable[i]!;
      const featureGrid = f.feature.polygons.map((rings) =>
        rings.map((ring) =>
          ring.map(([lon, lat]): [number, number] => {
            const [north, east] = projectToGrid(p.zone!, lon, lat);
            return [east, north];
          }),
        ),
      );
      let overlapM2: number;
      try {
        overlapM2 = geomArea(intersection(parcelGeom, local(featureGrid)) as [number, number][][][]);
      } catch {
        // The clipper rejects some degenerate inputs; such a pair is left out rather than reported wrong.
        continue;
      }
      if (overlapM2 <= WITHIN_SLACK_M2) continue;
      relations.push({
        parcel: p.id,
        layer: f.layer,
        feature: f.feature.id,
        label: f.label,
        relation: parcelArea - overlapM2 <= WITHIN_SLACK_M2 ? 'within' : 'overlaps',
        overlapM2,
        parcelShare: parcelArea > 0 ? overlapM2 / parcelArea : 0,
      });
    }
  }
  return relations;
}

/** Planar area of [east, north] polygons: exteriors minus holes. */
function geomArea(polygons: [number, number][][][]): number {
  let area = 0;
  for (const poly of polygons) poly.forEach((ring, k) => (area += (k === 0 ? 1 : -1) * planarArea(ring.map(([e, n]) => ({ x: n, y: e })))));
  return area;
}

function lonLatBounds(polygons: readonly [number, number][][][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons) {
    for (const [lon, lat] of poly[0] ?? []) {
      b[0] = Math.min(b[0], lon);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lon);
      b[3] = Math.max(b[3], lat);
    }
  }
  return b;
}
