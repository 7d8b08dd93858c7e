// dBASE III tables, the attribute part of a Shapefile. Strings are UTF-8 bytes and every width is counted in
// bytes (a Han character is 3), with `.cpg` = UTF-8 beside the file telling GDAL, QGIS and ArcGIS so.
// Field names are ASCII of at most 10 bytes: the format has 11 bytes for a NUL-terminated name.

import { diagnose } from '../../diagnostics/catalogue.js';
import type { Corruption } from '../corrupt.js';
import type { Diagnostic, SourceSpan } from '../../model/types.js';

export type DbfValue = string | number | null;

export interface DbfField {
  name: string;
  /** C: text, N: number, D: date (a YYYY-MM-DD string). */
  type: 'C' | 'N' | 'D';
  /** Digits after the decimal point of an N field. */
  decimals?: number;
}

const MAX_WIDTH = 254;
const encoder = new TextEncoder();
const HEADER_BYTES = 32;
const FIELD_BYTES = 32;

export interface DbfWritten {
  bytes: Uint8Array;
  /** Values cut to the format's 254 bytes or cleaned of control characters, by record and field. */
  diagnostics: Diagnostic[];
}

/**
 * Writes the table. A text value longer than 254 bytes (the format's limit) is cut at a character boundary,
 * and a control character (NUL ends a value for most readers) becomes a space; both are reported, with the
 * record's source when `sources` gives one.
 */
export function writeDbf(fields: readonly DbfField[], rows: readonly DbfValue[][], sources: readonly (SourceSpan | undefined)[] = []): DbfWritten {
  for (const f of fields) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(f.name)) throw new Error(`DBF field name "${f.name}" must be ASCII, at most 10 bytes`);
  }
  const diagnostics: Diagnostic[] = [];
  const cells = rows.map((row, r) =>
    fields.map((f, i) => {
      const text = formatDbfValue(f, row[i] ?? null);
      const control = CONTROL.exec(text);
      if (control) diagnostics.push(diagnose('export-control-character', sources[r], { record: r + 1, field: f.name, char: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }));
      const cell = encodeCell(f, control ? text.replace(CONTROL_ALL, ' ') : text);
      if (cell.length <= MAX_WIDTH) return cell;
      const cut = cutUtf8(cell, MAX_WIDTH);
      diagnostics.push(diagnose('export-text-cut', sources[r], { record: r + 1, field: f.name, bytes: cell.length, kept: cut.length }));
      return cut;
    }),
  );
  const widths = fields.map((f, i) => {
    if (f.type === 'D') return 8;
    return Math.max(1, ...cells.map((r) => r[i]!.length));
  });
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const headerLength = HEADER_BYTES + FIELD_BYTES * fields.length + 1;
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = HEADER_BYTES + FIELD_BYTES * i;
    out.set(encoder.encode(f.name), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = widths[i]!;
    out[at + 17] = f.type === 'N' ? (f.decimals ?? 0) : 0;
  });
  out[headerLength - 1] = 0x0d;
  let at = headerLength;
  for (const row of cells) {
    out[at++] = 0x20; // not deleted
    row.forEach((bytes, i) => {
      const width = widths[i]!;
      // Numbers are right-aligned, text left-aligned; both padded with spaces.
      out.fill(0x20, at, at + width);
      out.set(bytes, fields[i]!.type === 'N' ? at + width - bytes.length : at);
      at += width;
    });
  }
  out[at] = 0x1a;
  return { bytes: out, diagnostics };
}

// C0 controls and DEL; tab and line breaks included, as no DBF reader keeps them.
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

function encodeCell(f: DbfField, text: string): Uint8Array {
  return encoder.encode(f.type === 'D' ? text.replace(/-/g, '').slice(0, 8) : text);
}

/** A value as the table shows it: numbers to the field's decimals, dates YYYY-MM-DD; empty for null. */
export function formatDbfValue(f: DbfField, value: DbfValue): string {
  if (value === null) return '';
  if (f.type === 'N') {
    const n = Number(value);
    return Number.isFinite(n) ? n.toFixed(f.decimals ?? 0) : '';
  }
  return String(value);
}

