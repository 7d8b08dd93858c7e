/// <reference lib="webworker" />
// The page's data store, off the main thread: it loads the published records, runs the same core extraction
// the CLI runs on files the user drops, and answers the page's questions (details, vertices, exports).
// The page only ever holds the compact table rows.
import { epsgForZone, zoneFromEpsg } from '../core/crs.js';
import { checkGeoJSON } from '../core/checkGeoJSON.js';
import { decode } from '../core/decode.js';
import { extract } from '../core/extract.js';
import { projectToGrid } from '../core/project.js';
import { formatSpan, toFeatureCollection, toProperties } from '../core/toGeoJSON.js';
import type { Diagnostic, Parcel, SourceSpan } from '../core/types.js';
import type {
  Batch,
  Details,
  FeatureCollectionLike,
  InitResult,
  LayerId,
  LayerSummary,
  Message,
  Request,
  Row,
  SourceExcerpt,
  VertexRow,
  WorkerReply,
} from './model.js';

type Position = [number, number];
type Feature = FeatureCollectionLike['features'][number];

type Entry =
  | { kind: 'parcel'; row: Row; parcel: Parcel }
  | { kind: 'feature'; row: Row; feature: Feature; rings: Position[][] };

const entries = new Map<string, Entry>();
/** Source texts split into physical lines (index 0 = line 1), by the file name records cite. */
const texts = new Map<string, Promise<string[] | null>>();
let sourceUrls: Record<string, string> = {};
let importCount = 0;

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = async (event: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = event.data;
  try {
    const value = await handle(request);
    ctx.postMessage({ id, ok: true, value } satisfies WorkerReply);
  } catch (err) {
    ctx.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'init':
      return init(request.dataUrl);
    case 'import':
      return importFiles(request.files);
    case 'details':
      return details(request.id);
    case 'vertices':
      return vertices(request.ids);
    case 'geojson':
      return exportGeoJSON(request.ids);
  }
}

// ---------------------------------------------------------------- published data

interface Manifest {
  records: string;
  layers: Partial<Record<LayerId, string | null>>;
  sources: Record<string, string>;
}

async function init(dataUrl: string): Promise<InitResult> {
  const t0 = performance.now();
  const base = new URL(dataUrl, ctx.location.href);
  const manifest = (await fetchJson(new URL('manifest.json', base))) as Manifest;
  sourceUrls = Object.fromEntries(Object.entries(manifest.sources ?? {}).map(([file, rel]) => [file, new URL(rel, base).href]));
  const records = (await fetchJson(new URL(manifest.records, base))) as { records: Parcel[]; diagnostics: Diagnostic[]; crsNote?: string };

  const tParsed = performance.now();
  const rows: Row[] = [];
  const labels: Feature[] = [];
  for (const parcel of records.records) {
    const row = parcelRow(parcel, false);
    entries.set(row.id, { kind: 'parcel', row, parcel });
    rows.push(row);
    const label = parcel.lonLatRing ? labelFeature(row, [parcel.lonLatRing]) : null;
    if (label) labels.push(label);
  }

  const layers: Record<LayerId, LayerSummary> = {
    parcel: { features: records.records.filter((p) => p.lonLatRing).length, file: manifest.layers.parcel ?? null },
    mining: { features: null, file: manifest.layers.mining ?? null },
    planning: { features: null, file: manifest.layers.planning ?? null },
  };
  const polygons: Batch['polygons'] = {};
  const messages: Message[] = [];
  for (const layer of ['mining', 'planning'] as const) {
    const file = manifest.layers[layer];
    if (!file) continue;
    try {
      const fc = await fetchJson(new URL(file, base));
      const batch = featureBatch(fc, file, layer, false);
      rows.push(...batch.rows);
      labels.push(...batch.labels.features);
      polygons[layer] = batch.polygons[layer];
      layers[layer].features = batch.polygons[layer]?.features.length ?? 0;
      if (isObject(fc) && Array.isArray(fc.unlocated)) layers[layer].unlocated = fc.unlocated.length;
      messages.push(...batch.messages);
    } catch (err) {
      messages.push({ level: 'error', file, zh: `无法读取图层文件：${errorText(err)}`, en: `the layer file cannot be read: ${errorText(err)}` });
      layers[layer].features = 0;
    }
  }
  return {
    rows,
    labels: collection(labels),
    polygons,
    messages,
    layers,
    diagnostics: records.diagnostics ?? [],
    parcelsUrl: manifest.layers.parcel ? new URL(manifest.layers.parcel, base).href : null,
    crsNote: records.crsNote ?? null,
    timings: { startedAt: performance.timeOrigin + t0, loadMs: tParsed - t0, rowsMs: performance.now() - tParsed },
  };
}

