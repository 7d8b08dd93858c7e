// The layering of the house and its unused code, checked by tools rather than by good intentions:
// dependency-cruiser with .dependency-cruiser.cjs, and knip with knip.json.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, run } from './helpers.js';

const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);
const config = path.join(repoRoot, '.dependency-cruiser.cjs');

describe('layering', () => {
  it('dependency-cruiser finds no violation in src/', async () => {
    const r = await run(bin('depcruise'), ['src', '--config', config, '--output-type', 'err'], { cwd: repoRoot });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 120_000);

  it('the rules bite: a tree that breaks each of them on purpose is refused, rule by rule', async () => {
    const r = await run(bin('depcruise'), ['src', '--config', config, '--output-type', 'err'], { cwd: path.join(repoRoot, 'tests/fixtures/layering') });
    expect(r.code).not.toBe(0);
    for (const rule of ['no-cycles', 'model-is-a-leaf', 'core-no-node-builtins', 'formats-not-to-verify', 'core-not-to-shells']) {
      expect(r.stdout + r.stderr, rule).toContain(rule);
    }
  }, 120_000);

  it('no folder of src/ holds more than 15 files', () => {
    const crowded: string[] = [];
    const walk = (dir: string) => {
      const entries = readdirSync(dir);
      const files = entries.filter((e) => statSync(path.join(dir, e)).isFile());
      if (files.length > 15) crowded.push(`${path.relative(repoRoot, dir)}: ${files.length}`);
      for (const e of entries) if (statSync(path.join(dir, e)).isDirectory()) walk(path.join(dir, e));
    };
    walk(path.join(repoRoot, 'src'));
    expect(crowded).toEqual([]);
  });
});

describe('types', () => {
  it('the core, the shells, the page and the tests type-check (tsc and svelte-check)', async () => {
    const tsc = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: repoRoot });
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    const svelte = await run(bin('svelte-check'), ['--fail-on-warnings', '--output', 'machine'], { cwd: repoRoot });
    expect(svelte.code, svelte.stdout + svelte.stderr).toBe(0);
  }, 240_000);
});

describe('unused code', () => {
  it('knip finds no unused file, export or dependency', async () => {
    const r = await run(bin('knip'), ['--no-progress'], { cwd: repoRoot });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 180_000);
});
