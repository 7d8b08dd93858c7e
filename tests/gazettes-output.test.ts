// The five bundled gazettes' outputs, byte for byte. Moving code between rooms, or teaching the reader new
// layouts, must not change a single byte of what the gazettes already give; a deliberate change is
// regenerated with `REGEN=1 npx vitest run tests/gazettes-output.test.ts` and reviewed in the diff.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, jiezhi, repoRoot } from './helpers.js';

const expectedDir = path.join(repoRoot, 'tests/fixtures/gazettes-output');
const FILES = ['parcels.geojson', 'records.json', 'report.md'];
let outDir: string;

beforeAll(async () => {
  await ensureCliBuilt();
  outDir = mkdtempSync(path.join(tmpdir(), 'jiezhi-gazettes-'));
  const run = await jiezhi(['extract', 'data/gazettes', '--out', outDir, '--layers', 'data/layers']);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the bundled gazettes give the same outputs, byte for byte', () => {
  it.each(FILES)('%s', (name) => {
    const actual = readFileSync(path.join(outDir, name), 'utf8');
    if (process.env.REGEN) writeFileSync(path.join(expectedDir, name), actual);
    expect(actual === readFileSync(path.join(expectedDir, name), 'utf8'), `${name} differs from tests/fixtures/gazettes-output/${name}`).toBe(true);
  });
});
