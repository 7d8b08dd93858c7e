// The topology report on the map: a point at each gap's vertex, and the overlap polygon (with a point to label it)
// of pairs that overlap beyond the printed precision. The overlap is cut in lon/lat for drawing only; its area is
// the planar one analyzeTopology measured.
import { intersection } from 'polyclip-ts';
import type { Parcel } from '../model/types.js';
import type { ParcelPairRelation } from '../model/topology.js';

export interface MarkerFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

/** Whether the page draws a marker for the pair: a gap, or an overlap wider than printing explains. */
export function pairNeedsMarker(p: ParcelPairRelation): boolean {
  return p.gap !== null || (p.overlapM2 > 0 && !p.overlapWithinPrecision);
}

/** `lookup` gives a parcel's label (as the table shows it) and its record, when loaded. */
export function topologyMarkers(pairs: readonly ParcelPairRelation[], lookup: (id: string) => { label: string; parcel: Parcel | null } | undefined): MarkerFeature[] {
  const features: MarkerFeature[] = [];
  for (const pair of pairs) {
    const a = lookup(pair.a);
    const b = lookup(pair.b);
    const docA = a?.label ?? pair.a;
    const docB = b?.label ?? pair.b;
    if (pair.gap) {
      const owner = lookup(pair.gap.parcel)?.parcel;
      const i = owner ? owner.points.findIndex((q) => q.label === pair.gap!.label) : -1;
      const at = i >= 0 ? owner!.pointLonLat?.[i] : undefined;
      if (at) {
        features.push({
          type: 'Feature',
          properties: { kind: 'gap', a: pair.a, b: pair.b, label: `缝隙 ${pair.gap.widthM.toFixed(2)} m`, width_m: pair.gap.widthM, title: `${docA} / ${docB} J${pair.gap.label}` },
          geometry: { type: 'Point', coordinates: at },
        });
      }
    }
    const ringA = a?.parcel?.lonLatRing;
    const ringB = b?.parcel?.lonLatRing;
    if (pair.overlapM2 > 0 && !pair.overlapWithinPrecision && ringA && ringB) {
      let shape: [number, number][][][] = [];
      try {
        shape = intersection([ringA], [ringB]) as [number, number][][][];
      } catch {
        // A degenerate ring polyclip cannot cut: the details panel still lists the overlap.
      }
      if (shape.length > 0) {
        const props = { kind: 'overlap', a: pair.a, b: pair.b, label: `重叠 ${pair.overlapM2.toFixed(2)} m²`, overlap_m2: pair.overlapM2, title: `${docA} / ${docB}` };
        features.push({ type: 'Feature', properties: props, geometry: { type: 'MultiPolygon', coordinates: shape } });
        features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: shape[0]![0]![0]! } });
      }
    }
  }
  return features;
}
