// What the page asks about one record or a few: its details (attributes, original lines, vertices, neighbours),
// its vertex markers, the topology markers.
import { zoneFromEpsg } from '../../core/geodesy/crs.js';
import { toProperties, formatSpan } from '../../core/formats/geojson/toGeoJSON.js';
import { openRing } from '../../core/geometry/rings.js';
import { projectToGrid } from '../../core/geodesy/project.js';
import type { SourceSpan } from '../../core/model/types.js';
import { pairNeedsMarker, topologyMarkers } from '../../core/verify/topologyMarkers.js';
import type { Details, FeatureCollectionLike, Neighbour, SourceExcerpt, VertexRow } from '../state/model.js';
import { lookup } from './imports.js';
import { collection, sourceLines, store, type Feature } from './store.js';
import { DATUMS, zoneDatum } from '../../core/geodesy/crs.js';

export async function details(id: string): Promise<Details | null> {
  const entry = store.entries.get(id);
  if (!entry) return null;
  if (entry.kind === 'parcel') {
    const p = entry.parcel;
    const props = toProperties(p) as unknown as Record<string, unknown>;
    const extra: [string, unknown][] = [
      ['issuer', p.issuer],
      ['parcel_index', p.parcelIndex],
      ['compensation', p.compensation],
      ['delta_relative', p.verification.deltaRelative === null ? null : `${(p.verification.deltaRelative * 100).toPrecision(2)} %`],
      ['orientation', p.checks?.orientation ?? null],
      ['self_intersections', p.checks ? p.checks.selfIntersections.length : null],
      ['crs', p.zone ? `EPSG:${p.zone.epsg}（${DATUMS[zoneDatum(p.zone)!].name.en} ${p.zone.width}° 带 ${p.zone.zone}，中央子午线 ${p.zone.centralMeridian}°E）` : null],
      ['sources', p.sources.map(formatSpan).join('；')],
      ['imported', entry.row.imported ? 'true' : null],
      // A coordinate file's own fields (地块名称, 地块用途, …), under their own names.
      ...Object.entries(p.attributes ?? {}),
    ];
    const spans: SourceSpan[] = [p.span, ...p.sources.filter((s) => s.file !== p.span.file)];
    const sources = await Promise.all(spans.map((s) => excerpt(s)));
    const vertices: VertexRow[] = p.points.map((q, i) => ({
      label: `J${q.label}`,
      x: q.x,
      y: q.y,
      lon: p.pointLonLat?.[i]?.[0] ?? null,
      lat: p.pointLonLat?.[i]?.[1] ?? null,
    }));
    return { row: entry.row, attributes: shown([...Object.entries(props), ...extra]), parcel: p, sources, vertices, diagnostics: p.diagnostics, neighbours: neighboursOf(id) };
  }
  const props = (entry.feature.properties ?? {}) as Record<string, unknown>;
  const zone = entry.row.epsg ? zoneFromEpsg(entry.row.epsg) : null;
  const vertices: VertexRow[] = [];
  entry.rings.forEach((ring, r) => {
    openRing(ring).forEach(([lon, lat], i) => {
      const grid = zone ? projectToGrid(zone, lon, lat) : null;
      vertices.push({ label: entry.rings.length > 1 ? `${r + 1}-J${i + 1}` : `J${i + 1}`, x: grid?.[0] ?? null, y: grid?.[1] ?? null, lon, lat });
    });
  });
  const layerProps = entry.row.layer === 'parcel' ? undefined : props;
  return { row: entry.row, attributes: shown(Object.entries(props)), parcel: null, sources: [], vertices, diagnostics: [], ...(layerProps ? { layerProps } : {}) };
}

/** Attributes as text, without the empty ones: a missing value is no row at all. */
function shown(entries: [string, unknown][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of entries) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out.push([k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  }
  return out;
}

async function excerpt(span: SourceSpan): Promise<SourceExcerpt> {
  const lines = await sourceLines(span.file);
  if (!lines) return { span, lines: [], available: false };
  const from = Math.max(1, span.line);
  const to = Math.min(lines.length, Math.max(from, span.endLine ?? span.line));
  const out: { n: number; text: string }[] = [];
  for (let n = from; n <= to; n++) out.push({ n, text: lines[n - 1]! });
  return { span, lines: out, available: true };
}

export function vertices(ids: string[]): FeatureCollectionLike {
  const features: Feature[] = [];
  for (const id of ids) {
    const entry = store.entries.get(id);
    if (!entry) continue;
    if (entry.kind === 'parcel') {
      const p = entry.parcel;
      p.pointLonLat?.forEach((c, i) => {
        features.push({ type: 'Feature', properties: { id, label: `J${p.points[i]!.label}` }, geometry: { type: 'Point', coordinates: c } });
      });
    } else {
      for (const ring of entry.rings) openRing(ring).forEach((c, i) => features.push({ type: 'Feature', properties: { id, label: `J${i + 1}` }, geometry: { type: 'Point', coordinates: c } }));
    }
  }
  return collection(features);
}

/** Markers of every pair the page knows: the published report's and each import's. */
export function topology(): FeatureCollectionLike {
  return collection(topologyMarkers(store.topologyPairs, lookup) as Feature[]);
}

/** The records the topology markers need in full: only the pairs drawn need their points. */
export function topologyIds(): string[] {
  return store.topologyPairs.filter(pairNeedsMarker).flatMap((p) => [p.a, p.b]);
}

/** The record and its neighbours: the details list them with their labels. */
export function detailsIds(id: string): string[] {
  return [id, ...store.topologyPairs.filter((p) => p.a === id || p.b === id).map((p) => (p.a === id ? p.b : p.a))];
}

function neighboursOf(id: string): Neighbour[] {
  return store.topologyPairs
    .filter((p) => p.a === id || p.b === id)
    .map((p) => {
      const other = p.a === id ? p.b : p.a;
      return {
        id: other,
        doc: store.entries.get(other)?.row.doc ?? other,
        sharedVertices: p.sharedVertices.length,
        maxDistanceM: p.sharedVertices.reduce((m, v) => Math.max(m, v.distanceM), 0),
        overlapM2: p.overlapM2,
        overlapWithinPrecision: p.overlapWithinPrecision,
        gap: p.gap,
      };
    });
}
