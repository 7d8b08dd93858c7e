// Running the compiled CLI with its own environment and node flags, for the batch tests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, type RunResult } from '../helpers.js';

const BIN = path.join(repoRoot, 'bin/jiezhi.js');

export function cli(args: string[], opts: { env?: Record<string, string>; nodeFlags?: string[] } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), BIN, ...args], { cwd: repoRoot, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
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