async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------- import

async function importFiles(files: { name: string; bytes: ArrayBuffer }[]): Promise<Batch> {
  importCount++;
  const prefix = `导入${importCount}/`;
  const rows: Row[] = [];
  const labels: Feature[] = [];
  const messages: Message[] = [];
  const polygons: Record<LayerId, Feature[]> = { parcel: [], mining: [], planning: [] };
  const textInputs: { file: string; bytes: Uint8Array }[] = [];

  for (const f of files) {
    const bytes = new Uint8Array(f.bytes);
    const { decoded, diagnostics } = decode(f.name, bytes);
    if (!decoded) {
      for (const d of diagnostics) messages.push({ level: 'error', file: f.name, zh: d.message.zh, en: d.message.en });
      continue;
    }
    const looksJson = /\.(geo)?json$/i.test(f.name) || /^\s*[{[]/.test(decoded.text);
    if (looksJson) {
      let value: unknown;
      try {
        value = JSON.parse(decoded.text);
      } catch (err) {
        messages.push({ level: 'error', file: f.name, zh: `不是有效的 JSON：${errorText(err)}`, en: `not valid JSON: ${errorText(err)}` });
        continue;
      }
      const batch = featureBatch(value, f.name, null, true, prefix);
      rows.push(...batch.rows);
      labels.push(...batch.labels.features);
      for (const layer of ['parcel', 'mining', 'planning'] as const) polygons[layer].push(...(batch.polygons[layer]?.features ?? []));
      messages.push(...batch.messages);
    } else {
      texts.set(f.name, Promise.resolve(decoded.text.split(/\r\n|\r|\n/)));
      textInputs.push({ file: f.name, bytes });
    }
  }

  if (textInputs.length > 0) {
    const result = extract(textInputs);
    for (const d of result.diagnostics) {
      if (d.severity === 'info' && d.code !== 'input-no-documents') continue;
      messages.push({ level: d.severity, file: d.source?.file, zh: d.message.zh, en: d.message.en });
    }
    const fc = toFeatureCollection([]);
    for (const original of result.parcels) {
      const parcel: Parcel = { ...original, id: prefix + original.id };
      const row = parcelRow(parcel, true);
      entries.set(row.id, { kind: 'parcel', row, parcel });
      rows.push(row);
      if (parcel.lonLatRing) {
        const feature = toFeatureCollection([parcel]).features[0]!;
        (feature.properties as unknown as Record<string, unknown>).imported = true;
        fc.features.push(feature);
        const label = labelFeature(row, [parcel.lonLatRing]);
        if (label) labels.push(label);
      }
    }
    polygons.parcel.push(...(fc.features as unknown as Feature[]));
    const drawn = result.parcels.filter((p) => p.lonLatRing).length;
    const names = textInputs.map((t) => t.file).join('、');
    if (result.parcels.length === 0) {
      messages.push({ level: 'warning', file: names, zh: '文件中没有找到带面积或界址点的用地公文', en: 'no land document with an area or boundary points was found' });
    } else {
      messages.push({
        level: 'info',
        file: names,
        zh: `导入 ${result.parcels.length} 条记录，其中 ${drawn} 宗有坐标`,
        en: `imported ${result.parcels.length} records, ${drawn} with coordinates`,
      });
    }
  }
  const out: Batch['polygons'] = {};
  for (const layer of ['parcel', 'mining', 'planning'] as const) if (polygons[layer].length) out[layer] = collection(polygons[layer]);
  return { rows, labels: collection(labels), polygons: out, messages };
}

/** A GeoJSON value → rows and map features; `layer` null means: from each feature's `layer` property. */
function featureBatch(value: unknown, file: string, layer: LayerId | null, imported: boolean, prefix = ''): Batch {
  const messages: Message[] = [];
  const features = toFeatures(value);
  if (!features) {
    return {
      rows: [],
      labels: collection([]),
      polygons: {},
      messages: [{ level: 'error', file, zh: '不是 GeoJSON（需要 FeatureCollection、Feature 或几何对象）', en: 'not GeoJSON (a FeatureCollection, Feature or geometry is expected)' }],
    };
  }
  const problems = checkGeoJSON(value);
  if (problems.length > 0) {
    const first = problems.slice(0, 3).map((p) => `${p.path || '(根)'}: ${p.message}`).join('; ');
    messages.push({
      level: 'warning',
      file,
      zh: `GeoJSON 有 ${problems.length} 处不符合 RFC 7946：${first}`,
      en: `${problems.length} RFC 7946 problem(s): ${first}`,
    });
  }
  const rows: Row[] = [];
  const labels: Feature[] = [];
  const polygons: Record<LayerId, Feature[]> = { parcel: [], mining: [], planning: [] };
  let skipped = 0;
  features.forEach((f, i) => {
    const rings = polygonRings(f.geometry);
    if (!rings) {
      skipped++;
      return;
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const featureLayer: LayerId = layer ?? (props.layer === 'mining' || props.layer === 'planning' ? props.layer : 'parcel');
    const baseId = String(props.id ?? f.id ?? `${file}#${i + 1}`);
    let id = prefix + baseId;
    if (entries.has(id)) id = `${prefix}${baseId}#${i + 1}`;
    const row = featureRow(id, featureLayer, props, rings, file, imported);
    const feature: Feature = { type: 'Feature', id, properties: { ...props, id, layer: featureLayer, status: row.status, doc: row.doc, ...(imported ? { imported: true } : {}) }, geometry: f.geometry };
    entries.set(id, { kind: 'feature', row, feature, rings });
    rows.push(row);
    polygons[featureLayer].push(feature);
    const label = labelFeature(row, rings);
    if (label) labels.push(label);
  });
  if (skipped > 0) {
    messages.push({ level: 'warning', file, zh: `${skipped} 个要素不是面，未导入`, en: `${skipped} feature(s) are not polygons and were skipped` });
  }
  if (imported) {
    messages.push({ level: 'info', file, zh: `导入 ${rows.length} 个面要素`, en: `imported ${rows.length} polygon feature(s)` });
  }
  const out: Batch['polygons'] = {};
  for (const l of ['parcel', 'mining', 'planning'] as const) if (polygons[l].length || l === layer) out[l] = collection(polygons[l]);
  return { rows, labels: collection(labels), polygons: out, messages };
}

function toFeatures(value: unknown): Feature[] | null {
  if (!isObject(value)) return null;
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) return value.features.filter(isObject) as unknown as Feature[];
  if (value.type === 'Feature') return [value as unknown as Feature];
  if (typeof value.type === 'string' && 'coordinates' in value) return [{ type: 'Feature', properties: {}, geometry: value }];
  return null;
}

/** Outer rings of a Polygon / MultiPolygon with valid numbers; null for anything else. */
function polygonRings(geometry: unknown): Position[][] | null {
  if (!isObject(geometry)) return null;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!Array.isArray(polys)) return null;
  const rings: Position[][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly) || !Array.isArray(poly[0])) continue;
    const ring = (poly[0] as unknown[]).filter(
      (p): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]),
    );
    if (ring.length >= 3) rings.push(ring.map(([x, y]) => [x, y] as Position));
  }
  return rings.length ? rings : null;
}

