#!/usr/bin/env node
// Figures behind docs/libraries.md: where a hand-written helper stays instead of the library of the field,
// the same run times both (or measures the difference) so that the reason can be checked on any machine.
//   npm run bench:libraries
import { kinks } from '@turf/kinks';
import { polygon } from '@turf/helpers';
import { findSelfIntersections } from '../dist/core/geometry/findSelfIntersections.js';

const time = (f) => {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
};

console.log('self-intersection of a wavy ring (no crossing: every pair of edges must be ruled out)');
for (const n of [1000, 4000, 16000]) {
  const ring = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 1000 + 50 * Math.sin(7 * a);
    ring.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  const grid = ring.map(([east, north]) => ({ x: north, y: east }));
  const turf = time(() => kinks(polygon([[...ring, ring[0]]])).features.length);
  const ours = time(() => findSelfIntersections(grid).length);
  console.log(`  ${n} vertices: @turf/kinks ${turf.ms.toFixed(1)} ms (${turf.value} crossings), findSelfIntersections ${ours.ms.toFixed(1)} ms (${ours.value} crossings), ratio ${(turf.ms / ours.ms).toFixed(1)}×`);
}
