// Binary fuzzing, first part: 7 000 of the 10 000 seeded in-process cases (fuzzCases.ts); the other 3 000 and
// the worker guard are in fuzz-binary-guard.test.ts, so that vitest runs the two on both cores.
import { describe, it } from 'vitest';
import { runCases } from './fuzzCases.js';

describe('binary fuzzing, in-process', () => {
  it('cases 0–6 999 end in a result or a coded diagnostic', () => runCases(0, 7000), 120_000);
});
