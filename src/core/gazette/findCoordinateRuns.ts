// Coordinates first: finds the runs of coordinate lines anywhere in a text, whatever document they stand in.
// A run is a stretch of coord and cell lines (see readCoordinateCells) holding at least one coordinate; prose
// ends it. The header and label cells just before the first coordinate belong to the run, and so do the
// trailing cells after the last one, so that a table flattened one cell per line is read whole.
import { mayHoldCoordinate, readCoordinateCells, type LineCells } from './readCoordinateCells.js';
import type { RunLine } from './pairRunPoints.js';
import type { SourceLine } from '../text/normalize.js';
import type { Diagnostic } from '../model/types.js';

export interface CoordinateRun {
  lines: RunLine[];
  /** Physical line numbers of the run's coord lines: each must end in a point or a diagnostic. */
  coordLines: number[];
  /** Index in the cleaned lines of the run's first and last line. */
  from: number;
  to: number;
  diagnostics: Diagnostic[];
}

/** How many cell lines may stand between two coordinates of one run (a flattened row of a wide table). */
const MAX_CELL_GAP = 16;

/**
 * `textOf` gives the line as the run reader reads it (simplified, circled numerals kept); `skip` holds the
 * physical lines another reader already placed, which end a run like prose.
 */
export function findCoordinateRuns(file: string, lines: readonly SourceLine[], textOf: (l: SourceLine) => string, skip: ReadonlySet<number>): CoordinateRun[] {
  const cache = new Map<number, LineCells>();
  const classify = (i: number): LineCells => {
    let c = cache.get(i);
    if (!c) {
      const l = lines[i]!;
      c = skip.has(l.line) ? { kind: 'prose', cells: [], diagnostics: [] } : readCoordinateCells(file, l.line, textOf(l));
      cache.set(i, c);
    }
    return c;
  };
  const coordAt: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (skip.has(l.line) || !mayHoldCoordinate(l.text)) continue;
    if (classify(i).kind === 'coord') coordAt.push(i);
  }

  const runs: CoordinateRun[] = [];
  let k = 0;
  while (k < coordAt.length) {
    let last = coordAt[k]!;
    let j = k + 1;
    while (j < coordAt.length && coordAt[j]! - last <= MAX_CELL_GAP && allCells(classify, last + 1, coordAt[j]!)) last = coordAt[j++]!;
    let from = coordAt[k]!;
    const floor = runs.length > 0 ? runs[runs.length - 1]!.to + 1 : 0;
    while (from - 1 >= floor && coordAt[k]! - (from - 1) <= MAX_CELL_GAP && classify(from - 1).kind === 'cell') from--;
    let to = last;
    const ceiling = j < coordAt.length ? coordAt[j]! - 1 : lines.length - 1;
    while (to + 1 <= ceiling && to + 1 - last <= MAX_CELL_GAP && classify(to + 1).kind === 'cell') to++;
    const runLines: RunLine[] = [];
    const coordLines: number[] = [];
    const diagnostics: Diagnostic[] = [];
    for (let i = from; i <= to; i++) {
      const c = classify(i);
      runLines.push({ line: lines[i]!.line, cells: c.cells });
      if (c.kind === 'coord') coordLines.push(lines[i]!.line);
      diagnostics.push(...c.diagnostics);
    }
    runs.push({ lines: runLines, coordLines, from, to, diagnostics });
    k = j;
  }
  return runs;
}

function allCells(classify: (i: number) => LineCells, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (classify(i).kind !== 'cell') return false;
  return true;
}
