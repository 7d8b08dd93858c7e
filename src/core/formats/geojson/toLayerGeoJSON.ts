// planning.geojson and mining.geojson for the map: the planner's features with what the gazettes say about them
// (latest approval of a block; the retention test of a zone, criterion by criterion), RFC 7946 (lon/lat,
// counter-clockwise exteriors, no crs). References the texts make but no feature locates travel beside the
// features as the foreign member `unlocated` (RFC 7946 §6.1), so the page can list what is still to be drawn.
import type { LayerResult } from '../../model/layers.js';
import type { CriterionResult } from '../../model/mining.js';
import { approvalsOf } from '../../planning/extractPlanningBlocks.js';
import type { BlockDocument, PlanningBlock } from '../../model/planning.js';
import type { Mine } from '../../model/mining.js';
import { signedPlanarArea } from '../../geodesy/planarArea.js';
import type { LayerFeature } from '../../model/layers.js';
import { formatSpan } from './toGeoJSON.js';
import type { ExtractResult } from '../../model/types.js';

type Geometry = { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

interface LayerFeatureOut<P> {
  type: 'Feature';
  id: string;
  properties: P;
  geometry: Geometry;
}

export interface LayerCollection<P, U> {
  type: 'FeatureCollection';
  features: LayerFeatureOut<P>[];
  unlocated: U[];
}

export interface PlanningProperties {
  id: string;
  layer: 'planning';
  code: string;
  level: string | null;
  /** approved: a 控规 approval names it; mentioned: only other documents do; unreferenced: no gazette names it. */
  status: 'approved' | 'mentioned' | 'unreferenced';
  latest_doc: string | null;
  latest_date: string | null;
  approvals: { doc: string; date: string | null; title: string; project: string | null; source: string }[];
  mentions: { doc: string; date: string | null; title: string; source: string }[];
  parcels: RelatedParcel[];
  source: string;
  [planner: string]: unknown;
}

/** A land parcel inside or overlapping a block or zone, with the overlap. */
interface RelatedParcel {
  id: string;
  relation: string;
  overlap_m2: number;
  share: number;
}

export interface MiningProperties {
  id: string;
  layer: 'mining';
  name: string | null;
  /** The mine the gazettes name, when the feature matched one. */
  mine: string | null;
  match: 'exact' | 'tail' | null;
  outcome: 'retain' | 'consolidate' | 'unknown';
  area_km2: number | null;
  capacity_wt_per_year: number | null;
  remaining_years: number | null;
  mineral: string | null;
  area_status: string;
  capacity_status: string;
  remaining_years_status: string;
  criteria: (CriterionResult & { source_text: string | null })[];
  policy_doc: string | null;
  mentions: { doc: string; date: string | null; name: string; source: string }[];
  parcels: RelatedParcel[];
  source: string;
  [planner: string]: unknown;
}

export interface UnlocatedBlock {
  code: string;
  level: string;
  documents: { doc: string; date: string | null; title: string; role: string; source: string }[];
}

export interface UnlocatedMine {
  name: string;
  kind: string;
  documents: { doc: string; date: string | null; name: string; source: string }[];
}

export function toPlanningGeoJSON(result: ExtractResult): LayerCollection<PlanningProperties, UnlocatedBlock> {
  const layers = emptyIfMissing(result.layers);
  const features = layers.join.planning.map(({ feature, code, block }) => {
    const approvals = block ? approvalsOf(block) : [];
    const latest = approvals[approvals.length - 1] ?? null;
    const status: PlanningProperties['status'] = approvals.length > 0 ? 'approved' : block && block.documents.length > 0 ? 'mentioned' : 'unreferenced';
    return out<PlanningProperties>(feature, {
      ...feature.properties,
      id: feature.id,
      layer: 'planning',
      code,
      level: block?.level ?? null,
      status,
      latest_doc: latest?.doc ?? null,
      latest_date: latest?.date ?? null,
      approvals: approvals.map((d) => ({ doc: d.doc, date: d.date, title: d.title, project: d.project, source: sourcesOf(d) })),
      mentions: (block?.documents ?? []).filter((d) => d.role === 'mention').map((d) => ({ doc: d.doc, date: d.date, title: d.title, source: sourcesOf(d) })),
      parcels: parcelsIn(layers, feature.id),
      source: formatSpan(feature.source),
    });
  });
  return {
    type: 'FeatureCollection',
    features,
    unlocated: layers === NO_LAYERS ? result.planningBlocks.filter((b) => b.documents.length > 0).map(unlocatedBlock) : layers.join.unmatchedReferences.planning.map(unlocatedBlock),
  };
}

export function toMiningLayerGeoJSON(result: ExtractResult): LayerCollection<MiningProperties, UnlocatedMine> {
  const layers = emptyIfMissing(result.layers);
  const features = layers.join.mining.map(({ feature, name, mine, match, attributes, retention }) => {
    const status = (c: string) => retention.criteria.find((x) => x.criterion === c)?.status ?? 'unknown';
    return out<MiningProperties>(feature, {
      ...feature.properties,
      id: feature.id,
      layer: 'mining',
      name,
      mine: mine?.name ?? null,
      match,
      outcome: retention.outcome,
      area_km2: attributes.areaM2 === null ? null : Math.round(attributes.areaM2 / 100) / 1e4,
      capacity_wt_per_year: attributes.capacity,
      remaining_years: attributes.remainingYears,
      mineral: attributes.mineral,
      area_status: status('area'),
      capacity_status: status('capacity'),
      remaining_years_status: status('remaining-years'),
      criteria: retention.criteria.map((c) => ({ ...c, source_text: c.source ? formatSpan(c.source) : null })),
      policy_doc: retention.policyDoc,
      mentions: (mine?.mentions ?? []).map((m) => ({ doc: m.doc, date: m.date, name: m.name, source: formatSpan(m.source) })),
      parcels: parcelsIn(layers, feature.id),
      source: formatSpan(feature.source),
    });
  });
  return {
    type: 'FeatureCollection',
    features,
    unlocated: (layers === NO_LAYERS ? result.mines : layers.join.unmatchedReferences.mining).map(unlocatedMine),
  };
}

const NO_LAYERS: LayerResult = {
  join: { planning: [], mining: [], unclassified: [], unmatchedFeatures: [], unmatchedReferences: { planning: [], mining: [] } },
  relations: [],
  skipped: [],
};

function emptyIfMissing(layers: LayerResult | undefined): LayerResult {
  return layers ?? NO_LAYERS;
}

function out<P>(feature: LayerFeature, properties: P): LayerFeatureOut<P> {
  const polygons = feature.polygons.map((rings) => rings.map((ring, k) => wind(ring, k === 0)));
  const geometry: Geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  return { type: 'Feature', id: feature.id, properties, geometry };
}

/** RFC 7946 §3.1.6: exteriors counter-clockwise, holes clockwise; the planner's file may have either. */
function wind(ring: [number, number][], exterior: boolean): [number, number][] {
  // signedPlanarArea is positive for counter-clockwise in (east, north): lon as east, lat as north.
  const counterClockwise = signedPlanarArea(ring.map(([lon, lat]) => ({ x: lat, y: lon }))) > 0;
  return counterClockwise === exterior ? ring : [...ring].reverse();
}

function parcelsIn(layers: LayerResult, featureId: string) {
  return layers.relations
    .filter((r) => r.feature === featureId)
    .map((r) => ({ id: r.parcel, relation: r.relation, overlap_m2: Math.round(r.overlapM2 * 100) / 100, share: Math.round(r.parcelShare * 1e4) / 1e4 }));
}

function sourcesOf(d: BlockDocument): string {
  return d.sources.map(formatSpan).join(', ');
}

function unlocatedBlock(b: PlanningBlock): UnlocatedBlock {
  return { code: b.code, level: b.level, documents: b.documents.map((d) => ({ doc: d.doc, date: d.date, title: d.title, role: d.role, source: sourcesOf(d) })) };
}

function unlocatedMine(m: Mine): UnlocatedMine {
  return { name: m.name, kind: m.kind, documents: m.mentions.map((x) => ({ doc: x.doc, date: x.date, name: x.name, source: formatSpan(x.source) })) };
}
