// Geometry checks on the printed ring, in the Gauss–Krüger plane where the surveyor drew it.
import { findSelfIntersections } from './findSelfIntersections.js';
import { signedPlanarArea, type GridPoint } from '../geodesy/planarArea.js';
import { diagnose } from '../diagnostics/catalogue.js';
import type { Diagnostic, GeometryChecks, SourceSpan } from '../model/types.js';

export interface LabelledPoint extends GridPoint {
  label: number;
}

/** Drops a vertex equal to the one before it; returns the kept vertices and the labels dropped. */
export function dropRepeatedVertices<T extends LabelledPoint>(points: readonly T[]): { kept: T[]; repeated: number[] } {
  const kept: T[] = [];
  const repeated: number[] = [];
  for (const p of points) {
    const last = kept[kept.length - 1];
    if (last && last.x === p.x && last.y === p.y) repeated.push(p.label);
    else kept.push(p);
  }
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (kept.length > 1 && first && last && first.x === last.x && first.y === last.y) {
    repeated.push(last.label);
    kept.pop();
  }
  return { kept, repeated };
}

/** `listed` is how many crossings are kept (limits.crossingsListed); the search stops at one more. */
export function checkGeometry(distinct: readonly GridPoint[], closed: boolean, repeated: number[], listed: number): GeometryChecks {
  const signed = signedPlanarArea(distinct);
  const crossings = findSelfIntersections(distinct, listed + 1);
  const checks: GeometryChecks = {
    orientation: signed > 0 ? 'counterclockwise' : signed < 0 ? 'clockwise' : 'degenerate',
    closed,
    repeatedVertices: repeated,
    selfIntersections: crossings.slice(0, listed),
  };
  if (crossings.length > listed) checks.moreSelfIntersections = true;
  return checks;
}

/** Diagnostics shown per ring: a few crossings locate the problem; a spike along a dense ring can cross a hundred edges. */
const CROSSINGS_SHOWN = 5;

export function selfIntersectionDiagnostics(checks: GeometryChecks, source: SourceSpan): Diagnostic[] {
  const crossings = checks.selfIntersections;
  return crossings.slice(0, CROSSINGS_SHOWN).map(([x, y], i) => {
    const more = i === CROSSINGS_SHOWN - 1 || i === crossings.length - 1 ? crossings.length - 1 - i : 0;
    // When the search stopped, what is beyond the shown ones is a lower bound: one more than were kept.
    const atLeast = checks.moreSelfIntersections === true && i === Math.min(CROSSINGS_SHOWN, crossings.length) - 1;
    return diagnose('ring-self-intersection', source, { x: x.toFixed(3), y: y.toFixed(3), more: atLeast ? more + 1 : more, atLeast: atLeast ? 1 : 0 });
  });
}