/** The longest prefix of at most `max` bytes that ends on a UTF-8 character boundary. */
function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

export interface DbfTable {
  fields: DbfField[];
  /** One object per record, by field name, so that row i belongs to shape i; empty cells are null, deleted records null. */
  rows: (Record<string, DbfValue> | null)[];
  /** The first length or count that disagrees with the bytes present; what could be read is in rows. */
  problem: Corruption | null;
}

/**
 * Reads a table named `part`, checking its lengths and counts against the bytes present. `encoding` comes from
 * the .cpg; without one, text is UTF-8 when it decodes as such and GBK otherwise (what Chinese ArcGIS wrote
 * for years).
 */
export function readDbf(bytes: Uint8Array, encoding: string | undefined, part: string): DbfTable {
  const size = bytes.length;
  const fail = (field: string, value: number, problem: Corruption['problem'], extra: Partial<Corruption> = {}): DbfTable => ({
    fields: [],
    rows: [],
    problem: { part, record: 0, field, value, problem, size, ...extra },
  });
  if (size < HEADER_BYTES) return fail('header-length', HEADER_BYTES, 'past-end');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < HEADER_BYTES + 1) return fail('header-length', headerLength, 'too-small', { expected: HEADER_BYTES + 1 });
  if (headerLength > size) return fail('header-length', headerLength, 'past-end');
  const fields: (DbfField & { width: number })[] = [];
  // Field names are in the table's code page too: ArcGIS writes Chinese names (地块编号 is 8 bytes in GBK).
  const decoder = textDecoder(bytes.subarray(headerLength), encoding);
  for (let at = HEADER_BYTES; at + FIELD_BYTES <= headerLength && bytes[at] !== 0x0d; at += FIELD_BYTES) {
    const nameBytes = bytes.subarray(at, at + 11);
    const nul = nameBytes.indexOf(0);
    const name = decoder.decode(nul < 0 ? nameBytes : nameBytes.subarray(0, nul)).trim();
    const type = String.fromCharCode(bytes[at + 11]!);
    fields.push({ name, type: type === 'N' || type === 'F' ? 'N' : type === 'D' ? 'D' : 'C', decimals: bytes[at + 17]!, width: bytes[at + 16]! });
  }
  const needed = 1 + fields.reduce((n, f) => n + f.width, 0);
  if (recordLength < needed) return fail('record-length', recordLength, 'too-small', { expected: needed });
  // The count is bounded by the bytes present before the loop; a short table reads what it holds and says so.
  const present = Math.floor((size - headerLength) / recordLength);
  const problem: Corruption | null = count > present ? { part, record: 0, field: 'record-count', value: count, problem: 'past-end', size } : null;
  const rows: (Record<string, DbfValue> | null)[] = [];
  for (let r = 0; r < Math.min(count, present); r++) {
    let at = headerLength + r * recordLength;
    if (bytes[at] === 0x2a) {
      rows.push(null); // deleted
      continue;
    }
    at++;
    const row: Record<string, DbfValue> = {};
    for (const f of fields) {
      const text = decoder.decode(bytes.subarray(at, at + f.width)).trim();
      at += f.width;
      if (text === '' || /^\*+$/.test(text)) row[f.name] = null;
      else if (f.type === 'N') row[f.name] = Number(text);
      else if (f.type === 'D') row[f.name] = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text;
      else row[f.name] = text;
    }
    rows.push(row);
  }
  return { fields: fields.map(({ width: _w, ...f }) => f), rows, problem };
}

function textDecoder(body: Uint8Array, encoding: string | undefined): { decode(bytes: Uint8Array): string } {
  const named = encoding?.trim().toLowerCase();
  if (named) {
    if (/^(utf-?8|65001)$/.test(named)) return new TextDecoder('utf-8');
    if (/^(gbk|gb2312|gb18030|cp936|936|ansi 936)$/.test(named)) return new TextDecoder('gb18030');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}
