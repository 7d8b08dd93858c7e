// A parcel's polygons in the two frames writers need: the Gauss–Krüger grid as printed (Shapefile in the zone,
// 国土 TXT, CSV) and lon/lat (GeoJSON, KML, Shapefile in WGS84). Parcels with holes or several parts carry
// `polygonRings`; everything else is the one ring of record.points.
import { dropRepeatedVertices } from './checkGeometry.js';
import { signedPlanarArea } from '../geodesy/planarArea.js';
import type { BoundaryPoint, Parcel } from '../model/types.js';

/** Ring 0 is record.points, ring i is record.extraRings[i − 1]; vertices distinct, in printed order. */
export function parcelRings(p: Parcel): BoundaryPoint[][] {
  return [p.points, ...(p.extraRings ?? []).map((r) => r.points)].map((pts) => dropRepeatedVertices(pts).kept);
}

/** Groups of ring indices, exterior first (see Parcel.polygonRings). */
export function polygonGroups(p: Parcel): number[][] {
  return p.polygonRings ?? [[0]];
}

/**
 * [east, north] polygons with the Shapefile winding: exteriors clockwise, holes counter-clockwise, closed.
 * Coordinates are the printed ones, so a GK export carries the surveyor's numbers unchanged.
 */
export function gridPolygons(p: Parcel): [number, number][][][] {
  const rings = parcelRings(p);
  return polygonGroups(p).map((group) =>
    group.map((index, k) => {
      const pts = rings[index]!;
      const wantClockwise = k === 0;
      const clockwise = signedPlanarArea(pts) < 0;
      const ordered = clockwise === wantClockwise ? pts : [...pts].reverse();
      const ring = ordered.map((q): [number, number] => [q.y, q.x]);
      return [...ring, ring[0]!];
    }),
  );
}

/** RFC 7946 polygons: exteriors counter-clockwise, holes clockwise, closed. */
export function lonLatPolygons(p: Parcel): [number, number][][][] {
  if (p.lonLatPolygons) return p.lonLatPolygons;
  return p.lonLatRing ? [[p.lonLatRing]] : [];
}

/**
 * The same polygons with the Shapefile winding (exteriors clockwise). The open ring is reversed and closed again,
 * so that reading it back and reversing once more starts at the same vertex.
 */
export function reverseRings(polygons: [number, number][][][]): [number, number][][][] {
  return polygons.map((poly) =>
    poly.map((ring) => {
      const open = ring.slice(0, -1).reverse();
      return [...open, open[0]!];
    }),
  );
}

export function hasGeometry(p: Parcel): boolean {
  return p.lonLatRing !== null;
}
