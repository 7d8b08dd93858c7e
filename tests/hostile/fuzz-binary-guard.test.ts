// Binary fuzzing, second part: cases 7 000–9 999 in-process (fuzzCases.ts), then scripts/fuzz-binary.mjs
// itself against dist/ with its worker guard, which must catch a case that hangs and one that runs out of
// memory, name its seed and case, write its input and go on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCases } from './fuzzCases.js';
import { repoRoot } from '../helpers.js';

describe('binary fuzzing, in-process', () => {
  it('cases 7 000–9 999 end in a result or a coded diagnostic', () => runCases(7000, 10_000), 120_000);
});

describe('the fuzzer’s worker guard', () => {
  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist/core/formats/docx/checkDocx.js'))) {
      expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: repoRoot }).status).toBe(0);
    }
  }, 120_000);

  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/fuzz-binary.mjs', '--seed', '7', ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('cases through the worker, mammoth and pdfjs included: no findings, the figures printed', () => {
    const out = run('--cases', '100');
    expect(out.stdout).toMatch(/fuzz-binary: 100 cases in [\d.]+ s, 0 findings/);
    expect(out.stdout).toMatch(/slowest case: \d+ \(\w+\), \d+ ms/);
    expect(out.status).toBe(0);
  }, 120_000);

  it.each([
    ['hang', /FINDING seed 7 case 3 \(\w+\): timeout \(over 5000 ms\)/],
    ['oom', /FINDING seed 7 case 3 \(\w+\): out of memory \(over 512 MB heap\)/],
  ])('a case that goes %s is a finding with its seed and case, its input written, and the run goes on', (mode, finding) => {
    const out = run('--cases', '5', '--self-test', mode);
    expect(out.stdout).toMatch(finding);
    expect(out.stdout).toMatch(/5 cases in [\d.]+ s, 1 findings/);
    expect(out.status).toBe(1);
    expect(readdirSync(path.join(repoRoot, 'bench-results/fuzz-findings')).some((f) => f.startsWith('seed7-case3-'))).toBe(true);
  }, 120_000);
});
