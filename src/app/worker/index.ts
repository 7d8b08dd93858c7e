/// <reference lib="webworker" />
// The page's data store, off the main thread: it loads the published records, runs the same core extraction
// the CLI runs on files the user drops, and answers the page's questions (details, vertices, exports).
// The page only ever holds the compact table rows.
import { DATUMS, epsgForZone, zoneDatum, zoneFromEpsg } from '../../core/geodesy/crs.js';
import type { ParcelPairRelation } from '../../core/verify/analyzeTopology.js';
import { applyLayers } from '../../core/layers/applyLayers.js';
import { checkGeoJSON } from '../../core/formats/geojson/checkGeoJSON.js';
import { decode } from '../../core/text/decode.js';
import { extract, type InputFile } from '../../core/extract.js';
import { normalizeBlockCode } from '../../core/planning/extractPlanningBlocks.js';
import { CAPACITY_FIELDS, CODE_FIELDS, fieldOf, MINERAL_FIELDS, YEARS_FIELDS } from '../../core/layers/joinLayers.js';
import { isGeoJSON } from '../../core/formats/geojson/readGeoJSON.js';
import { readLayers } from '../../core/layers/readLayers.js';
import { sniffFormat } from '../../core/text/sniffFormat.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON } from '../../core/formats/geojson/toLayerGeoJSON.js';
import { intersection } from 'polyclip-ts';
import { projectToGrid } from '../../core/geodesy/project.js';
import { formatSpan, toFeatureCollection, toProperties } from '../../core/formats/geojson/toGeoJSON.js';
import { labelPoint, ringsBbox } from '../../core/geometry/labelPoint.js';
import { Published, packRows, type PageIndex } from '../state/published.js';
import type { Diagnostic, ExtractResult, Parcel, SourceSpan } from '../../core/model/types.js';
import type {
  Batch,
  Details,
  ExportRequestOptions,
  FeatureCollectionLike,
  ImportFile,
  ImportMode,
  InitResult,
  LayerId,
  LayerSummary,
  Message,
  Neighbour,
  Request,
  Row,
  SourceExcerpt,
  Unlocated,
  VertexRow,
  WorkerReply,
} from '../state/model.js';

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
/** What the gazettes say about blocks and mines (from records.json), for joining layers dropped on the page. */
let context: Pick<ExtractResult, 'planningBlocks' | 'mines' | 'miningPolicy' | 'mineralPlan'> = { planningBlocks: [], mines: [], miningPolicy: null, mineralPlan: null };
/** Shared vertices, overlaps and gaps between parcels: the published report plus each import's own. */
const topologyPairs: ParcelPairRelation[] = [];
/** References no layer feature locates yet; null until a layer file (published or dropped) has said. */
const unlocated: { planning: Unlocated['planning'] | null; mining: Unlocated['mining'] | null } = { planning: null, mining: null };

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
  await ensureRecords(recordsNeeded(request));
  switch (request.type) {
    case 'init':
      return init(request.dataUrl);
    case 'import':
      return importFiles(request.files, request.mode ?? 'auto');
    case 'export':
      return exportFile(request.format, request.ids, request.options);
    case 'unlocated':
      return { planning: unlocated.planning ?? [], mining: unlocated.mining ?? [] } satisfies Unlocated;
    case 'topology':
      return topologyMarkers(topologyPairs);
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
  /** The table index and the chunks of full records (scripts/publish-data.mjs). */
  index: string;
  /** Vector tiles of the parcels and their label points, written when there are many. */
  tiles?: { url: string } | null;
  layers: Partial<Record<LayerId, string | null>>;
  sources: Record<string, string>;
}

/** The published records: their rows from the index at start-up, their full records by chunk when a request needs them. */
let published: Published | null = null;

