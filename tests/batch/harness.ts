// Running the compiled CLI with its own environment and node flags, for the batch tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, run, type RunResult } from '../helpers.js';

const BIN = path.join(repoRoot, 'bin/jiezhi.js');

export function cli(args: string[], opts: { env?: Record<string, string>; nodeFlags?: string[] } = {}): Promise<RunResult> {
  return run(process.execPath, [...(opts.nodeFlags ?? []), BIN, ...args], opts.env ? { env: opts.env } : {});
}

/** The files of an extract --out folder that two runs over the same inputs must write byte for byte alike. */
export const OUTPUTS = ['parcels.geojson', 'mining.geojson', 'planning.geojson', 'records.json', 'report.md'];

/** report.json without what names the run itself (its id and time). */
export function manifestWithoutRun(dir: string): unknown {
  const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
  delete report.run.id;
  delete report.run.time;
  return report;
}
