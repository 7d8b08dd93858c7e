// The schema is the numbered SQL files in migrations/, applied in order, each once, each in its own
// transaction, and recorded in jiezhi.schema_migrations with its hash so that an edited migration is refused.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientBase } from 'pg';
import { LOCK } from './locks.js';

// src/cli/db and dist/cli/db are both three folders below the repository.
const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

async function readMigrations(dir = MIGRATIONS): Promise<Migration[]> {
  const out: Migration[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const m = /^(\d+)_[\w-]+\.sql$/.exec(name);
    if (!m) continue;
    const sql = await readFile(path.join(dir, name), 'utf8');
    out.push({ version: Number(m[1]), name, sql, sha256: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

/** Brings the database to the newest schema; returns the versions applied now. */
export async function migrate(client: ClientBase, dir?: string): Promise<number[]> {
  const migrations = await readMigrations(dir);
  // A session lock: a second loader starting at the same moment waits here, then finds nothing to do.
  await client.query('SELECT pg_advisory_lock($1, 0)', [LOCK.migrations]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS jiezhi;
      CREATE TABLE IF NOT EXISTS jiezhi.schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await client.query<{ version: number; name: string; sha256: string }>('SELECT version, name, sha256 FROM jiezhi.schema_migrations')).rows.map((r) => [r.version, r]),
    );
    const known = new Set(migrations.map((m) => m.version));
    const newer = [...applied.keys()].filter((v) => !known.has(v));
    if (newer.length > 0) throw new Error(`the database has schema version ${Math.max(...newer)}, newer than this Jiezhi knows: upgrade Jiezhi`);
    const done: number[] = [];
    for (const m of migrations) {
      const before = applied.get(m.version);
      if (before) {
        if (before.sha256 !== m.sha256) throw new Error(`migration ${m.name} was changed after it was applied (${before.name}); add a new migration instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO jiezhi.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [m.version, m.name, m.sha256]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      done.push(m.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK.migrations]);
  }
}
