// Turns the bytes of an input file into text. Gazettes and bureau files arrive as UTF-8 (with or without
// BOM), GBK/GB18030 from older Windows tools, or UTF-16 from Excel exports; the encoding used is reported
// so a planner can tell why a file reads oddly.
import { diagnose } from '../diagnostics/catalogue.js';
import type { DecodedText, Diagnostic } from '../model/types.js';

export interface DecodeOutcome {
  decoded: DecodedText | null;
  diagnostics: Diagnostic[];
}

const SNIFF_BYTES = 8192;

export function decode(file: string, bytes: Uint8Array): DecodeOutcome {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictly(file, bytes.subarray(3), 'utf-8', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return strictly(file, bytes.subarray(2), 'utf-16le', true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return strictly(file, bytes.subarray(2), 'utf-16be', true);
  }
  const bomless16 = sniffUtf16(bytes);
  if (bomless16) return strictly(file, bytes, bomless16, false);
  if (looksBinary(bytes)) {
    return { decoded: null, diagnostics: [diagnose('input-binary', { file, line: 0 })] };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null && !hasControlNoise(utf8)) return withoutStrayControls(file, utf8, 'utf-8', []);
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null && !hasControlNoise(gb)) return withoutStrayControls(file, gb, 'gb18030', [diagnose('encoding-legacy', { file, line: 0 }, { encoding: 'GB18030/GBK' })]);
  return { decoded: null, diagnostics: [diagnose(hasNul(bytes) ? 'input-binary' : 'input-undecodable', { file, line: 0 })] };
}

function strictly(file: string, bytes: Uint8Array, encoding: DecodedText['encoding'], hadBom: boolean): DecodeOutcome {
  const text = tryDecode(bytes, encoding);
  if (text === null || hasControlNoise(text)) {
    return { decoded: null, diagnostics: [diagnose('input-undecodable', { file, line: 0 })] };
  }
  const diagnostics = encoding === 'utf-8' ? [] : [diagnose('encoding-legacy', { file, line: 0 }, { encoding: encoding.toUpperCase() })];
  return withoutStrayControls(file, text, encoding, diagnostics, hadBom);
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, as Excel and Notepad write it. Its code units read as text in one byte order: ASCII
 * with a zero high byte, Han characters in U+4E00–U+9FFF (一 U+4E00, 开 U+5F00 and 销 U+9500 have a zero low
 * byte), full-width punctuation, valid surrogate pairs. UTF-8 and GBK read as UTF-16 give private-use, Hangul,
 * Yi and lone-surrogate units instead. A file valid as UTF-8 with only a few NULs is UTF-8 with stray NULs.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  const sample = bytes.subarray(0, n);
  const zeros = countNul(sample);
  // Real text in UTF-16 has line breaks, digits or spaces, each with a zero byte.
  if (zeros === 0) return null;
  if (zeros < n * 0.01 && validUtf8Prefix(sample)) return null;
  const le = utf16Score(sample, true);
  const be = utf16Score(sample, false);
  const best = le.score >= be.score ? le : be;
  if (best.plausible < (n / 2) * 0.95) return null;
  return best === le ? 'utf-16le' : 'utf-16be';
}

function utf16Score(bytes: Uint8Array, littleEndian: boolean): { plausible: number; score: number } {
  let plausible = 0;
  let ascii = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 3 < bytes.length) {
      const next = littleEndian ? bytes[i + 2]! | (bytes[i + 3]! << 8) : (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (next >= 0xdc00 && next <= 0xdfff) {
        plausible += 2;
        i += 2;
      }
      continue;
    }
    if (plausibleUnit(unit)) plausible++;
    if (unit < 0x80) ascii++;
  }
  // Both byte orders of ASCII-heavy text can land in Han ranges (0x4100 is U+4100); the right one is ASCII.
  return { plausible, score: plausible + ascii };
}

const PLAUSIBLE_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f], // Latin-1 and Latin Extended: ×, °, ±, ü
  [0x370, 0x3ff], // Greek, for formulae
  [0x2000, 0x22ff], // punctuation, letterlike symbols, number forms (Ⅱ), arrows, mathematics
  [0x2460, 0x25ff], // ①, box drawing, □ ■ △
  [0x3000, 0x30ff], // CJK punctuation (、。〔〕), kana
  [0x3200, 0x9fff], // enclosed CJK (㈠), compatibility (㎡), Extension A, unified ideographs
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xfeff, 0xffef], // zero-width no-break space, full- and half-width forms
];

function plausibleUnit(unit: number): boolean {
  if (unit === 0x09 || unit === 0x0a || unit === 0x0d || unit === 0x0c) return true;
  for (const [low, high] of PLAUSIBLE_RANGES) if (unit >= low && unit <= high) return true;
  return false;
}

/** Valid UTF-8 up to a sequence the sample's end may have cut. */
function validUtf8Prefix(sample: Uint8Array): boolean {
  let end = sample.length;
  for (let k = 0; k < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80; k++) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  return tryDecode(sample.subarray(0, end), 'utf-8') !== null;
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) n++;
  return n;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) >= 0;
}

/**
 * Binary is decided by proportion, not by one byte: a text with a stray NUL keeps all its other lines. Early
 * exit on the first 8 KB when control bytes are over 1% of them; hasControlNoise then judges the whole text.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) if (isControl(bytes[i]!)) control++;
  return control >= STRAY_TOLERATED && control > n * 0.01;
}

/** Up to this many control characters are stray however short the text: each costs its line, not the file. */
const STRAY_TOLERATED = 8;

function isControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c;
}

// GB18030 maps every byte sequence to some character, so a binary file "decodes"; control characters
// other than tab, CR, LF and form feed give it away, over the whole text and by proportion.
function hasControlNoise(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isControl(c) || c === 0xfffd) bad++;
  }
  return bad >= STRAY_TOLERATED && bad > text.length * 0.001;
}

/** Lines listed one by one; beyond this, the last one says how many more there are. */
const STRAY_LINES_LISTED = 100;
const STRAY = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/** A line holding a stray control character (a NUL from a damaged transfer) is dropped, keeping line numbers. */
function withoutStrayControls(file: string, text: string, encoding: DecodedText['encoding'], diagnostics: Diagnostic[], hadBom = false): DecodeOutcome {
  if (!STRAY.test(text)) return { decoded: { file, text, encoding, hadBom }, diagnostics };
  const parts = text.split(/(\r\n|\r|\n)/);
  const hits: { line: number; char: string }[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const found = STRAY.exec(parts[k]!);
    if (!found) continue;
    hits.push({ line: k / 2 + 1, char: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    // Emptied between a bare CR and an LF, the line would join them into one CRLF break: a space keeps both.
    parts[k] = parts[k - 1] === '\r' && parts[k + 1] === '\n' ? ' ' : '';
  }
  const listed = hits.slice(0, STRAY_LINES_LISTED).map((h, i) =>
    diagnose('input-control-character', { file, line: h.line }, { char: h.char, more: i === STRAY_LINES_LISTED - 1 ? hits.length - STRAY_LINES_LISTED : 0 }),
  );
  return { decoded: { file, text: parts.join(''), encoding, hadBom }, diagnostics: [...diagnostics, ...listed] };
}
