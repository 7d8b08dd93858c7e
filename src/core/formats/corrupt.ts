// A corrupt binary file (.shp, .shx, .dbf, zip) names the part, the record and the field that disagree with
// the bytes present. Parsers throw CorruptInput at the first such field; the reader turns it into an
// import-corrupt diagnostic, so no DataView or typed-array message ever reaches a user.
import { diagnose } from '../diagnostics/catalogue.js';
import type { Diagnostic, SourceSpan } from '../model/types.js';

export interface Corruption {
  /** The file within the input: parcels.shp, parcels.dbf, or the zip itself. */
  part: string;
  /** 1-based record number; 0 for the header. */
  record: number;
  /** A key of the catalogue's corrupt-field names ('content-length', 'record-count', …). */
  field: string;
  value: number | string;
  problem: 'negative' | 'past-end' | 'past-record' | 'unclosed' | 'checksum' | 'too-small' | 'out-of-range' | 'mismatch' | 'unsupported' | 'invalid';
  /** Bytes present (past-end), or in the record (past-record). */
  size?: number;
  /** The minimum (too-small), range (out-of-range) or other file's value (mismatch). */
  expected?: number | string;
  /** The other file of a mismatch. */
  other?: string;
}

export class CorruptInput extends Error {
  constructor(readonly corruption: Corruption) {
    super(`${corruption.part} record ${corruption.record}: ${corruption.field} ${corruption.value} (${corruption.problem})`);
  }
}

export function corrupt(c: Corruption): never {
  throw new CorruptInput(c);
}

export function corruptDiagnostic(source: SourceSpan, c: Corruption): Diagnostic {
  const { part, record, field, value, problem, size, expected, other } = c;
  return diagnose('import-corrupt', source, { part, record, field, value, problem, ...(size !== undefined ? { size } : {}), ...(expected !== undefined ? { expected } : {}), ...(other !== undefined ? { other } : {}) });
}


/** A coordinate no double holds (NaN, ±Infinity, or 1e309 read as Infinity), named with its feature or line. */
export function nonFiniteCoordinate(source: SourceSpan, value: number | string): Diagnostic {
  const text = String(value);
  return diagnose('import-coordinate-not-finite', source, { value: text.length > 24 ? `${text.slice(0, 24)}…` : text });
}