async function init(dataUrl: string): Promise<InitResult> {
  const t0 = performance.now();
  const base = new URL(dataUrl, ctx.location.href);
  const manifest = (await fetchJson(new URL('manifest.json', base))) as Manifest;
  sourceUrls = Object.fromEntries(Object.entries(manifest.sources ?? {}).map(([file, rel]) => [file, new URL(rel, base).href]));
  const index = (await fetchJson(new URL(manifest.index, base))) as PageIndex;
  const records = index.meta as { diagnostics?: Diagnostic[]; crsNote?: string };
  rememberContext(records);

  const tParsed = performance.now();
  published = new Published(index, base);
  // The published rows go to the page as columns (see rowsFromColumns); these are the layers' rows.
  const rows: Row[] = [];
  // With vector tiles the map draws the published parcels' label points from the tiles.
  const labels: Feature[] = manifest.tiles ? [] : published.labels();

  const layers: Record<LayerId, LayerSummary> = {
    parcel: { features: index.drawn, file: manifest.layers.parcel ?? null },
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
      if (isObject(fc) && Array.isArray(fc.unlocated)) {
        layers[layer].unlocated = fc.unlocated.length;
        unlocated[layer] = fc.unlocated as never;
      }
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
    published: published.count,
    publishedRows: packRows(published.table),
  };
}

/**
 * Which published records a request needs in full (points, diagnostics, sources): these ids, or all of them (null).
 * Imports ask for all themselves when a dropped layer is to be related to every parcel.
 */
function recordsNeeded(request: Request): readonly string[] | null {
  switch (request.type) {
    case 'init':
    case 'import':
    case 'unlocated':
      return [];
    case 'topology':
      // Markers are drawn for gaps and for overlaps beyond the printed precision: only those pairs need their points.
      return topologyPairs.filter((p) => p.gap || (p.overlapM2 > 0 && !p.overlapWithinPrecision)).flatMap((p) => [p.a, p.b]);
    case 'details':
      return [request.id, ...topologyPairs.filter((p) => p.a === request.id || p.b === request.id).map((p) => (p.a === request.id ? p.b : p.a))];
  }
  // Downloads and vertices name their records; a request this list does not know gets every record.
  const named = request as { id?: unknown; ids?: unknown };
  if (Array.isArray(named.ids) || named.ids === null) return named.ids as readonly string[] | null;
  if (typeof named.id === 'string') return [named.id];
  return null;
}

/** Puts the full records of these ids (null: of all) into `entries`, fetching the chunks that hold them. */
async function ensureRecords(ids: readonly string[] | null): Promise<void> {
  const pub = published;
  if (!pub || (ids !== null && ids.length === 0)) return;
  await pub.load(ids, (parcel) => {
    if (!entries.has(parcel.id)) entries.set(parcel.id, { kind: 'parcel', row: pub.row(parcel.id) ?? parcelRow(parcel, false), parcel });
  });
  if (ids === null) {
    // Everything is in: the published records first, in table order, then the imported ones as they came.
    const all = [...entries].map(([id, e], k) => ({ id, e, at: pub.positionOf(id) ?? pub.count + k }));
    all.sort((a, b) => a.at - b.at);
    entries.clear();
    for (const { id, e } of all) entries.set(id, e);
  }
}

async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------- import

async function importFiles(files: ImportFile[], mode: ImportMode = 'auto'): Promise<Batch> {
  importCount++;
  const prefix = `导入${importCount}/`;
  const out: BatchParts = { rows: [], labels: [], messages: [], polygons: { parcel: [], mining: [], planning: [] }, topology: [] };
  const parcelInputs: InputFile[] = [];
  const layerInputs: InputFile[] = [];

  for (const f of files) {
    const bytes = new Uint8Array(f.bytes);
    if (f.text) {
      // A PDF or Word document whose text the page took out: a gazette; line numbers refer to that text.
      texts.set(f.name, Promise.resolve(f.text.content.split(/\r\n|\r|\n/)));
      parcelInputs.push({ file: f.name, bytes, text: f.text });
      continue;
    }
    const input: InputFile = { file: f.name, bytes };
    const format = sniffFormat(bytes);
    if (format === 'text-or-binary') {
      const { decoded, diagnostics } = decode(f.name, bytes);
      if (!decoded) {
        for (const d of diagnostics) out.messages.push({ level: 'error', file: f.name, zh: d.message.zh, en: d.message.en });
        continue;
      }
      texts.set(f.name, Promise.resolve(decoded.text.split(/\r\n|\r|\n/)));
      const role = mode === 'auto' ? textRole(input, decoded.text) : mode;
      (role === 'parcel' ? parcelInputs : layerInputs).push(input);
    } else {
      // A zipped Shapefile (or a PDF the page could not read: extract says why).
      const role = mode === 'auto' ? (format === 'zip' ? coordinateRole(input) : 'parcel') : mode;
      (role === 'parcel' ? parcelInputs : layerInputs).push(input);
    }
  }

  if (parcelInputs.length > 0) addParcels(parcelInputs, prefix, out);
  let unlocatedCounts: Batch['unlocated'];
  if (layerInputs.length > 0) {
    await ensureRecords(null);
    unlocatedCounts = addLayers(layerInputs, mode, prefix, out);
  }

  const polygons: Batch['polygons'] = {};
  for (const layer of ['parcel', 'mining', 'planning'] as const) if (out.polygons[layer].length) polygons[layer] = collection(out.polygons[layer]);
  return {
    rows: out.rows,
    labels: collection(out.labels),
    polygons,
    messages: out.messages,
    ...(unlocatedCounts ? { unlocated: unlocatedCounts } : {}),
    ...(out.topology.length ? { topology: collection(out.topology) } : {}),
  };
}

