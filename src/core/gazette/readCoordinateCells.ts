// Reads one line of a document as cells of a coordinate table, wherever the table came from: a web page
// that flattened it one cell per line, a PDF that kept two point columns side by side, a notice typed with
// "1、2705388.21，38341172.64". A line is one of three things:
//   coord  cells only, and at least one of them a coordinate (a northing, an easting, a 度分秒 value);
//   cell   cells only, none a coordinate: a point label alone, a header (拐点 X Y), a section mark (一), "|";
//   prose  anything a table does not hold: words, quantities with units, dates, ranges.
// Only coord lines can become points, and only beside other cells: a number inside a sentence is never a
// coordinate, so dates, money, phone numbers, elevations and degree ranges in the prose stay prose.
import { isPointLine, parsePointLine, type ParsedPoint } from './parseCoordinates.js';
import type { Diagnostic } from '../model/types.js';

export type Cell =
  /**
   * A point number; strong when its form says so (J1, 拐点1, ①, 1、), weak for a bare integer. `series` is the
   * letter in front (J, N, G): two series side by side in one table are two rings.
   */
  | { t: 'label'; n: number; strong: boolean; series: string }
  /** A coordinate whose digits the publisher replaced by asterisks ("****248.17"): unreadable. */
  | { t: 'masked' }
  /** A grid coordinate: a 7-digit northing, or an easting of 8 digits (zone prefix) or 6. */
  | { t: 'grid'; axis: 'north' | 'east'; value: number; decimals: number }
  /** A 度分秒 value; latitude and longitude never overlap in China (3–54° against 73–136°). */
  | { t: 'dms'; axis: 'lat' | 'lon'; value: number; secondDecimals: number }
  /** A section mark alone in a cell (一, 二, A区, 一矿段): a new ring starts. */
  | { t: 'section'; mark: string }
  /** A whole point read by the gazette line parser ("X1=…，Y1=…"). */
  | { t: 'point'; point: ParsedPoint }
  /** A number that is neither a label nor a coordinate (an elevation column, a 0 placeholder): skipped. */
  | { t: 'other' };

export interface LineCells {
  kind: 'coord' | 'cell' | 'prose';
  cells: Cell[];
  /** Diagnostics of the gazette line parser for an "X1=" line it could not read. */
  diagnostics: Diagnostic[];
}

const PROSE: LineCells = { kind: 'prose', cells: [], diagnostics: [] };

/** Cheap test that a line may hold a coordinate: six digits in a row, a degree sign, "31 23 03.2", "**248.17". */
export function mayHoldCoordinate(text: string): boolean {
  return /\d{6}|°|\d度|\d \d\d \d\d\.\d|\*\*\d/.test(text) || isPointLine(text);
}

