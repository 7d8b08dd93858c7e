// The diagnostics of the resource-limit policy (model/limits): a file over the input size, and any other limit
// reached while reading. Small and apart from the readers, so that the page can refuse a file before reading it
// without loading the rest of the core into its main bundle.
import { diagnose } from './catalogue.js';
import { DEFAULT_LIMITS, type ResourceLimits } from '../model/limits.js';
import type { Diagnostic, SourceSpan } from '../model/source.js';

/** What each limit counts, for the messages. */
const LIMIT_NAMES: Readonly<Record<keyof ResourceLimits, { zh: string; en: string }>> = {
  inputBytes: { zh: '读取的字节数', en: 'bytes read from the input' },
  archiveBytes: { zh: '压缩包解压后的字节数', en: 'bytes inflated from the archive' },
  archiveEntries: { zh: '压缩包的条目数', en: 'entries in the archive' },
  xmlElements: { zh: 'XML 元素数', en: 'XML elements' },
  crossingsListed: { zh: '列出的自相交点数', en: 'self-intersections listed' },
  ringVertices: { zh: '一个环的顶点数', en: 'vertices of one ring' },
};

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/** A file whose size is known before reading and is over the input limit. */
export function tooLarge(file: string, bytes: number, limit = DEFAULT_LIMITS.inputBytes): Diagnostic {
  return diagnose('input-too-large', { file, line: 0 }, { size: mb(bytes).replace(' MB', ''), limit: mb(limit).replace(' MB', '') });
}

/**
 * A limit reached while reading. `value` is what was counted when reading stopped (">200 MB" where only that
 * it is over is known); `setting` names how to raise the limit, when the shell has one.
 */
export function limitExceeded(source: SourceSpan, limit: keyof ResourceLimits, value: string, max: number, setting?: string): Diagnostic {
  const name = LIMIT_NAMES[limit];
  const shown = limit === 'inputBytes' || limit === 'archiveBytes' ? mb(max) : String(max);
  return diagnose('limit-exceeded', source, { what_zh: name.zh, what_en: name.en, value, limit: setting ? `${shown} (${setting})` : shown });
}
