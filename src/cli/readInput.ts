// Reading one input with a bounded amount of memory. A file's size says nothing for pipes and devices (0 for
// /dev/zero, /dev/urandom and every pipe), so bytes are counted as they arrive and reading stops one byte past
// the limit; devices and sockets are refused before a byte is read.
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { diagnose } from '../core/diagnostics/catalogue.js';
import { limitExceeded, tooLarge } from '../core/diagnostics/limitDiagnostics.js';
import type { Diagnostic } from '../core/model/types.js';
import { LIMIT_SETTINGS, MAX_INPUT_FLAG } from './limits.js';

/** The argument that names stdin. */
export const STDIN = '-';

/** /dev/stdin is often a socket (Node and many shells' parents pass one), which open() refuses: read it as stdin. */
const STDIN_PATHS = new Set([STDIN, '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export interface ReadInput {
  bytes: Uint8Array;
  sha256: string;
  /** dev:ino of a file, so that an output can be checked against it; null for stdin. */
  identity: string | null;
}

export function identityOf(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

/** Why a path cannot be opened, in words rather than an errno alone. */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
  };
  return e?.code ? `${words[e.code] ?? e.message} (${e.code})` : String(e?.message ?? err);
}

/** What kind of non-regular file a stat describes, or null for a regular file or a pipe (both are read). */
function refusedKind(info: Stats): { kindZh: string; kindEn: string } | null {
  if (info.isFile() || info.isFIFO()) return null;
  if (info.isCharacterDevice()) return { kindZh: '字符设备', kindEn: 'a character device' };
  if (info.isBlockDevice()) return { kindZh: '块设备', kindEn: 'a block device' };
  if (info.isSocket()) return { kindZh: '套接字', kindEn: 'a socket' };
  return { kindZh: '特殊文件', kindEn: 'a special file' };
}

/**
 * Reads `path` (or stdin for "-") whole when it holds at most `limit` bytes. `name` is how diagnostics name it.
 * Never throws: anything that stops the read is a diagnostic.
 */
export async function readInput(path: string, name: string, limit: number): Promise<ReadInput | { diagnostic: Diagnostic }> {
  if (STDIN_PATHS.has(path)) return readStream(process.stdin, name, limit, null);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    return { diagnostic: diagnose('input-cannot-open', { file: name, line: 0 }, { reason: describeError(err) }) };
  }
  const kind = refusedKind(info);
  if (kind) return { diagnostic: diagnose('input-not-file', { file: name, line: 0 }, kind) };
  // A regular file's size is known: refuse before reading. It is still counted below, in case it grows.
  if (info.isFile() && info.size > limit) return { diagnostic: tooLarge(name, info.size, limit) };
  return readStream(createReadStream(path, { highWaterMark: 1 << 20 }), name, limit, identityOf(info));
}

/**
 * An input still going when the limit was reached: a pipe, stdin, a file that grew while it was read. Only that
 * it exceeds the limit is known, not its size.
 */
function limitReached(file: string, limit: number): Diagnostic {
  return limitExceeded({ file, line: 0 }, 'inputBytes', `> ${(limit / 1e6).toFixed(limit < 1e7 ? 1 : 0)} MB`, limit, `${MAX_INPUT_FLAG}, ${LIMIT_SETTINGS.inputBytes.env}`);
}

async function readStream(stream: NodeJS.ReadableStream & { destroy?: () => void }, name: string, limit: number, identity: string | null): Promise<ReadInput | { diagnostic: Diagnostic }> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > limit) {
        stream.destroy?.();
        return { diagnostic: limitReached(name, limit) };
      }
      hash.update(buf);
      chunks.push(buf);
    }
  } catch (err) {
    return { diagnostic: diagnose('input-cannot-open', { file: name, line: 0 }, { reason: describeError(err) }) };
  }
  return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), sha256: hash.digest('hex'), identity };
}