interface BatchParts {
  rows: Row[];
  labels: Feature[];
  messages: Message[];
  polygons: Record<LayerId, Feature[]>;
  topology: Feature[];
}

/** Gazettes, PDF/Word text and coordinate files of parcels: the core's extract, as the CLI runs it. */
function addParcels(inputs: InputFile[], prefix: string, out: BatchParts): void {
  const result = extract(inputs);
  for (const d of result.diagnostics) {
    if (d.severity === 'info' && d.code !== 'input-no-documents') continue;
    out.messages.push({ level: d.severity, file: d.source?.file, zh: d.message.zh, en: d.message.en });
  }
  const fc = toFeatureCollection([]);
  for (const original of result.parcels) {
    const parcel: Parcel = { ...original, id: prefix + original.id };
    const row = parcelRow(parcel, true);
    entries.set(row.id, { kind: 'parcel', row, parcel });
    out.rows.push(row);
    if (parcel.lonLatRing) {
      const feature = toFeatureCollection([parcel]).features[0]!;
      (feature.properties as unknown as Record<string, unknown>).imported = true;
      fc.features.push(feature);
      const label = labelFeature(row, [parcel.lonLatRing]);
      if (label) out.labels.push(label);
    }
  }
  out.polygons.parcel.push(...(fc.features as unknown as Feature[]));
  const pairs = result.topology.pairs.map((p) => ({ ...p, a: prefix + p.a, b: prefix + p.b, gap: p.gap ? { ...p.gap, parcel: prefix + p.gap.parcel } : null }));
  topologyPairs.push(...pairs);
  out.topology.push(...topologyMarkers(pairs).features);
  const drawn = result.parcels.filter((p) => p.lonLatRing).length;
  const names = inputs.map((t) => t.file).join('、');
  if (result.parcels.length === 0) {
    out.messages.push({ level: 'warning', file: names, zh: '文件中没有找到带面积或界址点的用地公文', en: 'no land document with an area or boundary points was found' });
  } else {
    out.messages.push({
      level: 'info',
      file: names,
      zh: `导入 ${result.parcels.length} 条记录，其中 ${drawn} 宗有坐标`,
      en: `imported ${result.parcels.length} records, ${drawn} with coordinates`,
    });
  }
}

/**
 * The planner's planning-block and mining-zone layers: read, joined to the blocks and mines the gazettes name,
 * the retention test evaluated and every parcel on the page related to them (readLayers → applyLayers →
 * toPlanningGeoJSON / toMiningLayerGeoJSON, as `jiezhi extract --layers` does).
 */
