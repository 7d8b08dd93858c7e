// Shared by the reader tests: run extract() on one text and look at its records.
import { extract } from '../../src/core/extract.js';
import type { ExtractResult } from '../../src/core/model/types.js';
import { unaccounted } from '../helpers.js';

export const FILE = 'notice.txt';

export function read(text: string): ExtractResult {
  return extract([{ file: FILE, bytes: new TextEncoder().encode(text) }]);
}

export function codes(result: ExtractResult): string[] {
  return [...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)].map((d) => d.code);
}

/** Coordinate lines neither in a parcel nor in a diagnostic (the raw check of tests/helpers only sees X<n>= lines). */
export function lost(result: ExtractResult, text: string): number[] {
  return unaccounted(result, FILE, text);
}

// A 40 m × 30 m rectangle and a pentagon near 宁波 (3° zone 41), as a surveyor prints them, clockwise.
export const RECT = [
  [3301996.14, 41405667.12],
  [3301996.14, 41405697.12],
  [3301966.14, 41405697.12],
  [3301966.14, 41405667.12],
] as const;
export const RECT_M2 = 900;
