// `jiezhi extract` and `jiezhi verify`: gather input files, run the core, write outputs, print the table.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyLayers } from '../core/layers/applyLayers.js';
import { extract, type InputFile } from '../core/extract.js';
import { MAX_INPUT_BYTES, tooLarge } from '../core/text/inputLimits.js';
import { readLayers } from '../core/layers/readLayers.js';
import { allDiagnostics, toRecordsJson, toReportJson, toReportMarkdown, toTextTable } from '../core/report/report.js';
import { toFeatureCollection } from '../core/formats/geojson/toGeoJSON.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON } from '../core/formats/geojson/toLayerGeoJSON.js';
import type { ExtractResult } from '../core/model/types.js';
import type { ZoneOption } from './main.js';
import { prepareInput } from './readDocuments.js';

interface Options {
  zone?: ZoneOption;
  strict?: boolean;
}

export async function runExtract(paths: string[], opts: Options & { out: string; layers?: string; db?: string }): Promise<number> {
  const gathered = await gatherInputs(paths);
  const options = opts.zone ? { zone: opts.zone } : {};
  const layerFiles = opts.layers ? await gatherLayers(opts.layers) : { inputs: [], failures: [] };
  gathered.failures.push(...layerFiles.failures);
  const result = applyLayers(extract(gathered.inputs, options), readLayers(layerFiles.inputs, options));
  await mkdir(opts.out, { recursive: true });
  await writeJson(path.join(opts.out, 'parcels.geojson'), toFeatureCollection(result.parcels));
  // Mining zones of the inputs and of the layers, each with the retention test; blocks with their approvals.
  await writeJson(path.join(opts.out, 'mining.geojson'), toMiningLayerGeoJSON(result));
  await writeJson(path.join(opts.out, 'planning.geojson'), toPlanningGeoJSON(result));
  await writeJson(path.join(opts.out, 'records.json'), toRecordsJson(result));
  await writeJson(path.join(opts.out, 'report.json'), toReportJson(result));
  await writeFile(path.join(opts.out, 'report.md'), toReportMarkdown(result));
  printTable(result);
  printProblems(result, gathered.failures);
  const written = result.parcels.filter((p) => p.lonLatRing).length;
  process.stderr.write(`jiezhi: ${result.parcels.length} records, ${written} parcels with geometry written to ${opts.out}\n`);
  const loaded = opts.db ? await (await import('./db/load.js')).loadAndReport(toRecordsJson(result), opts.db) : 0;
  return Math.max(loaded, exitCode(result, gathered.failures, opts.strict));
}

export async function runVerify(paths: string[], opts: Options): Promise<number> {
  const gathered = await gatherInputs(paths);
  const result = extract(gathered.inputs, opts.zone ? { zone: opts.zone } : {});
  printTable(result);
  printProblems(result, gathered.failures);
  return exitCode(result, gathered.failures, opts.strict);
}

function exitCode(result: ExtractResult, failures: string[], strict: boolean | undefined): number {
  const unreadable = result.diagnostics.some((d) => d.code.startsWith('input-') && d.severity === 'error');
  if (failures.length > 0 || unreadable) return 2;
  if (strict && result.parcels.some((p) => p.verification.status === 'mismatch' || p.verification.status === 'invalid')) return 1;
  return 0;
}

function printTable(result: ExtractResult): void {
  process.stdout.write(`${toTextTable(result.parcels)}\n`);
}

export function printProblems(result: ExtractResult, failures: string[]): void {
  for (const f of failures) process.stderr.write(`jiezhi: ${f}\n`);
  for (const d of allDiagnostics(result)) {
    if (d.severity === 'info') continue;
    const where = d.source ? `${d.source.file}:${d.source.line}: ` : '';
    process.stderr.write(`${where}${d.severity} ${d.code}: ${d.message.zh} (${d.message.en})\n`);
  }
}

export async function gatherInputs(paths: string[]): Promise<{ inputs: InputFile[]; failures: string[] }> {
  const inputs: InputFile[] = [];
  const failures: string[] = [];
  for (const p of paths) {
    try {
      const info = await stat(p);
      const files = info.isDirectory() ? await listTextFiles(p) : [p];
      if (info.isDirectory() && files.length === 0) failures.push(`${p}: the folder holds no .txt, .geojson, .zip, .pdf or .docx file`);
      for (const f of files) {
        // Refused before reading, so that a huge file cannot exhaust memory.
        const size = (await stat(f)).size;
        if (size > MAX_INPUT_BYTES) {
          failures.push(`${displayName(f)}: ${tooLarge(displayName(f), size).message.en}`);
          continue;
        }
        const prepared = await prepareInput(displayName(f), await readFile(f));
        if ('failure' in prepared) failures.push(prepared.failure);
        else inputs.push(prepared);
      }
    } catch (err) {
      failures.push(`${p}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  return { inputs, failures };
}

// A layers folder that is missing or holds only its README is no layers, not an error: `npm start` names
// data/layers/ whether or not the planner has put anything there.
async function gatherLayers(dir: string): Promise<{ inputs: InputFile[]; failures: string[] }> {
  let files: string[];
  try {
    files = (await stat(dir)).isDirectory() ? await listTextFiles(dir) : [dir];
  } catch {
    return { inputs: [], failures: [] };
  }
  return files.length > 0 ? gatherInputs(files) : { inputs: [], failures: [] };
}

async function listTextFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTextFiles(full)));
    // Gazettes, 国土/mining coordinate TXT, GeoJSON and zipped Shapefiles; extract tells them apart by content.
    else if (/\.(txt|geojson|zip|pdf|docx)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

// Sources name files as the user sees them: relative to the working folder when inside it.
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 1)}\n`);
}
