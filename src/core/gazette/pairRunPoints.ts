// Turns the cells of a run of coordinate lines into points and rings. The cells are read as one stream, so a
// point may stand on one line ("J1 3301996.14 41405667.12"), on three (J1 / 3301996.14 / 41405667.12, a
// table flattened one cell per line), or share its line with another point (two or three point columns side
// by side). Points are put in the order of their labels, not of the lines: a table printed in columns lists
// J1 J4 / J2 J5 / J3 row by row, which is J1…J5 read down the columns.
import { diagnose } from '../diagnostics/catalogue.js';
import type { Cell } from './readCoordinateCells.js';
import type { ParsedPoint } from './parseCoordinates.js';
import type { Diagnostic, SourceSpan } from '../model/types.js';

export interface RunLine {
  line: number;
  cells: Cell[];
}

/** A point of a run, with whether its label was printed (an unlabelled list is numbered in line order). */
export interface RunPoint extends ParsedPoint {
  labelled: boolean;
  /** The letter in front of the label (J, N, G), or empty. */
  series: string;
  /** Degrees as printed, for a 度分秒 point: [lon, lat]; x and y are then still unset (0). */
  dms?: { lon: number; lat: number; lonDecimals: number; latDecimals: number };
}

export interface RingDraft {
  /** The section mark printed in the table before this ring's points (一, A区), if any. */
  section: string | null;
  points: RunPoint[];
  diagnostics: Diagnostic[];
}

type Coordinate = Extract<Cell, { t: 'grid' } | { t: 'dms' }> & { line: number };

/** Splits the run into rings at section marks and restarts of numbering, each ordered by label. */
export function pairRunPoints(file: string, lines: RunLine[]): RingDraft[] {
  const drafts: RingDraft[] = [];
  let current: RingDraft = { section: null, points: [], diagnostics: [] };
  let label: { n: number; strong: boolean; series: string } | null = null;
  let first: Coordinate | null = null;
  // One diagnostic per masked line says it all; its readable half is not a second problem.
  const masked = new Set<number>();
  const orphan = (c: Coordinate) => {
    if (!masked.has(c.line)) current.diagnostics.push(diagnose('point-unpaired', { file, line: c.line }, { value: String(c.value) }));
  };
  const startRing = (section: string | null) => {
    if (current.points.length > 0 || current.diagnostics.length > 0) drafts.push(current);
    current = { section: section ?? current.section, points: [], diagnostics: [] };
  };

  for (const { line, cells } of lines) {
    for (const cell of cells) {
      if (cell.t === 'other') continue;
      if (cell.t === 'masked') {
        if (!masked.has(line)) current.diagnostics.push(diagnose('point-masked', { file, line }));
        masked.add(line);
        continue;
      }
      if (cell.t === 'section') {
        if (first) orphan(first);
        first = null;
        startRing(cell.mark);
        current.section = cell.mark;
        continue;
      }
      if (cell.t === 'point') {
        current.points.push({ ...cell.point, labelled: true, series: '' });
        continue;
      }
      if (cell.t === 'label') {
        if (first) orphan(first);
        first = null;
        // "J1,1,X,Y": the printed point number outranks a bare integer column after it.
        if (!label || cell.strong || !label.strong) label = { n: cell.n, strong: cell.strong, series: cell.series };
        continue;
      }
      const c: Coordinate = { ...cell, line };
      if (!first) {
        first = c;
        continue;
      }
      const pair = complete(first, c);
      if (!pair) {
        orphan(first);
        first = c;
        continue;
      }
      const previous = current.points[current.points.length - 1];
      const n = label?.n ?? (previous ? previous.label + 1 : 1);
      const source: SourceSpan = first.line === c.line ? { file, line: first.line } : { file, line: first.line, endLine: c.line };
      current.points.push({ ...pair, label: n, labelled: label !== null, series: label?.series ?? '', terminator: '', source });
      label = null;
      first = null;
    }
  }
  if (first) orphan(first);
  startRing(null);
  return drafts.flatMap(splitSeries).flatMap(splitRestarts).map(orderByLabel);
}

/** N1…N12 beside G3…G13 in one table: each series is its own ring. */
function splitSeries(draft: RingDraft): RingDraft[] {
  // Points without a letter (read by the gazette line parser, or bare numbers) join the one series there is.
  const series = [...new Set(draft.points.map((p) => p.series).filter((s) => s !== ''))];
  if (series.length <= 1) return [draft];
  return series.map((s, i) => ({ section: draft.section ?? s, points: draft.points.filter((p) => p.series === s), diagnostics: i === 0 ? draft.diagnostics : [] }));
}

function complete(a: Coordinate, b: Coordinate): Omit<RunPoint, 'label' | 'labelled' | 'series' | 'terminator' | 'source'> | null {
  if (a.t === 'grid' && b.t === 'grid' && a.axis !== b.axis) {
    const [north, east] = a.axis === 'north' ? [a, b] : [b, a];
    return { x: north.value, y: east.value, xDecimals: north.decimals, yDecimals: east.decimals };
  }
  if (a.t === 'dms' && b.t === 'dms' && a.axis !== b.axis) {
    const [lat, lon] = a.axis === 'lat' ? [a, b] : [b, a];
    return { x: 0, y: 0, xDecimals: 0, yDecimals: 0, dms: { lon: lon.value, lat: lat.value, lonDecimals: lon.secondDecimals, latDecimals: lat.secondDecimals } };
  }
  return null;
}

/** A label printed again with other coordinates starts the next ring (numbering restarts per ring). */
function splitRestarts(draft: RingDraft): RingDraft[] {
  const out: RingDraft[] = [];
  let current: RingDraft = { ...draft, points: [] };
  const seen = new Map<number, RunPoint>();
  for (const p of draft.points) {
    const earlier = p.labelled ? seen.get(p.label) : undefined;
    if (earlier && !samePosition(earlier, p) && p.label === current.points[0]?.label) {
      out.push(current);
      current = { section: draft.section, points: [], diagnostics: [] };
      seen.clear();
    }
    current.points.push(p);
    if (!seen.has(p.label)) seen.set(p.label, p);
  }
  out.push(current);
  return out;
}

function orderByLabel(draft: RingDraft): RingDraft {
  const points = draft.points;
  if (!points.every((p) => p.labelled) || points.every((p, i) => i === 0 || points[i - 1]!.label <= p.label)) return draft;
  // The closing repeat of the first point sorts next to it; it belongs at the end.
  const first = points.reduce((a, b) => (b.label < a.label ? b : a));
  const closing = points.filter((p) => p !== first && p.label === first.label && samePosition(p, first));
  const sorted = points.filter((p) => !closing.includes(p)).sort((a, b) => a.label - b.label);
  const printed = points.map((p) => p.label).join(', ');
  const at = points.find((p, i) => i > 0 && points[i - 1]!.label > p.label)!;
  const diagnostics = [...draft.diagnostics, diagnose('run-points-reordered', at.source, { printed: clip(printed), ordered: clip(sorted.map((p) => p.label).join(', ')) })];
  return { ...draft, points: [...sorted, ...closing], diagnostics };
}

function samePosition(a: RunPoint, b: RunPoint): boolean {
  if (a.dms && b.dms) return a.dms.lon === b.dms.lon && a.dms.lat === b.dms.lat;
  return a.x === b.x && a.y === b.y;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
