// dBASE III tables, the attribute part of a Shapefile. Strings are UTF-8 bytes and every width is counted in
// bytes (a Han character is 3), with `.cpg` = UTF-8 beside the file telling GDAL, QGIS and ArcGIS so.
// Field names are ASCII of at most 10 bytes: the format has 11 bytes for a NUL-terminated name.

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

/** Writes the table; a text value longer than 254 bytes is cut at a character boundary (the format's limit). */
export function writeDbf(fields: readonly DbfField[], rows: readonly DbfValue[][]): Uint8Array {
  for (const f of fields) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(f.name)) throw new Error(`DBF field name "${f.name}" must be ASCII, at most 10 bytes`);
  }
  const cells = rows.map((row) => fields.map((f, i) => encodeCell(f, row[i] ?? null)));
  const widths = fields.map((f, i) => {
    if (f.type === 'D') return 8;
    return Math.min(MAX_WIDTH, Math.max(1, ...cells.map((r) => r[i]!.length)));
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
    row.forEach((cell, i) => {
      const width = widths[i]!;
      const f = fields[i]!;
      const bytes = cell.length > width ? cutUtf8(cell, width) : cell;
      // Numbers are right-aligned, text left-aligned; both padded with spaces.
      out.fill(0x20, at, at + width);
      out.set(bytes, f.type === 'N' ? at + width - bytes.length : at);
      at += width;
    });
  }
  out[at] = 0x1a;
  return out;
}

function encodeCell(f: DbfField, value: DbfValue): Uint8Array {
  const text = formatDbfValue(f, value);
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
  /** One object per record, by field name; empty cells are null. Deleted records are skipped. */
  rows: Record<string, DbfValue>[];
}

/**
 * Reads a table. `encoding` comes from the .cpg; without one, text is UTF-8 when it decodes as such and GBK
 * otherwise (what Chinese ArcGIS wrote for years).
 */
export function readDbf(bytes: Uint8Array, encoding?: string): DbfTable {
  if (bytes.length < HEADER_BYTES) throw new Error('the .dbf is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
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
  const rows: Record<string, DbfValue>[] = [];
  for (let r = 0; r < count; r++) {
    let at = headerLength + r * recordLength;
    if (at + recordLength > bytes.length) break;
    if (bytes[at] === 0x2a) continue; // deleted
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
  return { fields: fields.map(({ width: _w, ...f }) => f), rows };
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
