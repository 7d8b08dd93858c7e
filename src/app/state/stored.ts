// Imported files kept in the browser (IndexedDB) so that they survive a reload: one entry per import, in order, with
// the files as they were dropped and the 导入为 choice. On reload the page imports them again through the same path a
// drop takes, in the same order, so their records get the same ids (a shared #sel= link finds them again).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImportMode } from './model.js';

export interface StoredFile {
  name: string;
  type: string;
  bytes: ArrayBuffer;
  /** SHA-256 of the bytes: the same file dropped again is not kept twice. */
  digest: string;
}

export interface StoredImport {
  key: number;
  mode: ImportMode;
  files: StoredFile[];
}

interface Schema extends DBSchema {
  imports: { key: number; value: Omit<StoredImport, 'key'> & { key?: number } };
}

let opened: Promise<IDBPDatabase<Schema>> | null = null;
function db(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>('jiezhi', 1, {
    upgrade(d) {
      d.createObjectStore('imports', { keyPath: 'key', autoIncrement: true });
    },
  });
  return opened;
}

async function digestOf(bytes: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored imports, oldest first. */
export async function storedImports(): Promise<StoredImport[]> {
  return (await (await db()).getAll('imports')) as StoredImport[];
}

/** Keeps one import's files (those not kept already); false when there was nothing new to keep. */
export async function storeImport(files: File[], mode: ImportMode): Promise<boolean> {
  const known = new Set((await storedImports()).flatMap((i) => i.files.map((f) => f.digest)));
  const kept: StoredFile[] = [];
  for (const f of files) {
    const bytes = await f.arrayBuffer();
    const digest = await digestOf(bytes);
    if (known.has(digest)) continue;
    known.add(digest);
    kept.push({ name: f.name, type: f.type, bytes, digest });
  }
  if (kept.length === 0) return false;
  await (await db()).add('imports', { mode, files: kept });
  return true;
}

/** Forgets one file of an import (the import with it when it was its last file). */
export async function removeStoredFile(key: number, digest: string): Promise<void> {
  const d = await db();
  const entry = await d.get('imports', key);
  if (!entry) return;
  const files = entry.files.filter((f) => f.digest !== digest);
  if (files.length) await d.put('imports', { ...entry, files });
  else await d.delete('imports', key);
}

export async function clearStored(): Promise<void> {
  await (await db()).clear('imports');
}

/** A stored file as the File a drop gives. */
export function asFile(f: StoredFile): File {
  return new File([f.bytes], f.name, { type: f.type });
}
