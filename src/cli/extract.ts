// `jiezhi extract` and `jiezhi verify`: gather input files, run the core, write outputs, print the table.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extract, type InputFile } from '../core/extract.js';
import { allDiagnostics, toRecordsJson, toReportJson, toReportMarkdown, toTextTable } from '../core/report.js';
import { toFeatureCollection } from '../core/toGeoJSON.js';
import type { ExtractResult } from '../core/types.js';
import type { ZoneOption } from './main.js';

interface Options {
  zone?: ZoneOption;
  strict?: boolean;
}

export async function runExtract(paths: string[], opts: Options & { out: string }): Promise<number> {
  const gathered = await gatherInputs(paths);
  const result = extract(gathered.inputs, opts.zone ? { zone: opts.zone } : {});
  await mkdir(opts.out, { recursive: true });
  await writeJson(path.join(opts.out, 'parcels.geojson'), toFeatureCollection(result.parcels));
  await writeJson(path.join(opts.out, 'records.json'), toRecordsJson(result));
  await writeJson(path.join(opts.out, 'report.json'), toReportJson(result));
  await writeFile(path.join(opts.out, 'report.md'), toReportMarkdown(result));
  printTable(result);
  printProblems(result, gathered.failures);
  const written = result.parcels.filter((p) => p.lonLatRing).length;
  process.stderr.write(`jiezhi: ${result.parcels.length} records, ${written} parcels with geometry written to ${opts.out}\n`);
  return exitCode(result, gathered.failures, opts.strict);
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

function printProblems(result: ExtractResult, failures: string[]): void {
  for (const f of failures) process.stderr.write(`jiezhi: ${f}\n`);
  for (const d of allDiagnostics(result)) {
    if (d.severity === 'info') continue;
    const where = d.source ? `${d.source.file}:${d.source.line}: ` : '';
    process.stderr.write(`${where}${d.severity} ${d.code}: ${d.message.zh} (${d.message.en})\n`);
  }
}

async function gatherInputs(paths: string[]): Promise<{ inputs: InputFile[]; failures: string[] }> {
  const inputs: InputFile[] = [];
  const failures: string[] = [];
  for (const p of paths) {
    try {
      const info = await stat(p);
      const files = info.isDirectory() ? await listTextFiles(p) : [p];
      if (info.isDirectory() && files.length === 0) failures.push(`${p}: the folder holds no .txt file`);
      for (const f of files) inputs.push({ file: displayName(f), bytes: await readFile(f) });
    } catch (err) {
      failures.push(`${p}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  return { inputs, failures };
}

async function listTextFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTextFiles(full)));
    else if (/\.txt$/i.test(entry.name)) out.push(full);
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
