#!/usr/bin/env node
// Prepares public/data for the page after `jiezhi extract`. records.json and parcels.geojson stay the CLI's complete
// output (the downloads); the page reads files derived from them here, so that it starts in about the same time with
// 11 parcels or 100 000:
//   sources/…             the gazette texts the records cite (the details panel shows a record's original lines)
//   page/index.json       the table: one column per table field (strings shared through a table of strings), each
//                         record's label point and bbox, and the chunk holding its full record; plus everything of
//                         records.json except the records (diagnostics, topology, planning blocks, mines…). Areas
//                         to 4 decimals of a m² as in parcels.geojson, positions to 1e-7°: it is for the table and
//                         the camera; details and downloads come from the full records.
//   page/records/N.json   the full records (points, checks, diagnostics, sources), in chunks of about 1 MB of
//                         neighbouring parcels, fetched when a record is selected, its vertices shown or exported
//   page/tiles/z/x/y.pbf  with many parcels: Mapbox vector tiles of the parcel polygons (layer `parcels`) and of one
//                         label point per parcel (layer `labels`), so that MapLibre loads only the tiles in view
//                         instead of cutting a 100 MB GeoJSON into tiles at start-up
//   manifest.json         names all of the above and the layer files that exist, so the page never asks for a file
//                         that does not exist (a 404 is a console error), and the bounds of the data (first view)
//   node scripts/publish-data.mjs [dataDir=public/data] [--tiles auto|always|never]
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { labelPoint, ringsBbox } from '../dist/core/geometry/labelPoint.js';
import { formatSpan } from '../dist/core/formats/geojson/toGeoJSON.js';

const args = process.argv.slice(2);
const tilesOption = args.includes('--tiles') ? args[args.indexOf('--tiles') + 1] : (process.env.JIEZHI_TILES ?? 'auto');
const dataDir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tiles') ?? 'public/data');
const LAYER_FILES = { parcel: 'parcels.geojson', mining: 'mining.geojson', planning: 'planning.geojson' };
const PAGE_DIR = 'page';

/** Above this many parcel features the map reads vector tiles; below it MapLibre tiles the GeoJSON itself in well under a second. */
const TILE_THRESHOLD = 3000;
/**
 * Tiles are cut down to this zoom and MapLibre over-zooms them beyond. MapLibre draws a tile on a grid of 8192 units, so
 * at zoom 14 (≈ 1.9 km per tile at 37.6°N) a drawn vertex is within 12 cm of its place: half a pixel at zoom 18, where
 * a selected parcel is shown, a pixel at 19. The vertex markers, the details and every download use the full records.
 * (Zoom 15 would halve that and quadruple the number of tile files.)
 */
const TILE_MAXZOOM = 14;
const TILE_EXTENT = 8192;
/** As the map's LABEL_ALL_ZOOMS_MAX: with more parcels than this, names are drawn from zoom 14 on, status dots below. */
const LABEL_ALL_ZOOMS_MAX = 3000;
const LABEL_MINZOOM = 14;
/**
 * Below zoom 14 a parcel's status dot (radius 3–5 px) covers a polygon of a few pixels: a tile carries only the polygons
 * at least this many pixels across at its zoom (512-pixel tiles), the dots stand for the others.
 */
const MIN_POLYGON_PX = 4;
/** Chunks of full records: about this many bytes of JSON each, neighbouring parcels together. */
const CHUNK_BYTES = 1 << 20;
const CHUNK_MAX_RECORDS = 2000;
/** Display positions (bbox, label point) to 1e-7° (≈ 1 cm); the records and downloads keep full precision. */
const DISPLAY_DECIMALS = 7;

const t0 = performance.now();

