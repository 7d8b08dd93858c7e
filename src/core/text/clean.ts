// Removes page furniture that the gazettes' PDF-to-text conversion scattered through the body (running
// headers, page numbers, the "consult" footer with a QR code), even inside sentences and coordinate
// lists, and rejoins what layout broke across lines. Furniture can name the wrong organisation
// ("咨询单位：吕梁机场有限责任公司" inside a land decision), so it must never reach a record.
import type { SourceLine } from './normalize.js';
import { isPointLine } from '../gazette/parseCoordinates.js';

const FURNITURE = new RegExp(
  [
    '^咨询单位\\s*:',
    '^咨询电话\\s*:',
    '^咨\\s*询\\s*与\\s*解\\s*读$',
    '^(?:政策解读|扫码咨询|扫码观看)$',
    '^—\\s*\\d+\\s*—$',
    '^-\\s*\\d+\\s*-$',
    // Running header: any mix of section names, the gazette's name and its issue, e.g.
    // "市政府文件 吕梁市人民政府公报 2022·4" or "市政府办公室文件 2020•3 吕梁市人民政府公报".
    '^(?:(?:市政府(?:办公室)?文件|人事任免文件|[\\p{Script=Han}]{2,14}人民政府公报|\\d{4}\\s*[·•.]\\s*\\d{1,2})\\s*)*' +
      '[\\p{Script=Han}]{2,14}人民政府公报' +
      '(?:\\s*(?:市政府(?:办公室)?文件|人事任免文件|\\d{4}\\s*[·•.]\\s*\\d{1,2}))*$',
  ].join('|'),
  'u',
);

/** Content lines: normalised, non-blank, without page furniture. */
export function clean(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    if (l.text.length === 0) continue;
    // A boundary point glued to a footer ("咨询单位：…X3＝…") is kept: points are never dropped silently.
    if (isFurniture(l.text) && !isPointLine(l.text)) continue;
    out.push(l);
  }
  return out;
}

// Every furniture line starts with one of these characters or names the gazette (公报); testing that
// first keeps the regular expression off the ordinary lines, which are nearly all of them.
const FURNITURE_STARTS = new Set([...'咨政扫—-市人'].map((c) => c.charCodeAt(0)));

function isFurniture(text: string): boolean {
  if (!FURNITURE_STARTS.has(text.charCodeAt(0)) && !text.includes('公报')) return false;
  return FURNITURE.test(text);
}

/** Lines glued back into running text, with a way back from a character offset to its source line. */
export interface JoinedText {
  text: string;
  lineAt(offset: number): number;
}

// Chinese needs no space between words, so lines are joined with nothing: "面\n积为" becomes "面积为",
// "HZ\n-21-07" becomes "HZ-21-07" and "845.\n3" becomes "845.3". A space is kept only between two
// Latin letters, where gluing would merge two words into one.
// Offsets after a removed layout space shift by its width within that line; lineAt stays exact.
export function join(lines: SourceLine[]): JoinedText {
  const starts: number[] = [];
  const numbers: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // The last character so far, kept apart: reading it back from a growing string would flatten the
  // string on every line and make joining a long document quadratic.
  let last = -1;
  for (const l of lines) {
    const piece = collapseLayoutSpaces(l.text);
    if (length > 0 && needsSpace(last, piece.charCodeAt(0))) {
      parts.push(' ');
      length += 1;
    }
    starts.push(length);
    numbers.push(l.line);
    parts.push(piece);
    length += piece.length;
    if (piece.length > 0) last = piece.charCodeAt(piece.length - 1);
  }
  const text = parts.join('');
  return {
    text,
    lineAt(offset: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      if (hi < 0) return 0;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return numbers[lo]!;
    },
  };
}

// Justified layout put spaces inside words ("土地补 偿费按照评估价 为"); between two Han characters a
// space is never meaningful, so it goes. Spaces next to digits and Latin letters stay ("2023 年").
const LAYOUT_SPACE = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;

export function collapseLayoutSpaces(text: string): string {
  return text.includes(' ') ? text.replace(LAYOUT_SPACE, '') : text;
}

function needsSpace(before: number, after: number): boolean {
  return isLatinLetter(before) && isLatinLetter(after);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