function addLayers(inputs: InputFile[], mode: ImportMode, prefix: string, out: BatchParts): Batch['unlocated'] {
  const names = inputs.map((i) => i.file).join('、');
  const read = readLayers(inputs);
  if (mode === 'mining') for (const f of read.features) f.properties.layer ??= 'mining';
  for (const d of read.diagnostics) {
    if (d.severity === 'info') continue;
    out.messages.push({ level: d.severity, file: d.source?.file, zh: d.message.zh, en: d.message.en });
  }
  const parcels: Parcel[] = [];
  for (const e of entries.values()) if (e.kind === 'parcel' && e.parcel.lonLatRing && e.parcel.kind !== 'mining-zone') parcels.push(e.parcel);
  const base: ExtractResult = {
    parcels,
    topology: { pairs: [] },
    diagnostics: [],
    inputs: [],
    pointLines: { total: 0, inParcels: 0, inDiagnostics: 0 },
    ...context,
  };
  const applied = applyLayers(base, read);
  const planning = toPlanningGeoJSON(applied);
  const mining = toMiningLayerGeoJSON(applied);
  for (const [layer, fc] of [
    ['planning', planning],
    ['mining', mining],
  ] as const) {
    if (fc.features.length === 0) continue;
    const batch = featureBatch(fc, names, layer, true, prefix);
    out.rows.push(...batch.rows);
    out.labels.push(...batch.labels.features);
    out.polygons[layer].push(...(batch.polygons[layer]?.features ?? []));
    out.messages.push(...batch.messages.filter((m) => m.level !== 'info'));
  }
  // Still unlocated: what was unlocated before and these features do not locate either.
  const stillBlocks = new Set(planning.unlocated.map((u) => u.code));
  const stillMines = new Set(mining.unlocated.map((u) => u.name));
  unlocated.planning = (unlocated.planning ?? planning.unlocated).filter((u) => stillBlocks.has(u.code));
  unlocated.mining = (unlocated.mining ?? mining.unlocated).filter((u) => stillMines.has(u.name));

  if (planning.features.length) {
    const joined = planning.features.filter((f) => f.properties.status !== 'unreferenced').length;
    const unreferenced = planning.features.filter((f) => f.properties.status === 'unreferenced').map((f) => f.properties.code);
    out.messages.push({
      level: 'info',
      file: names,
      zh: `规划地块 ${planning.features.length} 个，${joined} 个与公报地块编号对应${unreferenced.length ? `，${unreferenced.length} 个公报未提及（${unreferenced.join('、')}）` : ''}；公报中仍有 ${unlocated.planning.length} 个地块编号没有图形`,
      en: `${planning.features.length} planning block(s), ${joined} matched to gazette block codes${unreferenced.length ? `, ${unreferenced.length} not named by any gazette (${unreferenced.join(', ')})` : ''}; ${unlocated.planning.length} gazette block code(s) still without geometry`,
    });
  }
  if (mining.features.length) {
    const count = (o: string) => mining.features.filter((f) => f.properties.outcome === o).length;
    const unmatched = mining.features.filter((f) => !f.properties.mine).map((f) => f.properties.name ?? f.id);
    out.messages.push({
      level: 'info',
      file: names,
      zh: `矿区 ${mining.features.length} 个：单独保留 ${count('retain')}，整合 ${count('consolidate')}，待定 ${count('unknown')}${unmatched.length ? `；${unmatched.length} 个未在公报中出现（${unmatched.join('、')}）` : ''}；公报中仍有 ${unlocated.mining.length} 个矿山没有图形`,
      en: `${mining.features.length} mining zone(s): retain ${count('retain')}, consolidate ${count('consolidate')}, unknown ${count('unknown')}${unmatched.length ? `; ${unmatched.length} not named by any gazette (${unmatched.join(', ')})` : ''}; ${unlocated.mining.length} gazette mine(s) still without geometry`,
    });
  }
  const unclassified = applied.layers?.join.unclassified.length ?? 0;
  if (unclassified > 0) {
    out.messages.push({
      level: 'warning',
      file: names,
      zh: `${unclassified} 个要素既没有地块编号也没有矿山名称，未作为图层导入（可在“导入为”中选择“宗地”）`,
      en: `${unclassified} feature(s) carry neither a block code nor a mine name and were not imported as a layer (choose “parcels” under “Import as”)`,
    });
  }
  if (read.skipped.length > 0) {
    const first = read.skipped[0]!;
    out.messages.push({
      level: 'warning',
      file: names,
      zh: `${read.skipped.length} 个要素未导入（${formatSpan(first.source)}：${first.reason}）`,
      en: `${read.skipped.length} feature(s) skipped (${formatSpan(first.source)}: ${first.reason})`,
    });
  }
  if (planning.features.length + mining.features.length === 0 && unclassified === 0 && read.skipped.length === 0) {
    out.messages.push({ level: 'warning', file: names, zh: '文件中没有可作为图层的面要素', en: 'no polygon feature to use as a layer' });
  }
  return { planning: unlocated.planning.length, mining: unlocated.mining.length };
}

