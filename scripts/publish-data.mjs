#!/usr/bin/env node
// Prepares public/data for the page after `jiezhi extract`: copies the gazette texts the records cite into
// data/sources/ (the details panel shows a record's original lines from them) and writes manifest.json,
// which names the layer files that exist so the page never asks for one that does not (a 404 is a console error).
//   node scripts/publish-data.mjs [dataDir=public/data]
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dataDir = path.resolve(process.argv[2] ?? 'public/data');
const LAYER_FILES = { parcel: 'parcels.geojson', mining: 'mining.geojson', planning: 'planning.geojson' };

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
const records = JSON.parse(await readFile(recordsFile, 'utf8'));

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

const manifest = { format: 'jiezhi-manifest/1', records: 'records.json', layers, sources };
await writeFile(path.join(dataDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
const present = Object.entries(layers).filter(([, f]) => f).map(([l]) => l);
console.error(`publish-data: ${Object.keys(sources).length} source texts, layers ${present.join(', ') || 'none'} → ${path.join(dataDir, 'manifest.json')}`);
