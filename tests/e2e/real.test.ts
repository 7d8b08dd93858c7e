// End-to-end: the real documents of tests/fixtures/real, dropped on the page one by one, give the records the CLI
// gives for the same file, with the same checks, in the layer their kind belongs to (mining zones in 矿山整合区).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiezhi } from '../helpers.js';
import { drop, openPage, root, type Session } from './harness.js';

const REAL = path.join(root, 'tests/fixtures/real');
const cases = readdirSync(REAL)
  .filter((c) => {
    try {
      return (JSON.parse(readFileSync(path.join(REAL, c, 'expected.json'), 'utf8')).polygons ?? []).length > 0;
    } catch {
      return false;
    }
  })
  .sort();

interface PageRow { id: string; layer: string; status: string; drawn: boolean }

let s: Session;
const out = mkdtempSync(path.join(tmpdir(), 'jiezhi-real-e2e-'));
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
  rmSync(out, { recursive: true, force: true });
});

const importedRows = () => s.page.evaluate(() => (window as any).__jiezhi.importedRows() as PageRow[]);

describe('real documents dropped on the page', () => {
  it('covers the coordinate-bearing cases of the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: the same records and checks as the CLI', async (name) => {
    const { input } = JSON.parse(readFileSync(path.join(REAL, name, 'case.json'), 'utf8')) as { input: string };
    const file = path.join(REAL, name, input);
    const dir = path.join(out, name);
    const cli = await jiezhi(['extract', path.relative(root, file), '--out', dir]);
    expect(cli.code, cli.stderr).toBeLessThan(2);
    const records = (JSON.parse(readFileSync(path.join(dir, 'records.json'), 'utf8')).records as { kind: string; verification: { status: string }; lonLatRing: unknown }[])
      .filter((r) => r.verification.status !== 'no-points');
    const expected = records.map((r) => `${r.kind === 'mining-zone' ? 'mining' : 'parcel'}:${r.verification.status}:${r.lonLatRing !== null}`).sort();

    const before = (await importedRows()).length;
    await drop(s.page, [{ name: input === 'input.txt' ? `${name}.txt` : `${name}-${input}`, bytes: readFileSync(file), type: 'text/plain' }]);
    await expect.poll(async () => (await importedRows()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + records.length);
    const added = (await importedRows()).slice(before).filter((r) => r.status !== 'no-points');
    const page = added.map((r) => `${r.layer}:${r.status}:${r.drawn}`).sort();
    expect(page).toEqual(expected);
  }, 60_000);
});
