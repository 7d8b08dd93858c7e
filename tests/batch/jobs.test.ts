// Worker threads change nothing in what is written: --jobs 1 (every file in the main thread) and --jobs 2 give
// the same bytes, on the bundled gazettes, on the real corpus, and when documents repeat across files and
// formats; NDJSON lines are the records of records.json; a worker that dies costs its file, not the run.
import { readdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxWithPointTable, ensureCliBuilt, gazetteDir, repoRoot } from '../helpers.js';
import { cli, manifestWithoutRun, OUTPUTS } from './harness.js';

let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'jiezhi-batch-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const gazettes = readdirSync(gazetteDir).sort().map((f) => `data/gazettes/${f}`);
const realInputs = readdirSync(path.join(repoRoot, 'tests/fixtures/real'))
  .flatMap((c) => {
    const dir = path.join('tests/fixtures/real', c);
    try {
      return readdirSync(path.join(repoRoot, dir)).filter((f) => f.startsWith('input.')).map((f) => `${dir}/${f}`);
    } catch {
      return [];
    }
  })
  .sort();

async function extractWith(jobs: number, inputs: string[], name: string, extra: string[] = []) {
  const out = path.join(tmp, `${name}-jobs${jobs}`);
  const r = await cli(['extract', ...inputs, '--out', out, '--jobs', String(jobs), ...extra]);
  return { ...r, out };
}

async function expectSameOutputs(inputs: string[], name: string) {
  const one = await extractWith(1, inputs, name);
  const two = await extractWith(2, inputs, name);
  expect(two.code, two.stderr).toBe(one.code);
  for (const file of OUTPUTS) {
    const a = readFileSync(path.join(one.out, file));
    expect(readFileSync(path.join(two.out, file)).equals(a), `${file} differs`).toBe(true);
  }
  expect(manifestWithoutRun(two.out)).toEqual(manifestWithoutRun(one.out));
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr.replaceAll(two.out, '')).toBe(one.stderr.replaceAll(one.out, ''));
  return one;
}

describe('--jobs 1 and --jobs 2 write the same bytes', () => {
  it('over the bundled gazettes', async () => {
    const one = await expectSameOutputs(gazettes, 'gazettes');
    const records = JSON.parse(readFileSync(path.join(one.out, 'records.json'), 'utf8'));
    expect(records.records).toHaveLength(21);
    expect(records.inputs.map((i: { file: string }) => i.file)).toEqual(gazettes);
  });

  it('over the real corpus', async () => {
    expect(realInputs.length).toBeGreaterThanOrEqual(30);
    const one = await expectSameOutputs(realInputs, 'real');
    const records = JSON.parse(readFileSync(path.join(one.out, 'records.json'), 'utf8'));
    expect(records.inputs).toHaveLength(realInputs.length);
  });

  it('when the same documents come in several files, in a Word document, and beside unreadable paths', async () => {
    // 吕政发〔2022〕12号 is in the gazette, in a Word document and again in a second copy of the gazette:
    // one record with three sources, merged in the order the files are named, whichever worker finishes first.
    const gazette = readFileSync(path.join(gazetteDir, '002_974677008c505204.txt'), 'utf8');
    const docx = path.join(tmp, 'decision.docx');
    writeFileSync(docx, docxWithPointTable(gazette.split('\n').slice(576, 656).join('\n')));
    const copies = path.join(tmp, 'copies');
    mkdirSync(copies);
    copyFileSync(path.join(gazetteDir, '002_974677008c505204.txt'), path.join(copies, 'again.txt'));
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const one = await expectSameOutputs([...gazettes, docx, path.join(tmp, 'missing.txt'), empty, copies, gazettes[0]!], 'repeats');
    expect(one.code).toBe(2);
    const records = JSON.parse(readFileSync(path.join(one.out, 'records.json'), 'utf8'));
    const twelve = records.records.find((r: { id: string }) => r.id === '吕政发〔2022〕12号');
    expect(twelve.sources.map((s: { file: string }) => path.basename(s.file))).toEqual(['002_974677008c505204.txt', 'decision.docx', 'again.txt']);
    expect(records.diagnostics.slice(0, 2).map((d: { code: string }) => d.code)).toEqual(['input-cannot-open', 'input-folder-empty']);
  });
});

describe('--ndjson', () => {
  it('writes records.ndjson, one record of records.json per line, and lists it in the manifest', async () => {
    const run = await extractWith(2, [...gazettes, ...realInputs], 'ndjson', ['--ndjson']);
    expect(run.code, run.stderr).toBe(0);
    const records = JSON.parse(readFileSync(path.join(run.out, 'records.json'), 'utf8')).records;
    const text = readFileSync(path.join(run.out, 'records.ndjson'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.every((l) => !l.includes('\n') && l.startsWith('{'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l))).toEqual(records);
    expect(records.length).toBeGreaterThan(21);
    const report = JSON.parse(readFileSync(path.join(run.out, 'report.json'), 'utf8'));
    expect(report.files.map((f: { file: string }) => f.file)).toContain('records.ndjson');
  });

  it('with --out -, writes the same lines to stdout and nothing else, and no folder', async () => {
    const folder = await extractWith(1, gazettes, 'ndjson-folder', ['--ndjson']);
    const piped = await cli(['extract', ...gazettes, '--ndjson', '--out', '-', '--jobs', '2']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(readFileSync(path.join(folder.out, 'records.ndjson'), 'utf8'));
    expect(readdirSync(repoRoot)).not.toContain('-');
  });

  it('--out - without --ndjson is a usage error', async () => {
    const r = await cli(['extract', ...gazettes, '--out', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ndjson/);
    expect(r.stdout).toBe('');
  });
});

describe('a worker that dies', () => {
  it('is a coded diagnostic for its file, exit 2, and every other file is extracted as without it', async () => {
    const victim = gazettes[2]!;
    const crashed = await cli(['extract', ...gazettes, '--out', path.join(tmp, 'crashed'), '--jobs', '2'], { env: { JIEZHI_TEST_WORKER_CRASH: path.basename(victim) } });
    expect(crashed.code).toBe(2);
    expect(crashed.stderr).toContain(`${victim}:0: error input-worker-failed:`);
    const without = await extractWith(1, gazettes.filter((g) => g !== victim), 'without');
    const got = JSON.parse(readFileSync(path.join(tmp, 'crashed', 'records.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(path.join(without.out, 'records.json'), 'utf8'));
    expect(got.records.length).toBeGreaterThan(0);
    expect(got.records).toEqual(expected.records);
    expect(got.diagnostics[0]).toMatchObject({ code: 'input-worker-failed', severity: 'error', source: { file: victim, line: 0 } });
    expect(got.diagnostics.slice(1)).toEqual(expected.diagnostics);
  });

  it('--jobs must be a whole number of at least 1', async () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = await cli(['extract', ...gazettes, '--out', path.join(tmp, 'bad'), '--jobs', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--jobs/);
    }
  });
});