async function exists(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

const recordsFile = path.join(dataDir, 'records.json');
if (!(await exists(recordsFile))) {
  console.error(`publish-data: ${recordsFile} is missing; run \`npm run extract\` first`);
  process.exit(2);
}
let records = JSON.parse(await readFile(recordsFile, 'utf8'));

// Only relative paths inside the working folder are copied: a source named by an absolute path stays private.
const sources = {};
for (const input of records.inputs ?? []) {
  const file = String(input.file);
  const rel = path.normalize(file);
  if (path.isAbsolute(rel) || rel.startsWith('..')) continue;
  if (!(await exists(rel))) continue;
  const target = `sources/${rel.split(path.sep).join('/')}`;
  await mkdir(path.dirname(path.join(dataDir, target)), { recursive: true });
  await copyFile(rel, path.join(dataDir, target));
  sources[file] = target;
}

const layers = {};
for (const [layer, name] of Object.entries(LAYER_FILES)) layers[layer] = (await exists(path.join(dataDir, name))) ? name : null;

const pageDir = path.join(dataDir, PAGE_DIR);
await rm(pageDir, { recursive: true, force: true });
await mkdir(path.join(pageDir, 'records'), { recursive: true });

// ---------------------------------------------------------------- the table index and the record chunks

const list = Array.isArray(records.records) ? records.records : [];
const n = list.length;
const strings = [];
const stringIndex = new Map();
/** Index into `strings`; -1 for null, undefined or ''. */
function str(value) {
  if (value === null || value === undefined || value === '') return -1;
  const s = String(value);
  let i = stringIndex.get(s);
  if (i === undefined) {
    i = strings.length;
    strings.push(s);
    stringIndex.set(s, i);
  }
  return i;
}
const UNIT = 10 ** DISPLAY_DECIMALS;
const near = (v) => Math.round(v * UNIT) / UNIT;
const m2 = (v) => (v === null || v === undefined ? null : Math.round(v * 1e4) / 1e4);

const columns = {
  id: new Array(n),
  doc: new Array(n),
  docBase: new Array(n),
  holder: new Array(n),
  location: new Array(n),
  title: new Array(n),
  reports: new Array(n),
  statedM2: new Array(n),
  statedText: new Array(n),
  computedM2: new Array(n),
  deltaM2: new Array(n),
  status: new Array(n),
  /** The span as formatSpan writes it: strings[sourceFile] followed by `source` (":12-30"). */
  sourceFile: new Array(n),
  source: new Array(n),
  epsg: new Array(n),
  label: new Array(2 * n),
  /** West, south, east, north as distances from the label point in units of 1e-7°, rounded outwards. */
  bbox: new Array(4 * n),
  chunk: new Array(n),
};
let bounds = null;
const extend = (b) => {
  bounds = bounds ? [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])] : [...b];
};
let drawn = 0;
for (let i = 0; i < n; i++) {
  const p = list[i];
  const v = p.verification ?? {};
  columns.id[i] = String(p.id);
  columns.doc[i] = p.parcelIndex ? `${p.doc}（${p.parcelIndex}）` : p.doc;
  columns.docBase[i] = str(p.parcelIndex ? p.doc : null);
  columns.holder[i] = str(p.holder);
  columns.location[i] = str(p.location);
  columns.title[i] = str(p.title);
  columns.reports[i] = str((p.reportNumbers ?? []).filter(Boolean).join(' '));
  columns.statedM2[i] = m2(p.statedArea?.m2);
  columns.statedText[i] = str(p.statedArea?.text);
  columns.computedM2[i] = m2(v.computedM2);
  columns.deltaM2[i] = m2(v.deltaM2);
  columns.status[i] = str(v.status);
  const span = formatSpan(p.span);
  const file = String(p.span?.file ?? '');
  columns.sourceFile[i] = file && span.startsWith(file) ? str(file) : -1;
  columns.source[i] = columns.sourceFile[i] >= 0 ? span.slice(file.length) : span;
  columns.epsg[i] = p.zone?.epsg ?? null;
  const at = p.lonLatRing ? labelPoint([p.lonLatRing]) : null;
  if (p.lonLatRing && at) {
    drawn++;
    const [w, s, e, nn] = ringsBbox([p.lonLatRing]);
    const [lon, lat] = [near(at[0]), near(at[1])];
    columns.label[2 * i] = lon;
    columns.label[2 * i + 1] = lat;
    const off = [Math.ceil((lon - w) * UNIT), Math.ceil((lat - s) * UNIT), Math.ceil((e - lon) * UNIT), Math.ceil((nn - lat) * UNIT)].map((d) => Math.max(0, d));
    for (let k = 0; k < 4; k++) columns.bbox[4 * i + k] = off[k];
    // The bbox as the page decodes it (published.ts), so that the first view is the page's zoom-to-all.
    extend([lon - off[0] / UNIT, lat - off[1] / UNIT, lon + off[2] / UNIT, lat + off[3] / UNIT]);
  } else {
    columns.bbox.fill(null, 4 * i, 4 * i + 4);
    columns.label[2 * i] = null;
    columns.label[2 * i + 1] = null;
  }
}

