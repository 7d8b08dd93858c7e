// Writing outputs so that a reader never mistakes a partial run for a complete one: every file goes to a temporary
// name in its own folder and is renamed into place whole; an output folder is locked for the run; an output never
// replaces an input.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnose } from '../core/diagnostics/catalogue.js';
import type { Diagnostic } from '../core/model/types.js';
import { describeError, identityOf } from './readInput.js';

/** A refused or failed output; the CLI prints its diagnostic and exits 2. */
export class OutputError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}

function unwritable(target: string, reason: string): OutputError {
  return new OutputError(diagnose('output-unwritable', undefined, { target, reason }));
}

export interface WrittenFile {
  file: string;
  bytes: number;
  sha256: string;
}

const LOCK_NAME = '.jiezhi.lock';

/**
 * `mkdir -p` that stops at the first level it cannot create. Node's recursive mkdir spins forever under /proc,
 * and its errors for a file in the way do not say which level was a file.
 */
export async function ensureFolder(dir: string): Promise<void> {
  if (dir === '') throw unwritable("''", 'the output folder is an empty name');
  const resolved = path.resolve(dir);
  try {
    const info = await stat(resolved);
    if (info.isDirectory()) return;
    throw unwritable(dir, 'it exists and is not a folder');
  } catch (err) {
    if (err instanceof OutputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(dir, describeError(err));
  }
  const parent = path.dirname(resolved);
  if (parent === resolved) throw unwritable(dir, 'the root folder cannot be created');
  await ensureFolder(parent);
  try {
    await mkdir(resolved);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(dir, `the folder cannot be created: ${describeError(err)}`);
  }
}

/** Refuses a target that exists and is not a regular file: renaming over /dev/full or a folder is never meant. */
async function checkTarget(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw unwritable(file, info.isDirectory() ? 'it is a folder' : 'it is not a regular file (a device, pipe or socket)');
  } catch (err) {
    if (err instanceof OutputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(file, describeError(err));
  }
}

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `content` to a temporary file beside `file`, flushes it and renames it into place. Content given as
 * pieces (the lines of an NDJSON file) is written as it comes, never held whole.
 */
export async function writeWhole(file: string, content: Uint8Array | string | Iterable<string>): Promise<WrittenFile> {
  await checkTarget(file);
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const hash = createHash('sha256');
  let bytes = 0;
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const chunk of batched(pieces)) {
        hash.update(chunk);
        bytes += chunk.length;
        for (let done = 0; done < chunk.length; ) done += (await handle.write(chunk, done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw unwritable(file, describeError(err));
  }
  return { file, bytes, sha256: hash.digest('hex') };
}

const WRITE_CHUNK = 1 << 20;

// Small pieces gathered into writes of about a megabyte: one system call per line would be slow.
function* batched(pieces: Iterable<Uint8Array | string>): Generator<Uint8Array> {
  let pending: Buffer[] = [];
  let size = 0;
  for (const piece of pieces) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (buf.length >= WRITE_CHUNK && size === 0) {
      yield buf;
      continue;
    }
    pending.push(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
    size += buf.length;
    if (size >= WRITE_CHUNK) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(pending, size);
}

/** Refuses when a target is one of the inputs (same device and inode: real paths, symbolic and hard links alike). */
export async function refuseInputs(targets: string[], inputs: Map<string, string>): Promise<void> {
  for (const target of targets) {
    let id: string;
    try {
      id = identityOf(await stat(target));
    } catch {
      continue;
    }
    const input = inputs.get(id);
    if (input !== undefined) throw new OutputError(diagnose('output-overwrites-input', undefined, { target, input }));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Locks `dir` for this run: `.jiezhi.lock` holding the pid, created by a hard link from a finished temporary file
 * so that it never exists empty. A lock left by a process that is gone is taken over. Resolves to the release.
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const lock = path.join(dir, LOCK_NAME);
  const mine = `${process.pid}\n`;
  const temp = tempName(lock);
  try {
    await writeFile(temp, mine, { flag: 'wx' });
  } catch (err) {
    throw unwritable(dir, describeError(err));
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, lock);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(dir, describeError(err));
      }
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (attempt > 0 || (Number.isInteger(holder) && alive(holder))) {
        throw new OutputError(diagnose('output-locked', undefined, { folder: dir, pid: Number.isInteger(holder) ? holder : '?' }));
      }
      // Stale: moved aside first, so that of two runs taking it over at once only one removes it.
      const aside = tempName(lock);
      await rename(lock, aside).then(() => unlink(aside), () => undefined);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return async () => {
    if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await unlink(lock).catch(() => undefined);
  };
}

/** The manifest of an output folder: written last, so that its presence says the other files of the run are complete. */
export const MANIFEST = 'report.json';

/** Real paths of the files the manifest of an earlier run in `dir` names: outputs, never to be read as inputs. */
export async function previousOutputs(dir: string): Promise<string[]> {
  let names: string[];
  try {
    const json = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as { files?: { file?: unknown }[] };
    names = (json.files ?? []).map((f) => f.file).filter((f): f is string => typeof f === 'string' && path.basename(f) === f);
  } catch {
    return [];
  }
  return Promise.all(names.map((name) => realPath(path.join(dir, name))));
}

/** The real path of a file that may not exist yet (then the path itself, resolved). */
export function realPath(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}