// Words of table headers and cells that are not prose: 拐点编号, X坐标, 北纬, 界址点号, 起标高 …
const HEADER_WORD = /^(?:拐点|点号|界址点|界址|顶点|序号|编号|点|号|坐标|北纬|东经|纬度|经度|北|东|矿段|采区|区段|地块|块段|宗海|备注|起标高|止标高|标高|及|和)+$/u;
const SECTION_WORD = /^(?:第?[一二三四五六七八九十]{1,3}(?:矿段|号矿段|采区|区|号区|地块|号地块|块段|段)?|地块\d{1,3})$/u;
const LATIN_SECTION = /^(?:[A-H]|\d{1,2})(?:区|矿段|地块|块段)$/u;
const CIRCLED = /[\u2460-\u2473]/;
/** One token of a cell: a 度分秒 value, a circled numeral, a labelled number, a number, a word, or one other character. */
const TOKEN =
  /(\d{1,3})\s*[°度]\s*(\d{1,2})\s*(?:['′]|分)\s*(\d{1,2}(?:\.\d+)?)\s*(?:"|″|′′|''|秒)?|([\u2460-\u2473])|(?:拐点|界址点|点号|([A-WZ]{1,2}|[jp]) ?)(\d{1,5})(?![\d.])|(\*{2,}\d+(?:\.\d*)?)|(\d+(?:\.\d*)?)(\s*、)?|([\p{Script=Han}]+)|([A-Za-z]+)|(\S)/gu;
const CELL_NOTE = /^[\p{Script=Han}\d]*(?:坐标系|高程系?|坐标)$/u;
const SPACED_DMS = /^(\d{1,3})\s+(\d{1,2})\s+(\d{1,2}(?:\.\d+)?)$/;
/** Characters a table cell may carry besides its value: separators and the debris of lost characters. */
const NEUTRAL = new Set([...',;:|/\\?*#()[]<>-_=.、，；：·•']);
const LATIN_HEADER = /^(?:X|Y|x|y|N|E|B|L|XY|m|NO|No|no)$/;

/** Reads `text` (simplified, NFKC, circled numerals kept) as table cells. */
export function readCoordinateCells(file: string, line: number, text: string): LineCells {
  if (isPointLine(text)) {
    const parsed = parsePointLine(file, { text, line });
    return { kind: 'coord', cells: parsed.points.map((point) => ({ t: 'point', point })), diagnostics: parsed.diagnostics };
  }
  // A range ("37°41′55″~37°42′36″", "+77~+9.5m") is a description, never a pair of coordinates.
  if (/[~～至]/.test(text)) return PROSE;
  const cells: Cell[] = [];
  const parts = /[|\t]/.test(text) ? text.split(/[|\t]/) : [text];
  for (const part of parts) {
    const cell = part.trim();
    if (cell.length === 0) continue;
    const spaced = SPACED_DMS.exec(cell);
    if (spaced && parts.length > 1) {
      const dms = toDms(spaced[1]!, spaced[2]!, spaced[3]!);
      if (!dms) return PROSE;
      cells.push(dms);
      continue;
    }
    // A note in a cell of its own ("| 2000国家大地坐标系 |") is not part of any point.
    if (parts.length > 1 && CELL_NOTE.test(cell)) continue;
    if (SECTION_WORD.test(cell) || LATIN_SECTION.test(cell)) {
      cells.push({ t: 'section', mark: cell });
      continue;
    }
    if (!readTokens(cell, cells)) return PROSE;
  }
  const coordinates = cells.some((c) => c.t === 'grid' || c.t === 'dms' || c.t === 'masked');
  return { kind: coordinates ? 'coord' : 'cell', cells, diagnostics: [] };
}

/** Appends the cells of one table cell; false when it is prose. */
function readTokens(cell: string, cells: Cell[]): boolean {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(cell)) !== null) {
    if (m[1] !== undefined) {
      const dms = toDms(m[1], m[2]!, m[3]!);
      if (!dms) return false;
      cells.push(dms);
    } else if (m[4] !== undefined) {
      cells.push({ t: 'label', n: m[4].charCodeAt(0) - 0x2460 + 1, strong: true, series: '' });
    } else if (m[6] !== undefined) {
      cells.push({ t: 'label', n: Number(m[6]), strong: true, series: (m[5] ?? '').toUpperCase() });
    } else if (m[7] !== undefined) {
      cells.push({ t: 'masked' });
    } else if (m[8] !== undefined) {
      const next = cell.charCodeAt(TOKEN.lastIndex);
      // A number glued to a word or a unit (2016年, 17269㎡→m2, 77米, 50%) is a quantity, not a cell.
      if (isLetterOrUnit(next)) return false;
      const number = readNumber(m[8], m[9] !== undefined);
      if (!number) return false;
      cells.push(number);
    } else if (m[10] !== undefined) {
      if (SECTION_WORD.test(m[10]) && cells.length === 0) cells.push({ t: 'section', mark: m[10] });
      else if (!HEADER_WORD.test(m[10])) return false;
    } else if (m[11] !== undefined) {
      if (!LATIN_HEADER.test(m[11])) return false;
    } else if (!NEUTRAL.has(m[12]!) && !CIRCLED.test(m[12]!)) {
      return false;
    }
  }
  return true;
}

function isLetterOrUnit(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x25) return true; // Latin letters, %
  return c >= 0x3400 && c !== 0x3001; // Han and other wide characters, except 、
}

/** A number as a cell: a label (small integer), a coordinate, another number; null for an enumerated decimal. */
function readNumber(text: string, enumerated: boolean): Cell | null {
  const dot = text.indexOf('.');
  const integer = dot < 0 ? text : text.slice(0, dot);
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  const value = Number(text);
  if (enumerated || (dot < 0 && integer.length <= 5)) {
    return dot < 0 && integer.length <= 5 ? { t: 'label', n: value, strong: enumerated, series: '' } : null;
  }
  if (integer.length === 7 && value >= 1.5e6 && value < 6.1e6) return { t: 'grid', axis: 'north', value, decimals };
  if (integer.length === 8 && hasZonePrefix(value)) return { t: 'grid', axis: 'east', value, decimals };
  if (integer.length === 6 && value >= 1e5 && value < 9e5) return { t: 'grid', axis: 'east', value, decimals };
  return { t: 'other' };
}

function hasZonePrefix(value: number): boolean {
  const prefix = Math.floor(value / 1e6);
  const inZone = value % 1e6;
  return ((prefix >= 13 && prefix <= 23) || (prefix >= 25 && prefix <= 45)) && inZone >= 1e5 && inZone < 9e5;
}

function toDms(d: string, m: string, s: string): Cell | null {
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes >= 60 || seconds >= 60) return null;
  const value = Number(d) + minutes / 60 + seconds / 3600;
  const dot = s.indexOf('.');
  const secondDecimals = dot < 0 ? 0 : s.length - dot - 1;
  if (value >= 3 && value <= 54) return { t: 'dms', axis: 'lat', value, secondDecimals };
  if (value >= 73 && value <= 136) return { t: 'dms', axis: 'lon', value, secondDecimals };
  return null;
}
