// Zip archives (zipped Shapefiles, .docx) read under the resource limits. The central directory is read
// first and checked against the bytes present; only the entries a format needs are inflated, their declared
// sizes are checked against the limit before inflating, and the bytes actually inflated are counted while
// streaming (declared sizes can lie): a 4 MB zip that expands to 4 GB stops at the limit, not at the end of
// memory.
import { Inflate } from 'fflate';
import { corrupt, type Corruption } from './corrupt.js';
import type { ResourceLimits } from '../model/limits.js';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface ZipEntry {
  /** 1-based position in the central directory. */
  index: number;
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory. */
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** CRC-32 of the uncompressed data, as declared. */
  crc: number;
}

/** Which limit an archive went over, and by how much when stopped. */
export interface ArchiveLimitHit {
  what: 'archiveBytes' | 'archiveEntries';
  value: number;
  limit: number;
}

export type ZipLimits = Pick<ResourceLimits, 'archiveBytes' | 'archiveEntries'>;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/**
 * Compressed bytes handed to the inflater at a time. It hands out all it inflated from a push at once, up to
 * about 1 032 times the push (deflate's best ratio), so this bounds how far past the limit a bomb gets: 2 MB.
 */
const CHUNK = 2 * 1024;

/**
 * The central directory's entries, or the limit it goes over. Throws CorruptInput (part `part`) when a count
 * or offset disagrees with the bytes present.
 */
export function listZip(bytes: Uint8Array, part: string, limits: ZipLimits): ZipEntry[] | ArchiveLimitHit {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.length;
  const bad = (field: string, value: number, problem: Corruption['problem'], extra: Partial<Corruption> = {}): never =>
    corrupt({ part, record: 0, field, value, problem, size, ...extra });
  // The end record sits in the last 22 bytes plus a comment of at most 65 535.
  let end = -1;
  for (let at = size - 22; at >= 0 && at >= size - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) bad('directory-offset', size, 'invalid');
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryAt = view.getUint32(end + 16, true);
  if ((count === 0xffff || directoryAt === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (at + 56 > size) bad('directory-offset', at, 'past-end');
    if (view.getUint32(at, true) !== ZIP64_EOCD) bad('directory-offset', at, 'invalid');
    count = Number(view.getBigUint64(at + 32, true));
    directorySize = Number(view.getBigUint64(at + 40, true));
    directoryAt = Number(view.getBigUint64(at + 48, true));
  }
  if (count > limits.archiveEntries) return { what: 'archiveEntries', value: count, limit: limits.archiveEntries };
  if (directoryAt + directorySize > size) bad('directory-offset', directoryAt, 'past-end');
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  for (let k = 0; k < count; k++) {
    const record = (field: string, value: number, problem: Corruption['problem']): never => corrupt({ part, record: k + 1, field, value, problem, size });
    if (at + 46 > size) record('entry-count', count, 'past-end');
    if (view.getUint32(at, true) !== CENTRAL) record('entry-offset', at, 'invalid');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > size) record('entry-offset', at, 'past-end');
    const utf8 = (view.getUint16(at + 8, true) & 0x800) !== 0;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      index: k + 1,
      name: utf8 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      crc: view.getUint32(at + 16, true),
    };
    zip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Zip64 keeps the sizes and offset that overflow 32 bits in an extra field, in this order. */
function zip64Sizes(view: DataView, from: number, length: number, entry: ZipEntry): void {
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const take = () => {
        if (field + 8 > at + 4 + size) return undefined;
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = take() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
      if (entry.offset === 0xffffffff) entry.offset = take() ?? entry.offset;
      return;
    }
    at += 4 + size;
  }
}

/**
 * Inflates `entries` in order, handing each piece of output to `sink` (which may keep or drop it). Stops with
 * the limit hit when the declared or the actually inflated bytes of all of them go over archiveBytes.
 */
export function inflateZip(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  part: string,
  limits: ZipLimits,
  sink: (entry: ZipEntry, chunk: Uint8Array) => void,
): ArchiveLimitHit | null {
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.archiveBytes) return { what: 'archiveBytes', value: declared, limit: limits.archiveBytes };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  const over = new Error('archive limit');
  for (const entry of entries) {
    const bad = (field: string, value: number | string, problem: Corruption['problem']): never => corrupt({ part, record: entry.index, field, value, problem, size: bytes.length });
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL) bad('entry-offset', entry.offset, 'past-end');
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length) bad('compressed-data', entry.compressedSize, 'past-end');
    const data = bytes.subarray(start, stop);
    let crc = 0xffffffff;
    const emit = (chunk: Uint8Array) => {
      total += chunk.length;
      if (total > limits.archiveBytes) throw over;
      crc = crc32(crc, chunk);
      sink(entry, chunk);
    };
    if (entry.method === STORED) emit(data);
    else if (entry.method !== DEFLATED) bad('compression-method', entry.method, 'unsupported');
    else {
      const inflater = new Inflate(emit);
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let at = 0; at < data.length; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      } catch (err) {
        if (err === over) return { what: 'archiveBytes', value: total, limit: limits.archiveBytes };
        bad('compressed-data', entry.name, 'invalid');
      }
    }
    // Damage inside the data that still inflates shows only here.
    const actual = (crc ^ 0xffffffff) >>> 0;
    if (actual !== entry.crc) corrupt({ part, record: entry.index, field: 'checksum', value: hex(entry.crc), problem: 'checksum', expected: hex(actual) });
  }
  return null;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(crc: number, chunk: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = CRC_TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** The entries' bytes, inflated under the limits; of two entries with one name, the first. */
export function readZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[], part: string, limits: ZipLimits): Map<string, Uint8Array> | ArchiveLimitHit {
  const pieces = new Map<ZipEntry, Uint8Array[]>(entries.map((e) => [e, []]));
  const hit = inflateZip(bytes, entries, part, limits, (entry, chunk) => pieces.get(entry)!.push(chunk));
  if (hit) return hit;
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) if (!out.has(entry.name)) out.set(entry.name, concat(pieces.get(entry)!));
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
