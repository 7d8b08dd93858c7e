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
  if (utf8 !== null && !hasControlNoise(utf8)) return { decoded: { file, text: utf8, encoding: 'utf-8', hadBom: false }, diagnostics: [] };
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null && !hasControlNoise(gb)) {
    return {
      decoded: { file, text: gb, encoding: 'gb18030', hadBom: false },
      diagnostics: [diagnose('encoding-legacy', { file, line: 0 }, { encoding: 'GB18030/GBK' })],
    };
  }
  return { decoded: null, diagnostics: [diagnose('input-undecodable', { file, line: 0 })] };
}

function strictly(file: string, bytes: Uint8Array, encoding: DecodedText['encoding'], hadBom: boolean): DecodeOutcome {
  const text = tryDecode(bytes, encoding);
  if (text === null || hasControlNoise(text)) {
    return { decoded: null, diagnostics: [diagnose('input-undecodable', { file, line: 0 })] };
  }
  const diagnostics = encoding === 'utf-8' ? [] : [diagnose('encoding-legacy', { file, line: 0 }, { encoding: encoding.toUpperCase() })];
  return { decoded: { file, text, encoding, hadBom }, diagnostics };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// A text file in an 8-bit or multi-byte encoding has no NUL bytes; UTF-16 without a BOM has them in
// every other byte for ASCII and CJK-free text, which is how Excel and Notepad write it.
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero === 0) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

// GB18030 maps every byte sequence to some character, so a binary file "decodes"; control characters
// other than tab, CR, LF and form feed give it away.
function hasControlNoise(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > 0 && bad > n * 0.001;
}