// Chunks of neighbouring parcels (Hilbert order of their label points; records without geometry last, in their
// order), so that the vertices of a view or a parcel and its neighbours come from one or two chunks.
const order = [...Array(n).keys()];
const lon = (i) => columns.label[2 * i];
const lat = (i) => columns.label[2 * i + 1];
const key = new Float64Array(n);
if (bounds) {
  const [w, s, e, nn] = bounds;
  const scale = 65535 / Math.max(e - w, nn - s, 1e-9);
  for (let i = 0; i < n; i++) {
    key[i] = lon(i) === null ? Infinity : hilbert(Math.round((lon(i) - w) * scale), Math.round((lat(i) - s) * scale));
  }
}
order.sort((a, b) => key[a] - key[b] || a - b);
const chunkFiles = [];
{
  let parts = [];
  let bytes = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const file = `${PAGE_DIR}/records/${chunkFiles.length}.json`;
    await writeFile(path.join(dataDir, file), `[${parts.join(',')}]`);
    chunkFiles.push(file);
    parts = [];
    bytes = 0;
  };
  for (const i of order) {
    const json = JSON.stringify(list[i]);
    if (parts.length > 0 && (bytes + json.length > CHUNK_BYTES || parts.length >= CHUNK_MAX_RECORDS)) await flush();
    columns.chunk[i] = chunkFiles.length;
    parts.push(json);
    bytes += json.length + 1;
  }
  await flush();
}

// Mining zones and planning blocks count in the first view too.
for (const layer of ['mining', 'planning']) {
  if (!layers[layer]) continue;
  try {
    const fc = JSON.parse(await readFile(path.join(dataDir, layers[layer]), 'utf8'));
    for (const f of fc.features ?? []) {
      const g = f?.geometry;
      const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
      const rings = polys.map((poly) => poly?.[0]).filter((r) => Array.isArray(r) && r.length >= 3);
      if (rings.length) extend(ringsBbox(rings));
    }
  } catch {
    // The page reports an unreadable layer file itself.
  }
}

const { records: _records, ...meta } = records;
const index = { format: 'jiezhi-page-index/1', count: n, drawn, chunks: chunkFiles, strings, columns, meta };
const indexFile = `${PAGE_DIR}/index.json`;
await writeFile(path.join(dataDir, indexFile), JSON.stringify(index));
const indexBytes = (await stat(path.join(dataDir, indexFile))).size;
records = null;

// ---------------------------------------------------------------- vector tiles of many parcels

let tiles = null;
let tileStats = '';
if (layers.parcel && tilesOption !== 'never') {
  const fc = JSON.parse(await readFile(path.join(dataDir, layers.parcel), 'utf8'));
  const features = Array.isArray(fc.features) ? fc.features : [];
  if (tilesOption === 'always' || features.length > TILE_THRESHOLD) {
    tiles = await writeTiles(features, columns, strings);
    tileStats = `, ${tiles.files} tiles (${(tiles.bytes / 1e6).toFixed(1)} MB, z${tiles.minzoom}–${tiles.maxzoom})`;
    delete tiles.files;
    delete tiles.bytes;
  }
}