// ---------------------------------------------------------------- what a dropped file is

/** A text file: a GeoJSON or coordinate file of blocks or mining zones is a layer; anything else is parcels. */
function textRole(input: InputFile, text: string): LayerId {
  if (isGeoJSON(text)) return geoJSONRole(text);
  if (/^\s*\[地块坐标\]|^\s*XY\d{3}\s*[=＝]/m.test(text)) return coordinateRole(input);
  return 'parcel';
}

/** 国土 TXT, mining-right TXT, zipped Shapefile: a mining-right zone, or features whose 地块编号 is a block code, make a layer. */
function coordinateRole(input: InputFile): LayerId {
  const { parcels } = extract([input]);
  if (parcels.some((p) => p.kind === 'mining-zone')) return 'mining';
  if (parcels.length > 0 && parcels.every((p) => blockCodeOf(p.attributes ?? {}) !== null)) return 'planning';
  return 'parcel';
}

/** A GeoJSON whose features carry block codes or mine names (and are not our own parcel export) is a layer. */
function geoJSONRole(text: string): LayerId {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'parcel';
  }
  const features = toFeatures(value) ?? [];
  let planning = 0;
  let mining = 0;
  let parcels = 0;
  for (const f of features) {
    const props = isObject(f.properties) ? f.properties : {};
    if (props.layer === 'parcel' || (typeof props.doc === 'string' && 'status' in props)) parcels++;
    else if (props.layer === 'planning' || blockCodeOf(props) !== null) planning++;
    else if (props.layer === 'mining' || looksLikeMine(props)) mining++;
    else parcels++;
  }
  if (planning + mining === 0 || parcels >= planning + mining) return 'parcel';
  return planning >= mining ? 'planning' : 'mining';
}

function blockCodeOf(props: Record<string, unknown>): string | null {
  const text = fieldOf(props, CODE_FIELDS);
  return text === null ? null : normalizeBlockCode(text);
}

/** A mine name field (矿山名称, KSMC…), or a plain name with mining attributes or a mining word in it. */
function looksLikeMine(props: Record<string, unknown>): boolean {
  if (fieldOf(props, ['矿山名称', '矿区名称', '采矿权人', 'mine', 'KSMC', 'KQMC']) !== null) return true;
  const name = fieldOf(props, ['企业名称', '名称', 'name']);
  if (name === null) return false;
  return /矿|煤|石料|采石|砂石|建材|水泥/.test(name) || fieldOf(props, [...CAPACITY_FIELDS, ...YEARS_FIELDS, ...MINERAL_FIELDS]) !== null;
}

// ---------------------------------------------------------------- topology

function rememberContext(records: unknown): void {
  if (!isObject(records)) return;
  context = {
    planningBlocks: Array.isArray(records.planningBlocks) ? (records.planningBlocks as ExtractResult['planningBlocks']) : [],
    mines: Array.isArray(records.mines) ? (records.mines as ExtractResult['mines']) : [],
    miningPolicy: isObject(records.miningPolicy) ? (records.miningPolicy as unknown as ExtractResult['miningPolicy']) : null,
    mineralPlan: isObject(records.mineralPlan) ? (records.mineralPlan as unknown as ExtractResult['mineralPlan']) : null,
  };
  const topology = records.topology;
  if (isObject(topology) && Array.isArray(topology.pairs)) topologyPairs.push(...(topology.pairs as ParcelPairRelation[]));
}

