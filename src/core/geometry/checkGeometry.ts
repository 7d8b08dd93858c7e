// Geometry checks on the printed ring, in the Gauss–Krüger plane where the surveyor drew it.
import { findSelfIntersections } from './findSelfIntersections.js';
import { signedPlanarArea, type GridPoint } from '../geodesy/planarArea.js';
import type { GeometryChecks } from '../model/types.js';

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

export function checkGeometry(distinct: readonly GridPoint[], closed: boolean, repeated: number[]): GeometryChecks {
  const signed = signedPlanarArea(distinct);
  return {
    orientation: signed > 0 ? 'counterclockwise' : signed < 0 ? 'clockwise' : 'degenerate',
    closed,
    repeatedVertices: repeated,
    selfIntersections: findSelfIntersections(distinct),
  };
}
