// One input file, from its path to its extraction: read with the run's limits, PDF and Word turned into text,
// then the core's per-file step. The same function runs in a worker thread and, for --jobs 1, in the CLI's own.
import { extractFile, type FileExtraction } from '../../core/extract.js';
import type { ResourceLimits } from '../../core/model/limits.js';
import type { Diagnostic, ExtractOptions } from '../../core/model/types.js';
import { prepareInput } from '../readDocuments.js';
import { readInput } from '../readInput.js';

export interface FileTask {
  /** The path to open, or "-" for stdin. */
  path: string;
  /** The name sources and diagnostics give it. */
  name: string;
  limits: ResourceLimits;
  options: ExtractOptions;
}

/** How an input was read, as the manifest lists it. */
export interface ReadEntry {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * What became of one file: unread (a failure only), read but not usable (a failure with its read entry), or
 * extracted. Plain data, posted from a worker as it is.
 */
export interface FileOutcome {
  name: string;
  read?: ReadEntry;
  /** dev:ino of the file read, to refuse an output that would replace it; null for stdin. */
  identity?: string | null;
  failure?: Diagnostic;
  extraction?: FileExtraction;
}

/**
 * `known`: the document numbers whose findings this thread has already sent for earlier files of the run
 * (see extractFile). Each thread is given the files in input order, so the first copy of a document is read
 * by whichever thread meets it first in that order.
 */
export async function processFile(task: FileTask, known: Set<string>): Promise<FileOutcome> {
  const { name } = task;
  const read = await readInput(task.path, name, task.limits.inputBytes);
  if ('diagnostic' in read) return { name, failure: read.diagnostic };
  const entry = { file: name, bytes: read.bytes.length, sha256: read.sha256 };
  const prepared = await prepareInput(name, read.bytes, task.limits);
  if ('diagnostic' in prepared) return { name, read: entry, identity: read.identity, failure: prepared.diagnostic };
  return { name, read: entry, identity: read.identity, extraction: extractFile(prepared, task.options, known) };
}