const manifest = {
  format: 'jiezhi-manifest/2',
  records: 'records.json',
  index: indexFile,
  count: n,
  bounds,
  tiles,
  layers,
  sources,
};
await writeFile(path.join(dataDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
const present = Object.entries(layers).filter(([, f]) => f).map(([l]) => l);
console.error(
  `publish-data: ${n} records (${(indexBytes / 1e6).toFixed(1)} MB index, ${chunkFiles.length} record chunks${tileStats}), ` +
    `${Object.keys(sources).length} source texts, layers ${present.join(', ') || 'none'} → ${path.join(dataDir, 'manifest.json')} ` +
    `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

/**
 * Two tile layers, each from its own geojson-vt cut: `parcels`, the polygons of parcels.geojson, and `labels`, one point
 * per parcel (from the index). A feature's id is its record's position in the index, which the page maps back to the
 * record; its properties are only what the map styles by: `status` and `layer`, and on label points from the zoom where
 * names are drawn, `label`. The map filters by document and free text by feature id, from the table's filtered rows.
 */
async function writeTiles(features, cols, strs) {
  const at = new Map(cols.id.map((id, i) => [id, i]));
  const status = (i) => (cols.status[i] >= 0 ? strs[cols.status[i]] : 'unstated');
  const polygons = [];
  for (const f of features) {
    const i = at.get(String(f?.properties?.id ?? f?.id));
    if (i === undefined || !f.geometry) continue;
    polygons.push({ type: 'Feature', id: i, properties: { status: status(i), layer: 'parcel', minzoom: polygonMinzoom(boxOf(cols, i)) }, geometry: f.geometry });
  }
  const labelMinzoom = polygons.length > LABEL_ALL_ZOOMS_MAX ? LABEL_MINZOOM : 0;
  const points = [];
  for (let i = 0; i < cols.id.length; i++) {
    if (cols.label[2 * i] === null) continue;
    points.push({ type: 'Feature', id: i, properties: { status: status(i), layer: 'parcel', label: cols.doc[i] }, geometry: { type: 'Point', coordinates: [cols.label[2 * i], cols.label[2 * i + 1]] } });
  }
  const options = { maxZoom: TILE_MAXZOOM, indexMaxZoom: TILE_MAXZOOM, indexMaxPoints: 0, extent: TILE_EXTENT, buffer: (64 * TILE_EXTENT) / 4096, tolerance: 3 };
  const cuts = { parcels: new GeoJSONVT({ type: 'FeatureCollection', features: polygons }, options), labels: new GeoJSONVT({ type: 'FeatureCollection', features: points }, options) };
  const coords = new Map();
  // Every tile the cuts made (indexMaxZoom = maxZoom, indexMaxPoints 0: all of them, down to the last zoom).
  for (const cut of Object.values(cuts)) for (const c of cut.tileIndex?.tileCoords ?? cut.tileCoords) coords.set(`${c.z}/${c.x}/${c.y}`, c);
  const keep = {
    parcels: (f, z) => (f.tags.minzoom <= z ? { ...f, tags: { status: f.tags.status, layer: f.tags.layer } } : null),
    labels: (f, z) => (z >= labelMinzoom ? f : { ...f, tags: { status: f.tags.status, layer: f.tags.layer } }),
  };
  let files = 0;
  let bytes = 0;
  const dirs = new Set();
  for (const [name, { z, x, y }] of coords) {
    const layersOfTile = {};
    for (const [layer, cut] of Object.entries(cuts)) {
      const tile = cut.getTile(z, x, y);
      const kept = (tile?.features ?? []).map((f) => keep[layer](f, z)).filter(Boolean);
      if (kept.length) layersOfTile[layer] = { features: kept };
    }
    if (Object.keys(layersOfTile).length === 0) continue;
    const pbf = fromGeojsonVt(layersOfTile, { version: 2, extent: TILE_EXTENT });
    const dir = path.join(pageDir, 'tiles', String(z), String(x));
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(path.join(pageDir, 'tiles', `${name}.pbf`), pbf);
    files++;
    bytes += pbf.length;
  }
  return { url: `${PAGE_DIR}/tiles/{z}/{x}/{y}.pbf`, minzoom: 0, maxzoom: TILE_MAXZOOM, bounds, features: polygons.length, labelMinzoom, files, bytes };
}

/** Record i's bbox [w, s, e, n] in degrees, decoded as the page decodes it. */
function boxOf(cols, i) {
  const [lon, lat] = [cols.label[2 * i], cols.label[2 * i + 1]];
  const [dw, ds, de, dn] = cols.bbox.slice(4 * i, 4 * i + 4);
  return [lon - dw / UNIT, lat - ds / UNIT, lon + de / UNIT, lat + dn / UNIT];
}

/** The first zoom at which a box [w, s, e, n] (degrees) is MIN_POLYGON_PX pixels across on 512-pixel tiles. */
function polygonMinzoom([w, s, e, n]) {
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const size = Math.max((e - w) / 360, Math.abs(y(n) - y(s)));
  if (!(size > 0)) return TILE_MAXZOOM;
  return Math.max(0, Math.min(TILE_MAXZOOM, Math.ceil(Math.log2(MIN_POLYGON_PX / (512 * size)))));
}

/** Position of (x, y) on a Hilbert curve over a 65536 × 65536 grid. */
function hilbert(x, y) {
  const size = 1 << 16;
  let d = 0;
  for (let s = size >> 1; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = size - 1 - x;
        y = size - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}
