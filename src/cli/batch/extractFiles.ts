// The inputs of `jiezhi extract` and `jiezhi verify`, extracted file by file (on worker threads with --jobs > 1)
// and merged as they arrive: no more than a few files' bytes are ever held at once.
import { ExtractionMerge } from '../../core/extract.js';
import type { ResourceLimits } from '../../core/model/limits.js';
import type { Diagnostic, ExtractOptions, ExtractResult } from '../../core/model/types.js';
import type { ReadEntry } from './processFile.js';
import { runFiles } from './runFiles.js';

/** A file to read, or a diagnostic about a named path that gave none (an empty folder), in the order given. */
export type InputEntry = { path: string; name: string } | { diagnostic: Diagnostic };

export interface Extracted {
  /** The core's result over the files that could be read. */
  core: ExtractResult;
  /** Why the others could not: files unreadable, folders empty. */
  failures: Diagnostic[];
  /** Every input read, as the manifest names it. */
  read: ReadEntry[];
  /** dev:ino → name of every input file, to refuse an output that would replace one. */
  identities: Map<string, string>;
}

export async function extractFiles(entries: InputEntry[], run: { limits: ResourceLimits; options: ExtractOptions; jobs: number }): Promise<Extracted> {
  const merge = new ExtractionMerge(run.options);
  const failures: Diagnostic[] = [];
  const read: ReadEntry[] = [];
  const identities = new Map<string, string>();
  // Diagnostics of the listing keep their place among the files' own.
  let at = 0;
  const listed = () => {
    for (let e = entries[at]; e && 'diagnostic' in e; e = entries[++at]) failures.push(e.diagnostic);
  };
  const tasks = entries.flatMap((e) => ('diagnostic' in e ? [] : [{ ...e, limits: run.limits, options: run.options }]));
  await runFiles(tasks, run.jobs, (outcome) => {
    listed();
    at++;
    if (outcome.read) read.push(outcome.read);
    if (outcome.identity) identities.set(outcome.identity, outcome.name);
    if (outcome.failure) failures.push(outcome.failure);
    if (outcome.extraction) merge.add(outcome.extraction);
  });
  listed();
  return { core: merge.result(), failures, read, identities };
}