/** Map markers: a point at each gap's vertex, and the overlap polygon of pairs that overlap beyond precision. */
function topologyMarkers(pairs: readonly ParcelPairRelation[]): FeatureCollectionLike {
  const features: Feature[] = [];
  for (const pair of pairs) {
    const docA = entries.get(pair.a)?.row.doc ?? pair.a;
    const docB = entries.get(pair.b)?.row.doc ?? pair.b;
    if (pair.gap) {
      const e = entries.get(pair.gap.parcel);
      if (e?.kind === 'parcel') {
        const i = e.parcel.points.findIndex((q) => q.label === pair.gap!.label);
        const at = i >= 0 ? e.parcel.pointLonLat?.[i] : undefined;
        if (at) {
          features.push({
            type: 'Feature',
            properties: { kind: 'gap', a: pair.a, b: pair.b, label: `缝隙 ${pair.gap.widthM.toFixed(2)} m`, width_m: pair.gap.widthM, title: `${docA} / ${docB} J${pair.gap.label}` },
            geometry: { type: 'Point', coordinates: at },
          });
        }
      }
    }
    if (pair.overlapM2 > 0 && !pair.overlapWithinPrecision) {
      const a = entries.get(pair.a);
      const b = entries.get(pair.b);
      if (a?.kind === 'parcel' && b?.kind === 'parcel' && a.parcel.lonLatRing && b.parcel.lonLatRing) {
        try {
          const shape = intersection([a.parcel.lonLatRing], [b.parcel.lonLatRing]);
          if (shape.length > 0) {
            const props = { kind: 'overlap', a: pair.a, b: pair.b, label: `重叠 ${pair.overlapM2.toFixed(2)} m²`, overlap_m2: pair.overlapM2, title: `${docA} / ${docB}` };
            features.push({ type: 'Feature', properties: props, geometry: { type: 'MultiPolygon', coordinates: shape } });
            features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: shape[0]![0]![0] } });
          }
        } catch {
          // A degenerate ring polyclip cannot cut: the details panel still lists the overlap.
        }
      }
    }
  }
  return collection(features);
}

function neighboursOf(id: string): Neighbour[] {
  return topologyPairs
    .filter((p) => p.a === id || p.b === id)
    .map((p) => {
      const other = p.a === id ? p.b : p.a;
      return {
        id: other,
        doc: entries.get(other)?.row.doc ?? other,
        sharedVertices: p.sharedVertices.length,
        maxDistanceM: p.sharedVertices.reduce((m, v) => Math.max(m, v.distanceM), 0),
        overlapM2: p.overlapM2,
        overlapWithinPrecision: p.overlapWithinPrecision,
        gap: p.gap,
      };
    });
}

// ---------------------------------------------------------------- downloads

/** Every format of the core's exportParcels; the writers (Shapefile, KML, GBK table…) load on the first download. */
async function exportFile(format: string, ids: string[] | null, options: ExportRequestOptions) {
  const { exportParcels, EXPORT_FORMATS } = await import('../../core/formats/exportParcels.js');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`unknown format: ${format}`);
  const chosen = ids ? ids.map((id) => entries.get(id)) : [...entries.values()];
  const parcels: Parcel[] = [];
  for (const e of chosen) if (e?.kind === 'parcel') parcels.push(e.parcel);
  const file = exportParcels(parcels, format as (typeof EXPORT_FORMATS)[number], options);
  return file;
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
    if (entries.has(id) || published?.has(id)) id = `${prefix}${baseId}#${i + 1}`;
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
    bbox: p.lonLatRing ? ringsBbox([p.lonLatRing]) : null,
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
  // Planning blocks carry their approval status, mining zones the outcome of the retention test.
  const status = str('status', 'outcome') ?? 'unstated';
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
    bbox: ringsBbox(rings),
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

// ---------------------------------------------------------------- labels

/** One label point per feature, inside its largest ring (a polygon label would repeat per tile). */
function labelFeature(row: Row, rings: Position[][]): Feature | null {
  const point = labelPoint(rings);
  if (!point) return null;
  return {
    type: 'Feature',
    // doc (without the parcel number), holder and location: the map's filters look at them (as on the polygons).
    properties: { id: row.id, label: row.doc, status: row.status, layer: row.layer, imported: row.imported, doc: row.doc.replace(/（\d+）$/, ''), holder: row.holder, location: row.location },
    geometry: { type: 'Point', coordinates: point },
  };
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
      ['crs', p.zone ? `EPSG:${p.zone.epsg}（${DATUMS[zoneDatum(p.zone)!].name.en} ${p.zone.width}° 带 ${p.zone.zone}，中央子午线 ${p.zone.centralMeridian}°E）` : null],
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
    return { row: entry.row, attributes, parcel: p, sources, vertices, diagnostics: p.diagnostics, neighbours: neighboursOf(id) };
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
  const layerProps = entry.row.layer === 'parcel' ? undefined : props;
  return { row: entry.row, attributes, parcel: null, sources: [], vertices, diagnostics: [], ...(layerProps ? { layerProps } : {}) };
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
