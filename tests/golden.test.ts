// Golden cases: tests/fixtures/<case>/in.txt → tests/fixtures/<case>/out.json. Each in.txt is a small
// synthetic document written like the gazettes around one trap of docs/gazettes.md §3/§8; out.json is a
// stable projection of what extract() makes of it, reviewed by eye. `REGEN=1 npx vitest run tests/golden.test.ts`
// rewrites the out.json files instead of comparing (review the diff before committing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/core/extract.js';
import type { Diagnostic, ExtractResult } from '../src/core/model/types.js';
import { repoRoot } from './helpers.js';

const FIXTURES = path.join(repoRoot, 'tests/fixtures');
const REGEN = process.env.REGEN === '1';
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(FIXTURES, e.name, 'in.txt')))
  .map((e) => e.name)
  .sort();

const round4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
const diag = (d: Diagnostic) => (d.source ? `${d.code} @${d.source.line}` : d.code);

/** What a planner checks, in a form that changes only when behaviour does. */
export function project(result: ExtractResult) {
  return {
    inputs: result.inputs.map((i) => ({ file: i.file, encoding: i.encoding, documents: i.documents })),
    records: result.parcels.map((p) => ({
      id: p.id,
      kind: p.kind,
      doc: p.doc,
      title: p.title,
      date: p.date,
      holder: p.holder,
      location: p.location,
      fourSides: p.fourSides,
      statedArea: p.statedArea && { text: p.statedArea.text, m2: round4(p.statedArea.m2), line: p.statedArea.source.line },
      reportNumbers: p.reportNumbers,
      points: p.points.map((q) => `X${q.label}=${q.x} Y${q.label}=${q.y} @${q.source.line}`),
      closing: p.closingPoint && `X${p.closingPoint.label}=${p.closingPoint.x} Y${p.closingPoint.label}=${p.closingPoint.y} @${p.closingPoint.source.line}`,
      epsg: p.zone?.epsg ?? null,
      status: p.verification.status,
      computedM2: round4(p.verification.computedM2),
      ellipsoidalM2: round4(p.verification.ellipsoidalM2),
      diagnostics: p.diagnostics.map(diag),
    })),
    diagnostics: result.diagnostics.map(diag),
    pointLines: result.pointLines,
  };
}

describe('golden cases', () => {
  it('has the cases the suite was written around', () => {
    expect(CASES).toEqual(
      [
        'bow-tie', 'confiscation', 'coordinate-variants', 'duplicated-point', 'garbled-point', 'gbk-crlf', 'label-mismatch', 'land-rights',
        'missing-point', 'multi-parcel-restart', 'noise-blocks', 'out-of-order', 'reader-web-notice', 'split-area-phrases', 'two-point-ring', 'unclosed-ring',
        'utf16le-bom', 'guotu-xian80-m2-rings', 'coordinate-list-no-zone', 'mining-baopan-rows',
      ].sort(),
    );
  });

  it.each(CASES)('%s', (name) => {
    const bytes = readFileSync(path.join(FIXTURES, name, 'in.txt'));
    const actual = project(extract([{ file: `${name}/in.txt`, bytes }]));
    const outFile = path.join(FIXTURES, name, 'out.json');
    if (REGEN) {
      writeFileSync(outFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(existsSync(outFile), `${outFile} is missing: run REGEN=1 npx vitest run tests/golden.test.ts and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
  });
});
