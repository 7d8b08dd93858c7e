// `jiezhi extract` and `jiezhi verify`: gather input files, run the core, write outputs, print the table.
import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyLayers } from '../core/layers/applyLayers.js';
import { diagnose } from '../core/diagnostics/catalogue.js';
import type { InputFile } from '../core/extract.js';
import type { ResourceLimits } from '../core/model/limits.js';
import { readLayers } from '../core/layers/readLayers.js';
import { allDiagnostics, toRecordsJson, toReportJson, toReportMarkdown, toTextTable } from '../core/report/report.js';
import { toFeatureCollection } from '../core/formats/geojson/toGeoJSON.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON } from '../core/formats/geojson/toLayerGeoJSON.js';
import type { Diagnostic, ExtractResult } from '../core/model/types.js';
import type { ZoneOption } from './zoneOption.js';
import { extractFiles, type InputEntry } from './batch/extractFiles.js';
import { writeNdjson, ndjsonLines, NDJSON_FILE } from './batch/ndjson.js';
import { ensureFolder, lockFolder, MANIFEST, OutputError, previousOutputs, realPath, refuseInputs, writeWhole, type WrittenFile } from './outputs.js';
import { prepareInput } from './readDocuments.js';
import { readInput, STDIN } from './readInput.js';

interface Options {
  zone?: ZoneOption;
  strict?: boolean;
  limits: ResourceLimits;
  /** Worker threads extracting files at once; 1 reads them in this thread. */
  jobs: number;
}

/** `--out -`: the records go to stdout as NDJSON and no folder is written. */
export const STDOUT = '-';

export async function runExtract(paths: string[], opts: Options & { out: string; layers?: string; ndjson?: boolean; db?: string }): Promise<number> {
  let release: (() => Promise<void>) | undefined;
  const toStdout = opts.out === STDOUT;
  try {
    let skip: Skip = { files: new Set() };
    if (!toStdout) {
      await ensureFolder(opts.out);
      release = await lockFolder(opts.out);
      // What an earlier run wrote here is not input: `extract d --out d` twice must not read its own parcels.
      skip = { folder: await realPath(opts.out), files: new Set(await previousOutputs(opts.out)) };
    }
    const time = new Date().toISOString();
    const extractOptions = { ...(opts.zone ? { zone: opts.zone } : {}), limits: opts.limits };
    const extracted = await extractFiles(await listEntries(paths, skip), { limits: opts.limits, options: extractOptions, jobs: opts.jobs });
    const layerFiles = opts.layers ? await gatherLayers(opts.layers, opts.limits, skip) : emptyGathered();
    const core = applyLayers(extracted.core, readLayers(layerFiles.inputs, extractOptions));
    const result: ExtractResult = { ...core, diagnostics: [...extracted.failures, ...layerFiles.failures, ...core.diagnostics] };
    if (toStdout) {
      await writeNdjson(process.stdout, result.parcels);
      printProblems(result);
      process.stderr.write(`jiezhi: ${result.parcels.length} records written to stdout\n`);
      return Math.max(await loadInto(opts.db, result), exitCode(result, opts.strict));
    }

    const outputs: [string, string | Iterable<string>][] = [
      ['parcels.geojson', json(toFeatureCollection(result.parcels))],
      // Mining zones of the inputs and of the layers, each with the retention test; blocks with their approvals.
      ['mining.geojson', json(toMiningLayerGeoJSON(result))],
      ['planning.geojson', json(toPlanningGeoJSON(result))],
      ['records.json', json(toRecordsJson(result))],
      ['report.md', toReportMarkdown(result)],
    ];
    if (opts.ndjson) outputs.push([NDJSON_FILE, ndjsonLines(result.parcels)]);
    await refuseInputs([...outputs.map(([name]) => path.join(opts.out, name)), path.join(opts.out, MANIFEST)], new Map([...extracted.identities, ...layerFiles.identities]));
    const files: WrittenFile[] = [];
    for (const [name, text] of outputs) files.push({ ...(await writeWhole(path.join(opts.out, name), text)), file: name });
    const run = { id: randomUUID(), time, inputs: [...extracted.read, ...layerFiles.read] };
    await writeWhole(path.join(opts.out, MANIFEST), json({ ...toReportJson(result), run, files }));

    printTable(result);
    printProblems(result);
    const drawn = result.parcels.filter((p) => p.lonLatRing).length;
    process.stderr.write(`jiezhi: ${result.parcels.length} records, ${drawn} parcels with geometry written to ${opts.out}\n`);
    return Math.max(await loadInto(opts.db, result), exitCode(result, opts.strict));
  } catch (err) {
    if (err instanceof OutputError) {
      printDiagnostic(err.diagnostic);
      return 2;
    }
    throw err;
  } finally {
    await release?.();
  }
}

async function loadInto(db: string | undefined, result: ExtractResult): Promise<number> {
  return db ? (await import('./db/load.js')).loadAndReport(toRecordsJson(result), db) : 0;
}

