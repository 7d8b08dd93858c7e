// The binary fuzzer's generator (scripts/fuzz-binary.mjs) run in-process against src/, for the two fuzz test
// files that share the 10 000 cases between vitest's two workers. Each case runs in try/catch and must end in
// a result or a coded diagnostic. Mammoth and pdfjs are slow, so one docx or PDF case in twenty goes through
// them; the others stop at the archive check or at extract, which must refuse PDF bytes as binary.
import { expect } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { checkDocx } from '../../src/core/formats/docx/checkDocx.js';
import { prepareInput } from '../../src/cli/readDocuments.js';
import { writeShpShx } from '../../src/core/formats/shapefile/toShapefile.js';
import { writeDbf } from '../../src/core/formats/shapefile/dbf.js';
import { toEsriWkt } from '../../src/core/formats/shapefile/esriWkt.js';
// @ts-expect-error: a plain ES module without types
import { FUZZ_LIMITS, generateCase, makeFixtures, runCase } from '../../scripts/fuzz-binary.mjs';

const SEED = 20261201;
const core = { extract, checkDocx, prepareInput, writeShpShx, writeDbf, toEsriWkt };

/** Runs cases [from, to) and expects no finding, no case over the fuzzer's 5 s, and every mutator used. */
export async function runCases(from: number, to: number): Promise<void> {
  // Bombs of 2 MB against a 1 MB limit: the point is that they stop, not how much they carry.
  const fixtures = makeFixtures(core, { bombBytes: 2e6 });
  const limits = { ...FUZZ_LIMITS, archiveBytes: 1e6 };
  const findings: string[] = [];
  const kinds = new Set<string>();
  let slowest = 0;
  for (let i = from; i < to; i++) {
    const testCase = generateCase(fixtures, SEED, i);
    kinds.add(testCase.kind);
    const started = performance.now();
    const finding = await runCase(core, testCase, { limits, documents: i % 20 === 0 });
    slowest = Math.max(slowest, performance.now() - started);
    if (finding) findings.push(`seed ${SEED} case ${i} (${testCase.kind}): ${finding}`);
  }
  expect(findings).toEqual([]);
  expect(slowest).toBeLessThan(5000);
  expect([...kinds].sort()).toEqual(['bomb', 'dbf', 'docx', 'geojson', 'pdf', 'shp', 'shx', 'zip']);
}
