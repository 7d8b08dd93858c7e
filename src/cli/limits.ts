// The resource limits of a CLI run: the core's policy (model/limits), raised by environment variables and, for the
// size of one input, by --max-input-mb. A setting that is not a positive number is refused, never silently the default.
import { resolveLimits, type ResourceLimits } from '../core/model/limits.js';

/** Each limit's environment variable; sizes are given in MB (10⁶ bytes), counts as plain numbers. */
export const LIMIT_SETTINGS: Readonly<Record<keyof ResourceLimits, { env: string; scale: number }>> = {
  inputBytes: { env: 'JIEZHI_MAX_INPUT_MB', scale: 1e6 },
  archiveBytes: { env: 'JIEZHI_MAX_ARCHIVE_MB', scale: 1e6 },
  archiveEntries: { env: 'JIEZHI_MAX_ARCHIVE_ENTRIES', scale: 1 },
  xmlElements: { env: 'JIEZHI_MAX_XML_ELEMENTS', scale: 1 },
  crossingsListed: { env: 'JIEZHI_MAX_CROSSINGS', scale: 1 },
  ringVertices: { env: 'JIEZHI_MAX_RING_VERTICES', scale: 1 },
  overlapVertices: { env: 'JIEZHI_MAX_OVERLAP_VERTICES', scale: 1 },
};

export const MAX_INPUT_FLAG = '--max-input-mb';

/** The limits after `env` and the --max-input-mb text (which wins over its variable), or the setting at fault. */
export function limitsFrom(env: Readonly<Record<string, string | undefined>>, maxInputMb?: string): ResourceLimits | { error: string } {
  const overrides: Partial<ResourceLimits> = {};
  for (const key of Object.keys(LIMIT_SETTINGS) as (keyof ResourceLimits)[]) {
    const { env: name, scale } = LIMIT_SETTINGS[key];
    const settings: [string, string | undefined][] = [[name, env[name]], ...(key === 'inputBytes' ? [[MAX_INPUT_FLAG, maxInputMb] as [string, string | undefined]] : [])];
    for (const [label, text] of settings) {
      if (text === undefined || text === '') continue;
      const n = Number(text);
      if (!Number.isFinite(n) || n <= 0) return { error: `${label} must be a positive number, not "${text}"` };
      overrides[key] = Math.floor(n * scale);
    }
  }
  return resolveLimits(overrides);
}
