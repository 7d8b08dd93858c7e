// Reads boundary-point lines ("X1＝4153899.979，Y1＝37512131.140；" and its 13 printed variants, all
// alike after NFKC) and assembles them into rings. Surveyors number points J1…Jn and close the ring by
// repeating point 1, usually ending the list with "。"; numbering restarts for the next parcel.
// Nothing is dropped silently: every line that looks like a point either becomes one or a diagnostic.
import { diagnose } from '../diagnostics/catalogue.js';
import type { SourceLine } from '../text/normalize.js';
import type { BoundaryPoint, Diagnostic } from '../model/types.js';

/** A line that claims to hold a boundary point: "X<number>=" anywhere in it, even when what follows is unreadable. */
const POINT_HINT = /X\s*\d+\s*=/i;
const POINT = /X\s*(\d+)\s*=\s*(-?\d+(?:\.(\d*))?)\s*[,;]?\s*Y\s*(\d+)\s*=\s*(-?\d+(?:\.(\d*))?)\s*([;。.,])?/giy;
const X_CODE = 'X'.charCodeAt(0);
const x_CODE = 'x'.charCodeAt(0);
/**
 * A row of a coordinate table (Word, PDF): point number (J1 or 1), X with 7 integer digits, Y with 6 or 8
 * (unprefixed or zone-prefixed), separated by tabs, spaces or commas. Column order is decided by digit
 * count, as surveyors' tables never print Y first with the same width as X.
 */
const TABLE_ROW = /^J?\s*(\d{1,6})[\t ,]+(\d{7}(?:\.(\d+))?)[\t ,]+(\d{6}(?:\d{2})?(?:\.(\d+))?)$/i;

export interface ParsedPoint extends BoundaryPoint {
  /** The punctuation after the point; "。" ends a list. */
  terminator: string;
}

export function isPointLine(text: string): boolean {
  const c = text.charCodeAt(0);
  if (isTableRowStart(c) && TABLE_ROW.test(text)) return true;
  // Most point lines start with X; the regex scan handles the rest (a point glued after other text).
  if (c !== X_CODE && c !== x_CODE && text.indexOf('=') < 0) return false;
  return POINT_HINT.test(text);
}

function isTableRowStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x4a || c === 0x6a; // a digit, J or j
}

/** Parses one point line; a line that cannot be read becomes a diagnostic naming it. */
export function parsePointLine(file: string, line: SourceLine): { points: ParsedPoint[]; diagnostics: Diagnostic[] } {
  const source = { file, line: line.line };
  const text = line.text;
  const row = TABLE_ROW.exec(text);
  if (row) {
    const point = { label: Number(row[1]), x: Number(row[2]), y: Number(row[4]), xDecimals: row[3]?.length ?? 0, yDecimals: row[5]?.length ?? 0 };
    return { points: [{ ...point, terminator: '', source }], diagnostics: [] };
  }
  const points: ParsedPoint[] = [];
  const diagnostics: Diagnostic[] = [];
  const start = text.search(/X\s*\d+\s*=/i);
  POINT.lastIndex = start < 0 ? 0 : start;
  let m: RegExpExecArray | null;
  let end = POINT.lastIndex;
  while ((m = POINT.exec(text)) !== null) {
    const xLabel = Number(m[1]);
    const yLabel = Number(m[4]);
    const x = Number(m[2]);
    const y = Number(m[5]);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isSafeInteger(xLabel)) break;
    if (xLabel !== yLabel) diagnostics.push(diagnose('point-label-mismatch', source, { x: xLabel, y: yLabel }));
    points.push({
      label: xLabel,
      x,
      y,
      xDecimals: m[3]?.length ?? 0,
      yDecimals: m[6]?.length ?? 0,
      terminator: m[7] ?? '',
      source,
    });
    end = POINT.lastIndex;
    while (end < text.length && text.charCodeAt(end) === 0x20) end++;
    POINT.lastIndex = end;
  }
  if (points.length === 0 || end < text.length) {
    return { points: [], diagnostics: [diagnose('point-unparsed', source, { text: clip(text) })] };
  }
  return { points, diagnostics };
}

