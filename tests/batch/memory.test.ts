// Memory is bounded by the largest file, not by the corpus: over 40 copies of a 5 MB gazette the main thread
// holds about what it holds over 4, in worker threads and in the main thread alike. The figure is the peak of
// what the main thread keeps after a collection (tests/batch/heap-probe.mjs); reading every file first, as
// a run once did, keeps all 200 MB.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, gazetteDir } from '../helpers.js';
import { cli } from './harness.js';

const PROBE = new URL('./heap-probe.mjs', import.meta.url).pathname;
const FILE_BYTES = 5e6;
let tmp: string;
let big: string;

beforeAll(async () => {
  await ensureCliBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'jiezhi-memory-'));
  // The bundled gazettes one after another, whole lines, until 5 MB.
  const lines = readdirSync(gazetteDir).sort().flatMap((f) => readFileSync(path.join(gazetteDir, f), 'utf8').split('\n'));
  const out: string[] = [];
  for (let i = 0, size = 0; size < FILE_BYTES; i++) {
    const line = `${lines[i % lines.length]}\n`;
    out.push(line);
    size += Buffer.byteLength(line);
  }
  big = path.join(tmp, 'gazettes.txt');
  writeFileSync(big, out.join(''));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folderOfCopies(copies: number): string {
  const dir = path.join(tmp, `copies-${copies}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < copies; i++) symlinkSync(big, path.join(dir, `copy${String(i).padStart(2, '0')}.txt`));
  return dir;
}

/** The main thread's peak retained heap + array buffers in MB over `jiezhi extract dir --jobs n`. */
async function peakMB(dir: string, jobs: number): Promise<{ mb: number; records: number; sources: number }> {
  const probe = path.join(tmp, `probe-${path.basename(dir)}-${jobs}`);
  const out = path.join(tmp, `out-${path.basename(dir)}-${jobs}`);
  const r = await cli(['extract', dir, '--out', out, '--jobs', String(jobs)], { nodeFlags: ['--expose-gc', '--import', PROBE], env: { JIEZHI_HEAP_PROBE: probe } });
  expect(r.code, r.stderr).toBe(0);
  const records = JSON.parse(readFileSync(path.join(out, 'records.json'), 'utf8')).records as { sources: unknown[] }[];
  return { mb: Number(readFileSync(probe, 'utf8')) / 1e6, records: records.length, sources: records.reduce((n, rec) => n + rec.sources.length, 0) };
}

describe('the main thread holds about the same over 40 copies of a 5 MB file as over 4', () => {
  let four: string;
  let forty: string;
  beforeAll(() => {
    four = folderOfCopies(4);
    forty = folderOfCopies(40);
  });

  for (const jobs of [2, 1]) {
    it(`--jobs ${jobs}`, { timeout: 180_000 }, async () => {
      const small = await peakMB(four, jobs);
      const large = await peakMB(forty, jobs);
      // Every copy was read and merged: the same records, ten times the sources.
      expect(large.records).toBe(small.records);
      expect(small.records).toBeGreaterThan(10);
      expect(large.sources).toBe(small.sources * 10);
      // 36 more copies are 180 MB more input; the bound allows a third of that, holding every file allows none.
      expect(large.mb - small.mb, `4 copies: ${small.mb.toFixed(0)} MB, 40 copies: ${large.mb.toFixed(0)} MB`).toBeLessThan(60);
    });
  }
});
