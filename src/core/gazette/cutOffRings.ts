// A stored excerpt of a web page often ends inside its coordinate table ("34 |" / "31°25"). The ring the cut
// falls in, and the rings printed beside it in the same rows, then miss points nobody can supply. They become
// no polygon when the missing points are more than the cut one: the table printed its points in columns side by
// side (each column continues below the cut) or their numbering already has a gap. A ring printed in one column
// whose last point is cut keeps the points it has: its declared count and area say a point is missing.
import type { BoundaryPoint } from '../model/types.js';
import type { CoordinateRun } from './findCoordinateRuns.js';

export interface CutRing {
  run: CoordinateRun;
  points: BoundaryPoint[];
}

/** A coordinate cut mid-value at the end of a text: "31°25", "110°2", "25°10'31.", "3346369.". */
const TRUNCATED = /(?:\d{1,3}\s*[°度](?:\s*\d{1,2}(?:\s*['′](?:\s*\d{1,2}(?:\.\d*)?)?)?)?|\d{6,}\.)\s*\|?\s*$/u;

/**
 * Whether the text ends inside `run`, whose last line reads `last`: nothing after it but one line holding a
 * coordinate cut mid-value, or nothing at all and the run ending in such a value or in a point number whose
 * coordinates never come.
 */
export function endsInside(run: CoordinateRun, last: string, after: readonly string[]): boolean {
  const rest = after.filter((t) => t.trim().length > 0);
  if (rest.length > 1) return false;
  if (rest.length === 1) return truncated(rest[0]!);
  const cells = run.lines[run.lines.length - 1]?.cells ?? [];
  return cells[cells.length - 1]?.t === 'label' || truncated(last);
}

function truncated(text: string): boolean {
  return TRUNCATED.test(text) && !/[″"]\s*\|?\s*$/.test(text);
}

/** Why each ring of a cut-off run is incomplete ('columns' or 'gap'), for the rings that are. */
export function incompleteRings<R extends CutRing>(run: CoordinateRun, rings: readonly R[]): Map<R, 'columns' | 'gap'> {
  const own = rings.filter((r) => r.run === run && r.points.length > 0);
  const out = new Map<R, 'columns' | 'gap'>();
  if (own.length === 0) return out;
  const span = (r: R) => {
    const lines = r.points.flatMap((p) => [p.source.line, p.source.endLine ?? p.source.line]);
    return [Math.min(...lines), Math.max(...lines)] as const;
  };
  const tail = own.reduce((a, b) => (span(b)[1] > span(a)[1] ? b : a));
  const [from, to] = span(tail);
  const beside = own.filter((r) => r !== tail && span(r)[0] <= to && span(r)[1] >= from);
  for (const r of [tail, ...beside]) {
    if (beside.length > 0 || !inLineOrder(r.points)) out.set(r, 'columns');
    else if (hasGap(r.points)) out.set(r, 'gap');
  }
  return out;
}

function inLineOrder(points: readonly BoundaryPoint[]): boolean {
  return points.every((p, i) => i === 0 || p.source.line >= points[i - 1]!.source.line);
}

function hasGap(points: readonly BoundaryPoint[]): boolean {
  const labels = points.map((p) => p.label).sort((a, b) => a - b);
  return labels.some((n, i) => i > 0 && n - labels[i - 1]! > 1);
}
