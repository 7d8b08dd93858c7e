// How large an input may be. A module of its own, so that the page can refuse a file before reading it
// without loading the whole core into its main bundle.
import { diagnose } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../model/types.js';

/**
 * The largest single input read. The largest real inputs are a few MB (a year of gazettes, a county's
 * coordinate file); beyond this a file is far more likely a mistake, and the page would run out of memory.
 */
export const MAX_INPUT_BYTES = 200e6;

/** The diagnostic for a file over the limit; shells that can see a file's size before reading it use it too. */
export function tooLarge(file: string, bytes: number, limit = MAX_INPUT_BYTES): Diagnostic {
  const mb = (n: number) => (n / 1e6).toFixed(n < 1e7 ? 1 : 0);
  return diagnose('input-too-large', { file, line: 0 }, { size: mb(bytes), limit: mb(limit) });
}