// ---------------------------------------------------------------- rows

function parcelRow(p: Parcel, imported: boolean): Row {
  const v = p.verification;
  const doc = p.parcelIndex ? `${p.doc}（${p.parcelIndex}）` : p.doc;
  return {
    id: p.id,
    layer: 'parcel',
    doc,
    holder: p.holder,
    location: p.location,
    statedM2: p.statedArea?.m2 ?? null,
    statedText: p.statedArea?.text ?? null,
    computedM2: v.computedM2,
    deltaM2: v.deltaM2,
    status: v.status,
    imported,
    source: formatSpan(p.span),
    bbox: p.lonLatRing ? bbox([p.lonLatRing]) : null,
    epsg: p.zone?.epsg ?? null,
    text: [doc, p.holder, p.location, p.title, p.statedArea?.text, formatSpan(p.span), ...p.reportNumbers].filter(Boolean).join(' ').toLowerCase(),
  };
}

function featureRow(id: string, layer: LayerId, props: Record<string, unknown>, rings: Position[][], file: string, imported: boolean): Row {
  const str = (...keys: string[]) => {
    for (const k of keys) if (props[k] !== undefined && props[k] !== null && props[k] !== '') return String(props[k]);
    return null;
  };
  const num = (...keys: string[]) => {
    for (const k of keys) if (typeof props[k] === 'number' && Number.isFinite(props[k])) return props[k] as number;
    return null;
  };
  const doc = str('doc', 'code', 'name', '名称', '编号', 'id') ?? id;
  const status = str('status') ?? 'unstated';
  const lon = rings[0]![0]![0];
  const epsg = typeof props.epsg === 'number' ? props.epsg : zoneEpsgForLon(lon);
  return {
    id,
    layer,
    doc,
    holder: str('holder', '使用权人', '矿权人'),
    location: str('location', '位置', '坐落'),
    statedM2: num('stated_area_m2'),
    statedText: str('stated_area_text'),
    computedM2: num('computed_area_m2'),
    deltaM2: num('delta_m2'),
    status,
    imported,
    source: str('source') ?? file,
    bbox: bbox(rings),
    epsg,
    text: [doc, str('holder'), str('location'), str('name'), file].filter(Boolean).join(' ').toLowerCase(),
  };
}

