// How much of a hostile or mistaken input Jiezhi is willing to read: one policy for the CLI, the page and the
// readers, so that a limit is raised in one place and named in one diagnostic. Pure: the shells pass in their
// environment variables or settings, nothing here reads them.
import { diagnose } from './diagnostics.js';
import { MAX_INPUT_BYTES } from './inputLimits.js';
import type { Diagnostic } from './types.js';

export interface Limits {
  /** Bytes read from one input file, pipe or stdin; reading stops at one byte more. */
  inputBytes: number;
  /** Total uncompressed bytes of all entries of one archive (zipped Shapefile, .docx, KMZ). */
  archiveBytes: number;
  /** Entries in one archive. */
  archiveEntries: number;
  /** Elements in one XML document (the document part of a .docx, a KML). */
  xmlElements: number;
  /** Self-intersections listed for one ring; beyond it the ring is reported as invalid with the count so far. */
  crossingsPerRing: number;
}

/**
 * The defaults. Real inputs are far below them: a year of gazettes or a county's coordinate file is a few MB,
 * a zipped Shapefile of a county a few tens; a ring that crosses itself more than a few times is a wrong
 * point order, and listing thousands of crossings helps nobody.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  inputBytes: MAX_INPUT_BYTES,
  archiveBytes: 1e9,
  archiveEntries: 10_000,
  xmlElements: 5_000_000,
  crossingsPerRing: 100,
});

/**
 * How each limit is raised: an environment variable (CLI and server), and for the per-input size the CLI
 * flag --max-input-mb too. Sizes are given in MB (10⁶ bytes), counts as plain numbers.
 */
export const LIMIT_SETTINGS: Readonly<Record<keyof Limits, { env: string; scale: number; unit: string }>> = Object.freeze({
  inputBytes: { env: 'JIEZHI_MAX_INPUT_MB', scale: 1e6, unit: 'MB' },
  archiveBytes: { env: 'JIEZHI_MAX_ARCHIVE_MB', scale: 1e6, unit: 'MB' },
  archiveEntries: { env: 'JIEZHI_MAX_ARCHIVE_ENTRIES', scale: 1, unit: 'entries' },
  xmlElements: { env: 'JIEZHI_MAX_XML_ELEMENTS', scale: 1, unit: 'elements' },
  crossingsPerRing: { env: 'JIEZHI_MAX_CROSSINGS', scale: 1, unit: 'crossings' },
});

/**
 * The limits after the settings given as text (environment variables by name, `--max-input-mb` as
 * `inputBytes`); a setting that is not a positive number is an error naming it, never silently the default.
 */
export function resolveLimits(env: Readonly<Record<string, string | undefined>>, overrides: Partial<Record<keyof Limits, string>> = {}): Limits | { error: string } {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_SETTINGS) as (keyof Limits)[]) {
    const { env: name, scale } = LIMIT_SETTINGS[key];
    for (const [label, text] of [[name, env[name]], [key === 'inputBytes' ? '--max-input-mb' : name, overrides[key]]] as const) {
      if (text === undefined || text === '') continue;
      const n = Number(text);
      if (!Number.isFinite(n) || n <= 0) return { error: `${label} must be a positive number, not "${text}"` };
      limits[key] = Math.floor(n * scale);
    }
  }
  return limits;
}

/**
 * The diagnostic for an input that was still going when the limit was reached: a pipe, stdin, or a file that
 * grew while it was read. Its size is unknown, only that it exceeds the limit.
 */
export function limitReached(file: string, limit: number): Diagnostic {
  return diagnose('input-limit-reached', { file, line: 0 }, { limit: (limit / 1e6).toFixed(limit < 1e7 ? 1 : 0) });
}
