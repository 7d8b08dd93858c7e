// Splits a gazette into its documents. The one reliable anchor is the document-number line
// ("吕政发〔2022〕15 号" alone on a line); above it stand the issuer and the title, sometimes on one line
// ("吕梁市离石区人民政府 关于没收违法建筑物的决定"), and the document runs until the next one's issuer.
import { collapseLayoutSpaces } from './clean.js';
import type { SourceLine } from './normalize.js';

export interface GazetteDocument {
  file: string;
  /** Normalised number, e.g. "吕政发〔2022〕15号". */
  doc: string;
  issuer: string;
  title: string;
  /** ISO date of the signature, when found. */
  date: string | null;
  /** Content lines from the issuer line to the last line before the next document. */
  lines: SourceLine[];
  /** Index in `lines` of the first line after the document number. */
  bodyStart: number;
}

const DOC_NUMBER = /^([\p{Script=Han}]{1,10})\s*[〔[(]\s*(\d{4})\s*[〕\])]\s*(\d+)\s*号$/u;
const ISSUER = /^([\p{Script=Han}]{2,24}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会))(?:\s+(.+))?$/u;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const TITLE_LOOKBACK = 8;
const HAO = '号'.charCodeAt(0);

export function segment(file: string, lines: SourceLine[]): GazetteDocument[] {
  const heads: { start: number; numberAt: number; doc: string; issuer: string; title: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.charCodeAt(text.length - 1) !== HAO || text.length > 24) continue;
    const m = DOC_NUMBER.exec(text);
    if (!m) continue;
    const floor = heads.length > 0 ? heads[heads.length - 1]!.numberAt + 1 : 0;
    heads.push({ ...findHeading(lines, i, floor), numberAt: i, doc: `${m[1]}〔${m[2]}〕${m[3]}号` });
  }
  return heads.map((h, k) => {
    const end = k + 1 < heads.length ? heads[k + 1]!.start : lines.length;
    const docLines = lines.slice(h.start, end);
    return {
      file,
      doc: h.doc,
      issuer: h.issuer,
      title: h.title,
      date: findSignatureDate(docLines, h.issuer),
      lines: docLines,
      bodyStart: h.numberAt - h.start + 1,
    };
  });
}

function findHeading(lines: SourceLine[], numberAt: number, floor: number): { start: number; issuer: string; title: string } {
  const lowest = Math.max(floor, numberAt - TITLE_LOOKBACK);
  for (let j = numberAt - 1; j >= lowest; j--) {
    const text = lines[j]!.text;
    if (text.startsWith('关于')) continue;
    const m = ISSUER.exec(text);
    if (!m) continue;
    const parts = [m[2] ?? '', ...lines.slice(j + 1, numberAt).map((l) => l.text)];
    return { start: j, issuer: m[1]!, title: joinTitle(parts) };
  }
  // No issuer line: take the title lines that start with 关于 just above the number.
  let start = numberAt;
  while (start - 1 >= lowest && !/[。:;]$/.test(lines[start - 1]!.text)) {
    start--;
    if (lines[start]!.text.startsWith('关于')) break;
  }
  return { start, issuer: '', title: joinTitle(lines.slice(start, numberAt).map((l) => l.text)) };
}

function joinTitle(parts: string[]): string {
  return collapseLayoutSpaces(parts.join('').replace(/\s+/g, ' ').trim());
}

// The signature date is the first date line that follows the issuer's name (or a line ending in it,
// where layout merged "…注销登记。 吕梁市人民政府"); dates in attachments come later.
function findSignatureDate(lines: SourceLine[], issuer: string): string | null {
  let first: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const m = DATE.exec(lines[i]!.text);
    if (!m) continue;
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const before = lines[i - 1]!.text;
    if ((issuer && before.endsWith(issuer)) || /(?:人民政府|办公室|办公厅)$/.test(before)) return iso;
    first ??= iso;
  }
  return first;
}