export interface Ring {
  /** Vertices in printed order, without the closing repeat of point 1. */
  points: ParsedPoint[];
  closing: ParsedPoint | null;
  diagnostics: Diagnostic[];
}

/** Half a millimetre: two printed 3-decimal coordinates closer than this are the same point. */
const SAME_POINT_M = 0.0005;

/** Splits a sequence of points into rings: a ring ends on the repeat of its first point or on "。". */
export function assembleRings(points: ParsedPoint[]): Ring[] {
  const rings: Ring[] = [];
  let current: Ring | null = null;
  const finish = () => {
    if (current) {
      checkNumbering(current);
      rings.push(current);
      current = null;
    }
  };
  for (const p of points) {
    const previous = rings[rings.length - 1];
    if (current === null && previous?.closing && isRepeatOf(p, previous.closing)) {
      // The closing line printed twice is not a ring of its own.
      previous.diagnostics.push(diagnose('point-number-duplicate', p.source, { label: p.label }));
      continue;
    }
    if (current === null) current = { points: [], closing: null, diagnostics: [] };
    const ring: Ring = current;
    const first = ring.points[0];
    if (first && ring.points.length >= 2 && (samePoint(first, p) || (p.label === 1 && p.terminator === '。'))) {
      ring.closing = p;
      if (!samePoint(first, p)) {
        ring.diagnostics.push(diagnose('ring-closing-differs', p.source, { distance: distance(first, p).toFixed(3) }));
      }
      finish();
      continue;
    }
    if (first && p.label === 1 && !samePoint(first, p)) {
      // Numbering restarted without a closing line: the previous ring was left open.
      finish();
      current = { points: [], closing: null, diagnostics: [] };
    }
    current.points.push(p);
    if (p.terminator === '。') finish();
  }
  finish();
  for (const r of rings) {
    if (!r.closing && r.points.length > 0) r.diagnostics.push(diagnose('ring-not-closed', r.points[r.points.length - 1]!.source));
  }
  return rings;
}

function checkNumbering(ring: Ring): void {
  const printed = new Set(ring.points.map((p) => p.label));
  const seen = new Set<number>();
  let prev = 0;
  for (const p of ring.points) {
    if (seen.has(p.label)) {
      ring.diagnostics.push(diagnose('point-number-duplicate', p.source, { label: p.label }));
    } else if (p.label > prev + 1) {
      // A number printed further down is out of order, not missing; that is reported where it appears.
      const absent = range(prev + 1, p.label).filter((l) => !printed.has(l));
      if (absent.length > 0) {
        const missing =
          absent.length <= 5 ? absent.join(', ') : absent.length === p.label - prev - 1 ? `${prev + 1}–${p.label - 1}` : `${absent.slice(0, 5).join(', ')}, …`;
        ring.diagnostics.push(diagnose('point-number-gap', p.source, { after: prev, next: p.label, missing }));
      }
    } else if (p.label <= prev) {
      ring.diagnostics.push(diagnose('point-number-order', p.source, { after: prev, next: p.label }));
    }
    seen.add(p.label);
    prev = Math.max(prev, p.label);
  }
}

function isRepeatOf(p: ParsedPoint, closing: ParsedPoint): boolean {
  return p.label === closing.label && p.terminator === '。' && closing.terminator === '。' && samePoint(p, closing);
}

function samePoint(a: BoundaryPoint, b: BoundaryPoint): boolean {
  return Math.abs(a.x - b.x) <= SAME_POINT_M && Math.abs(a.y - b.y) <= SAME_POINT_M;
}

function distance(a: BoundaryPoint, b: BoundaryPoint): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** from, from + 1, …, to - 1 (nothing when to ≤ from). */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