export async function runVerify(paths: string[], opts: Options): Promise<number> {
  const options = { ...(opts.zone ? { zone: opts.zone } : {}), limits: opts.limits };
  const { core, failures } = await extractFiles(await listEntries(paths), { limits: opts.limits, options, jobs: opts.jobs });
  const result: ExtractResult = { ...core, diagnostics: [...failures, ...core.diagnostics] };
  printTable(result);
  printProblems(result);
  return exitCode(result, opts.strict);
}

/** An input that cannot be read, whole or in part, is exit 2 whatever else happened; --strict only adds 1. */
export function unreadable(d: Diagnostic): boolean {
  // A file refused, or a part of it that could not be read (a corrupt record, a coordinate that is no number).
  return d.severity === 'error' && (d.code.startsWith('input-') || d.code.startsWith('import-') || d.code === 'limit-exceeded');
}

function exitCode(result: ExtractResult, strict: boolean | undefined): number {
  if (allDiagnostics(result).some(unreadable)) return 2;
  if (strict && result.parcels.some((p) => p.verification.status === 'mismatch' || p.verification.status === 'invalid')) return 1;
  return 0;
}

function printTable(result: ExtractResult): void {
  process.stdout.write(`${toTextTable(result.parcels)}\n`);
}

export function printDiagnostic(d: Diagnostic): void {
  const where = d.source ? `${d.source.file}:${d.source.line}: ` : 'jiezhi: ';
  process.stderr.write(`${where}${d.severity} ${d.code}: ${d.message.zh} (${d.message.en})\n`);
}

export function printProblems(result: ExtractResult): void {
  for (const d of allDiagnostics(result)) if (d.severity !== 'info') printDiagnostic(d);
}

/** Outputs of this run's folder, skipped when walking folders for inputs (named explicitly, they are refused later). */
export interface Skip {
  folder?: string;
  files: Set<string>;
}

export interface Gathered {
  inputs: InputFile[];
  failures: Diagnostic[];
  /** Every input read, as the manifest names it. */
  read: { file: string; bytes: number; sha256: string }[];
  /** dev:ino → name of every input file, to refuse an output that would replace one. */
  identities: Map<string, string>;
}

function emptyGathered(): Gathered {
  return { inputs: [], failures: [], read: [], identities: new Map() };
}

/** The files `paths` name, folders walked, in order; an empty folder is a diagnostic in its place. */
export async function listEntries(paths: string[], skip: Skip = { files: new Set() }): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for (const p of paths) {
    const files = p === STDIN ? [p] : await listInputs(p, skip);
    // Not a folder: readInput says what it is (a file, a pipe, a device, nothing).
    if (files === null) entries.push(entry(p));
    else if (files.length === 0) entries.push({ diagnostic: diagnose('input-folder-empty', { file: displayName(p), line: 0 }) });
    else entries.push(...files.map(entry));
  }
  return entries;
}

function entry(file: string): InputEntry {
  return { path: file, name: file === STDIN ? 'stdin' : displayName(file) };
}

/** The inputs read whole into memory, for the commands whose core takes them all at once. */
export async function gatherInputs(paths: string[], limits: ResourceLimits, skip: Skip = { files: new Set() }): Promise<Gathered> {
  const gathered = emptyGathered();
  for (const e of await listEntries(paths, skip)) {
    if ('diagnostic' in e) gathered.failures.push(e.diagnostic);
    else await readOne(e.path, e.name, gathered, limits);
  }
  return gathered;
}

async function readOne(file: string, name: string, gathered: Gathered, limits: ResourceLimits): Promise<void> {
  const read = await readInput(file, name, limits.inputBytes);
  if ('diagnostic' in read) {
    gathered.failures.push(read.diagnostic);
    return;
  }
  if (read.identity) gathered.identities.set(read.identity, name);
  gathered.read.push({ file: name, bytes: read.bytes.length, sha256: read.sha256 });
  const prepared = await prepareInput(name, read.bytes, limits);
  if ('diagnostic' in prepared) gathered.failures.push(prepared.diagnostic);
  else gathered.inputs.push(prepared);
}

// A layers folder that is missing or holds only its README is no layers, not an error: `npm start` names
// data/layers/ whether or not the planner has put anything there.
async function gatherLayers(dir: string, limits: ResourceLimits, skip: Skip): Promise<Gathered> {
  const exists = await stat(dir).then(() => true, () => false);
  const files = exists ? await listInputs(dir, skip) : [];
  if (files === null) return gatherInputs([dir], limits, skip);
  return files.length > 0 ? gatherInputs(files, limits, skip) : emptyGathered();
}

/** The input files of a folder, recursively, or null when `p` is not a folder. */
async function listInputs(p: string, skip: Skip): Promise<string[] | null> {
  let entries;
  try {
    entries = await readdir(p, { withFileTypes: true });
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(p, entry.name);
    if (entry.isDirectory()) {
      if (skip.folder !== undefined && (await realPath(full)) === skip.folder) continue;
      out.push(...((await listInputs(full, skip)) ?? []));
    } else if (/\.(txt|geojson|zip|pdf|docx)$/i.test(entry.name)) {
      // Gazettes, 国土/mining coordinate TXT, GeoJSON and zipped Shapefiles; extract tells them apart by content.
      if (!skip.files.has(await realPath(full))) out.push(full);
    }
  }
  return out;
}

// Sources name files as the user sees them: relative to the working folder when inside it.
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