function zoneEpsgForLon(lon: number): number | null {
  const zone = Math.round(lon / 3);
  try {
    return epsgForZone(3, zone, true);
  } catch {
    return null;
  }
}

function bbox(rings: Position[][]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

// ---------------------------------------------------------------- labels

/** One label point per feature, inside its largest ring (a polygon label would repeat per tile). */
function labelFeature(row: Row, rings: Position[][]): Feature | null {
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const r of rings) {
    const a = Math.abs(ringArea(r));
    if (a > bestArea) {
      bestArea = a;
      best = r;
    }
  }
  if (!best) return null;
  const point = interiorPoint(best);
  return {
    type: 'Feature',
    properties: { id: row.id, label: row.doc, status: row.status, layer: row.layer, imported: row.imported },
    geometry: { type: 'Point', coordinates: point },
  };
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

// The middle of the widest span of the ring along the horizontal line through its centroid: inside the ring
// even for an L- or U-shaped parcel, where the centroid may fall outside.
function interiorPoint(ring: Position[]): Position {
  const [x0, y0] = ring[0]!;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = [ring[i]![0] - x0, ring[i]![1] - y0];
    const next = ring[(i + 1) % ring.length]!;
    const [x2, y2] = [next[0] - x0, next[1] - y0];
    const c = x1 * y2 - x2 * y1;
    a += c;
    cx += (x1 + x2) * c;
    cy += (y1 + y2) * c;
  }
  if (a === 0) return [x0, y0];
  const y = cy / (3 * a) + y0;
  const xs: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [xa, ya] = ring[i]!;
    const [xb, yb] = ring[(i + 1) % ring.length]!;
    if (ya === yb || y < Math.min(ya, yb) || y >= Math.max(ya, yb)) continue;
    xs.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
  }
  xs.sort((p, q) => p - q);
  let best: Position = [cx / (3 * a) + x0, y];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

// ---------------------------------------------------------------- details, vertices, export

