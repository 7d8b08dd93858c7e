// NDJSON: one record per line, the same objects as the records of records.json, for pipelines that read a
// stream of records (GNU parallel, a Kubernetes job's log, Spark's `pipe`) rather than one JSON document.
import { once } from 'node:events';
import type { Parcel } from '../../core/model/types.js';

export const NDJSON_FILE = 'records.ndjson';

export function* ndjsonLines(records: Iterable<Parcel>): Generator<string> {
  for (const r of records) yield `${JSON.stringify(r)}\n`;
}

/** Writes the lines as the reader takes them, never more than the stream buffers. */
export async function writeNdjson(out: NodeJS.WritableStream, records: Iterable<Parcel>): Promise<void> {
  for (const line of ndjsonLines(records)) if (!out.write(line)) await once(out, 'drain');
}
