// NFKC-normalises a decoded text and splits it into physical lines, keeping each line's original number.
// NFKC folds the full-width forms gazettes mix freely (＝，；：（）－ and full-width digits) and the Kangxi
// radicals PDF extraction produces into one spelling, so every later pattern is written once.
// No code point normalises to or from a line break (checked over all of Unicode with Node 20's ICU), so
// line i of the result is line i of the file.

export interface SourceLine {
  /** NFKC text with surrounding white space removed. */
  text: string;
  /** 1-based physical line number in the original file. */
  line: number;
}

export function normalize(text: string): SourceLine[] {
  const normalized = text.normalize('NFKC');
  // Splitting on a string is three times faster than on a pattern, and most files have no CR at all.
  const lines = normalized.includes('\r') ? normalized.split(/\r\n|\r|\n/) : normalized.split('\n');
  const out: SourceLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = { text: lines[i]!.trim(), line: i + 1 };
  return out;
}

// NFKC turns circled numerals into plain digits (① → 1), which glues a label to the number after it
// ("①4175560.923" → "14175560.923"). Where labels matter, a line is normalised around them.
const CIRCLED = /([\u2460-\u2473])/;

/** One line NFKC-normalised like `normalize`, except that circled numerals ①…⑳ are kept; trimmed. */
export function normalizeKeepingCircled(line: string): string {
  if (!CIRCLED.test(line)) return line.normalize('NFKC').trim();
  return line
    .split(CIRCLED)
    .map((part) => (CIRCLED.test(part) ? part : part.normalize('NFKC')))
    .join('')
    .trim();
}
