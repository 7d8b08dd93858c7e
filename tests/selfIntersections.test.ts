// The indexed self-intersection search against @turf/kinks, the all-pairs reference, and on the cases
// that matter to parcels: a bow-tie, a ring that touches itself, and a 100 000-point ring in bounded time.
import { polygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSelfIntersections } from '../src/core/geometry/findSelfIntersections.js';

const pt = (x: number, y: number) => ({ x, y });

function turfCount(points: { x: number; y: number }[]): number {
  const ring = points.map((p) => [p.y, p.x]);
  ring.push(ring[0]!);
  return kinks(polygon([ring])).features.length;
}

describe('findSelfIntersections', () => {
  it('agrees with @turf/kinks on random rings in general position', () => {
    // Millimetre coordinates within a kilometre, as printed boundary points are.
    const coord = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((mm) => mm / 1000);
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 4, maxLength: 14 }), (xy) => {
        // General position: touching and collinear edges are where the two tools legitimately differ.
        fc.pre(generalPosition(xy));
        const points = xy.map(([x, y]) => pt(4_150_000 + x, 37_512_000 + y));
        expect(findSelfIntersections(points).length).toBe(turfCount(points));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the crossing of a bow-tie where it is', () => {
    const found = findSelfIntersections([pt(0, 0), pt(10, 10), pt(10, 0), pt(0, 10)]);
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBeCloseTo(5, 9);
    expect(found[0]![1]).toBeCloseTo(5, 9);
  });

  it('reports a vertex touching a non-adjacent edge', () => {
    // The fifth vertex sits on the first edge.
    expect(findSelfIntersections([pt(0, 0), pt(0, 10), pt(10, 10), pt(10, 5), pt(0, 5)]).length).toBeGreaterThan(0);
  });

  it('finds nothing in a simple ring', () => {
    expect(findSelfIntersections([pt(0, 0), pt(0, 10), pt(10, 10), pt(10, 0)])).toEqual([]);
  });

  it('handles a 100 000-point ring quickly', () => {
    const n = 100_000;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return pt(4_150_000 + 500 * Math.cos(a), 37_512_000 + 500 * Math.sin(a));
    });
    // An all-pairs search (5·10⁹ edge pairs) would not finish within the test timeout.
    expect(findSelfIntersections(ring)).toEqual([]);
  });
});

function generalPosition(xy: [number, number][]): boolean {
  for (let i = 0; i < xy.length; i++) {
    for (let j = i + 1; j < xy.length; j++) {
      if (Math.hypot(xy[i]![0] - xy[j]![0], xy[i]![1] - xy[j]![1]) < 1) return false;
      for (let k = j + 1; k < xy.length; k++) {
        const [a, b, c] = [xy[i]!, xy[j]!, xy[k]!];
        if (Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) < 1) return false;
      }
    }
  }
  return true;
}
