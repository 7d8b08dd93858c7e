// COPY … FROM STDIN in PostgreSQL's text format: the bulk path for every table the loader fills.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';

/** A text[] column's value; any other array or object is written as JSON (for jsonb columns). */
export class TextArray {
  constructor(readonly values: string[]) {}
}

export type CopyValue = string | number | boolean | null | undefined | TextArray | object;

/** Streams rows into `table (columns)`; rows are produced lazily so a large file is never one big string. */
export async function copyRows(client: ClientBase, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<void> {
  const { from } = (await import('pg-copy-streams')).default;
  const sink = client.query(from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(rows)), sink);
}

function* lines(rows: Iterable<CopyValue[]>): Generator<string> {
  let batch = '';
  for (const row of rows) {
    batch += `${row.map(field).join('\t')}\n`;
    // Chunks of about 64 kB keep the stream busy without holding the whole table in memory.
    if (batch.length > 65536) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof TextArray) return escape(`{${value.values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