async function details(id: string): Promise<Details | null> {
  const entry = entries.get(id);
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
      ['crs', p.zone ? `EPSG:${p.zone.epsg}（CGCS2000 ${p.zone.width}° 带 ${p.zone.zone}，中央子午线 ${p.zone.centralMeridian}°E）` : null],
      ['sources', p.sources.map(formatSpan).join('；')],
      ['imported', entry.row.imported ? 'true' : null],
    ];
    const attributes = [...Object.entries(props), ...extra].filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)] as [string, string]);
    const spans: SourceSpan[] = [p.span, ...p.sources.filter((s) => s.file !== p.span.file)];
    const sources = await Promise.all(spans.map((s) => excerpt(s)));
    const vertices: VertexRow[] = p.points.map((q, i) => ({
      label: `J${q.label}`,
      x: q.x,
      y: q.y,
      lon: p.pointLonLat?.[i]?.[0] ?? null,
      lat: p.pointLonLat?.[i]?.[1] ?? null,
    }));
    return { row: entry.row, attributes, parcel: p, sources, vertices, diagnostics: p.diagnostics };
  }
  const props = (entry.feature.properties ?? {}) as Record<string, unknown>;
  const attributes = Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)] as [string, string]);
  const zone = entry.row.epsg ? zoneFromEpsg(entry.row.epsg) : null;
  const vertices: VertexRow[] = [];
  entry.rings.forEach((ring, r) => {
    const open = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring;
    open.forEach(([lon, lat], i) => {
      const grid = zone ? projectToGrid(zone, lon, lat) : null;
      vertices.push({ label: entry.rings.length > 1 ? `${r + 1}-J${i + 1}` : `J${i + 1}`, x: grid?.[0] ?? null, y: grid?.[1] ?? null, lon, lat });
    });
  });
  return { row: entry.row, attributes, parcel: null, sources: [], vertices, diagnostics: [] };
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

function sourceLines(file: string): Promise<string[] | null> {
  let p = texts.get(file);
  if (!p) {
    const url = sourceUrls[file];
    p = url
      ? fetch(url)
          .then((r) => (r.ok ? r.arrayBuffer() : null))
          .then((buf) => {
            if (!buf) return null;
            const { decoded } = decode(file, new Uint8Array(buf));
            return decoded ? decoded.text.split(/\r\n|\r|\n/) : null;
          })
          .catch(() => null)
      : Promise.resolve(null);
    texts.set(file, p);
  }
  return p;
}

function vertices(ids: string[]): FeatureCollectionLike {
  const features: Feature[] = [];
  for (const id of ids) {
    const entry = entries.get(id);
    if (!entry) continue;
    if (entry.kind === 'parcel') {
      const p = entry.parcel;
      p.pointLonLat?.forEach((c, i) => {
        features.push({ type: 'Feature', properties: { id, label: `J${p.points[i]!.label}` }, geometry: { type: 'Point', coordinates: c } });
      });
    } else {
      for (const ring of entry.rings) {
        const open = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring;
        open.forEach((c, i) => features.push({ type: 'Feature', properties: { id, label: `J${i + 1}` }, geometry: { type: 'Point', coordinates: c } }));
      }
    }
  }
  return collection(features);
}

/** A FeatureCollection as text: every drawn feature (ids null) or the listed ones, in table order. */
function exportGeoJSON(ids: string[] | null): string {
  const chosen = ids ? ids.map((id) => entries.get(id)).filter((e): e is Entry => !!e) : [...entries.values()];
  const features: unknown[] = [];
  for (const e of chosen) {
    if (e.kind === 'parcel') {
      const f = toFeatureCollection([e.parcel]).features[0];
      if (!f) continue;
      if (e.row.imported) (f.properties as unknown as Record<string, unknown>).imported = true;
      features.push(f);
    } else {
      features.push(e.feature);
    }
  }
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

// ---------------------------------------------------------------- helpers

function collection(features: Feature[]): FeatureCollectionLike {
  return { type: 'FeatureCollection', features };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
