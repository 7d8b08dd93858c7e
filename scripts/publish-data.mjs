#!/usr/bin/env node
// Prepares public/data for the page after `jiezhi extract`: the gazette texts the records cite (sources/…), and the
// page's index, record chunks, vector tiles (with many parcels) and manifest, as src/core/publish writes them.
//   node scripts/publish-data.mjs [dataDir=public/data] [--tiles auto|always|never]
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LAYER_FILES, PAGE_DIR, TILE_THRESHOLD, pageManifest } from '../dist/core/publish/pageFormat.js';
import { writeIndex } from '../dist/core/publish/writeIndex.js';
import { writeTiles } from '../dist/core/publish/writeTiles.js';

const args = process.argv.slice(2);
const tilesOption = args.includes('--tiles') ? args[args.indexOf('--tiles') + 1] : (process.env.JIEZHI_TILES ?? 'auto');
const dataDir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tiles') ?? 'public/data');
const t0 = performance.now();
const isFile = (file) => stat(file).then((s) => s.isFile(), () => false);
const readJson = async (file) => JSON.parse(await readFile(path.join(dataDir, file), 'utf8'));
const write = async (file, data) => {
  await mkdir(path.dirname(path.join(dataDir, file)), { recursive: true });
  await writeFile(path.join(dataDir, file), data);
};

if (!(await isFile(path.join(dataDir, 'records.json')))) {
  console.error(`publish-data: ${path.join(dataDir, 'records.json')} is missing; run \`npm run extract\` first`);
  process.exit(2);
}
const records = await readJson('records.json');

// Only relative paths inside the working folder are copied: a source named by an absolute path stays private.
const sources = {};
for (const input of records.inputs ?? []) {
  const rel = path.normalize(String(input.file));
  if (path.isAbsolute(rel) || rel.startsWith('..') || !(await isFile(rel))) continue;
  const target = `sources/${rel.split(path.sep).join('/')}`;
  await mkdir(path.dirname(path.join(dataDir, target)), { recursive: true });
  await copyFile(rel, path.join(dataDir, target));
  sources[String(input.file)] = target;
}

const layers = {};
for (const [layer, name] of Object.entries(LAYER_FILES)) layers[layer] = (await isFile(path.join(dataDir, name))) ? name : null;
// An unreadable layer file is the page's to report; here it only does not count in the first view.
const layerValues = await Promise.all(['mining', 'planning'].filter((l) => layers[l]).map((l) => readJson(layers[l]).catch(() => null)));

await rm(path.join(dataDir, PAGE_DIR), { recursive: true, force: true });
const { index, chunks, bounds } = writeIndex(records, layerValues);
for (const chunk of chunks) await write(chunk.file, chunk.text);
const indexText = JSON.stringify(index);
await write(`${PAGE_DIR}/index.json`, indexText);

let tiles = null;
let tileStats = '';
if (layers.parcel && tilesOption !== 'never') {
  const parcels = await readJson(layers.parcel);
  if (tilesOption === 'always' || (parcels.features?.length ?? 0) > TILE_THRESHOLD) {
    const made = writeTiles(parcels, index, bounds);
    for (const t of made.tiles) await write(`${PAGE_DIR}/tiles/${t.name}.pbf`, t.pbf);
    tiles = made.set;
    const bytes = made.tiles.reduce((n, t) => n + t.pbf.length, 0);
    tileStats = `, ${made.tiles.length} tiles (${(bytes / 1e6).toFixed(1)} MB, z${tiles.minzoom}–${tiles.maxzoom})`;
  }
}

await write('manifest.json', `${JSON.stringify(pageManifest({ count: index.count, bounds, tiles, layers, sources }), null, 1)}\n`);
const present = Object.entries(layers).filter(([, f]) => f).map(([l]) => l);
console.error(
  `publish-data: ${index.count} records (${(Buffer.byteLength(indexText) / 1e6).toFixed(1)} MB index, ${chunks.length} record chunks${tileStats}), ` +
    `${Object.keys(sources).length} source texts, layers ${present.join(', ') || 'none'} → ${path.join(dataDir, 'manifest.json')} ` +
    `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
