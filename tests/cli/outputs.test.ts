// Outputs are written whole and finished by the manifest, an output folder is locked for a run, an output never
// replaces an input, a run never reads its own outputs, and a bad --out is one line and exit 2.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, gazetteDir, jiezhi } from '../helpers.js';
import { STACK } from './harness.js';

const F002 = path.join(gazetteDir, '002_974677008c505204.txt');
let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'jiezhi-outputs-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folderWithGazette(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  copyFileSync(F002, path.join(dir, 'gazette.txt'));
  return dir;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the manifest', () => {
  it('report.json keeps its fields and names the run, its inputs and every other file with size and sha256', async () => {
    const dir = folderWithGazette('manifest');
    const out = path.join(tmp, 'manifest-out');
    const r = await jiezhi(['extract', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['summary', 'parcels', 'diagnostics', 'run', 'files']);
    expect(report.run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(report.run.time))).toBe(false);
    expect(report.run.inputs).toEqual([{ file: path.join(dir, 'gazette.txt'), bytes: readFileSync(F002).length, sha256: sha256(F002) }]);
    const names = report.files.map((f: { file: string }) => f.file).sort();
    expect(names).toEqual(['mining.geojson', 'parcels.geojson', 'planning.geojson', 'records.json', 'report.md']);
    for (const f of report.files) {
      expect(f.bytes).toBe(readFileSync(path.join(out, f.file)).length);
      expect(f.sha256).toBe(sha256(path.join(out, f.file)));
    }
    // Nothing is left behind: no temporary file, no lock.
    expect(readdirSync(out).sort()).toEqual([...names, 'report.json'].sort());
  });
});

describe('the lock', () => {
  it('refuses a folder locked by a live process and takes over the lock of a dead one', async () => {
    const out = path.join(tmp, 'locked');
    mkdirSync(out);
    writeFileSync(path.join(out, '.jiezhi.lock'), `${process.pid}\n`);
    const held = await jiezhi(['extract', F002, '--out', out]);
    expect(held.code).toBe(2);
    expect(held.stderr.trim()).toMatch(new RegExp(`^jiezhi: error output-locked: .*\\(process ${process.pid}\\)\\)$`));
    expect(existsSync(path.join(out, 'report.json'))).toBe(false);
    writeFileSync(path.join(out, '.jiezhi.lock'), '2147483646\n'); // above pid_max: no such process
    const stale = await jiezhi(['extract', F002, '--out', out]);
    expect(stale.code, stale.stderr).toBe(0);
    expect(existsSync(path.join(out, 'report.json'))).toBe(true);
    expect(existsSync(path.join(out, '.jiezhi.lock'))).toBe(false);
  });

  it('lets only one of two simultaneous runs write a folder', async () => {
    const out = path.join(tmp, 'race');
    const runs = await Promise.all([1, 2, 3].map(() => jiezhi(['extract', F002, '--out', out])));
    const codes = runs.map((r) => r.code).sort();
    expect(codes[0]).toBe(0);
    for (const r of runs) if (r.code !== 0) expect(r.stderr).toMatch(/output-locked/);
    // Whatever the interleaving, the manifest describes the files that are there.
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.files).toHaveLength(5);
    for (const f of report.files) expect(f.sha256).toBe(sha256(path.join(out, f.file)));
  });
});

describe('outputs and inputs', () => {
  it('convert x.txt --to txt --out x.txt refuses and leaves the input as it was', async () => {
    const dir = folderWithGazette('same');
    const input = path.join(dir, 'gazette.txt');
    const before = sha256(input);
    const r = await jiezhi(['convert', input, '--to', 'txt', '--out', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error output-overwrites-input: .*is the input/);
    // The same file by another path is still the same file.
    const other = await jiezhi(['convert', 'gazette.txt', '--to', 'txt', '--out', `${dir}/./gazette.txt`], dir);
    expect(other.code).toBe(2);
    expect(sha256(input)).toBe(before);
  });

  it('extract d --out d three times: 10 records each time, its own outputs never read back', async () => {
    const dir = folderWithGazette('rerun');
    const counts = [];
    for (let i = 0; i < 3; i++) {
      const r = await jiezhi(['extract', dir, '--out', dir]);
      expect(r.code, r.stderr).toBe(0);
      const records = JSON.parse(readFileSync(path.join(dir, 'records.json'), 'utf8'));
      counts.push(records.records.length);
      expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).run.inputs).toHaveLength(1);
    }
    expect(counts).toEqual([10, 10, 10]);
  });

  it('extract d --out d/out does not walk into its output folder', async () => {
    const dir = folderWithGazette('nested');
    for (let i = 0; i < 2; i++) {
      const r = await jiezhi(['extract', dir, '--out', path.join(dir, 'out')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/10 records, 10 parcels/);
    }
  });

  it('convert into the folder it reads replaces its own output on a rerun', async () => {
    const dir = folderWithGazette('convert-rerun');
    for (let i = 0; i < 2; i++) {
      const r = await jiezhi(['convert', dir, '--to', 'geojson', '--out', path.join(dir, 'parcels.geojson')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/10 parcels written/);
    }
  });
});

describe('a bad --out', () => {
  const cases: [string, () => string[]][] = [
    ['a regular file where a folder is needed', () => ['extract', F002, '--out', F002]],
    ['/dev/full as the output folder', () => ['extract', F002, '--out', '/dev/full']],
    ['/dev/full as the output file', () => ['convert', F002, '--to', 'geojson', '--out', '/dev/full']],
    ['an empty name (extract)', () => ['extract', F002, '--out', '']],
    ['an empty name (convert)', () => ['convert', F002, '--to', 'geojson', '--out', '']],
    ['/proc/x (extract)', () => ['extract', F002, '--out', '/proc/x']],
    ['/proc/x/y (convert)', () => ['convert', F002, '--to', 'geojson', '--out', '/proc/x/y.geojson']],
  ];
  it.each(cases)('%s: one line, exit 2, no stack', async (_name, args) => {
    const t0 = performance.now();
    const r = await jiezhi(args());
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/output-unwritable|--out is an empty name/);
  });

  it('stdout that cannot be written is one line and exit 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const { openSync } = await import('node:fs');
    const r = spawnSync(process.execPath, ['bin/jiezhi.js', 'verify', F002], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^jiezhi: stdout cannot be written: ENOSPC/);
  });
});
