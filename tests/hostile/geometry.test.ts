// Adversarial geometry within a time and memory budget: a self-crossing star of 15 001 points (56 million
// crossings) and two overlapping parcels of 10 000 vertices each, read from generated 国土 TXT files.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { checkGeoJSON } from '../../src/core/formats/geojson/checkGeoJSON.js';
import { toFeatureCollection } from '../../src/core/formats/geojson/toGeoJSON.js';

/** A 国土 TXT of one block per ring; rings as [north, east] in 3° zone 37 with the prefix. */
function guotuTxt(rings: [number, number][][]): Uint8Array {
  const lines = ['[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '[地块坐标]'];
  rings.forEach((ring, r) => {
    lines.push(`${ring.length + 1},,${r + 1},R${r + 1},面,,,,@`);
    [...ring, ring[0]!].forEach(([x, y], i) => lines.push(`J${(i % ring.length) + 1},1,${x.toFixed(3)},${y.toFixed(3)}`));
  });
  return strToU8(lines.join('\n'));
}

const CENTRE: [number, number] = [4_150_000, 37_500_000];

/** The star polygon {n/k}: vertex i at angle 2πki/n; k = (n − 1)/2 crosses itself about n²/4 times. */
function star(n: number, radius: number): [number, number][] {
  const k = (n - 1) / 2;
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * k * i) / n;
    return [CENTRE[0] + radius * Math.cos(a), CENTRE[1] + radius * Math.sin(a)];
  });
}

function circle(n: number, radius: number, offsetEast: number): [number, number][] {
  // Clockwise, as surveyors print.
  return Array.from({ length: n }, (_, i) => {
    const a = (-2 * Math.PI * i) / n;
    return [CENTRE[0] + radius * Math.cos(a), CENTRE[1] + offsetEast + radius * Math.sin(a)];
  });
}

/** The lens two circles of radius r at distance d share: 2r² acos(d/2r) − (d/2)√(4r² − d²). */
function lens(r: number, d: number): number {
  return 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
}

/**
 * A comb of `teeth` teeth 1 m wide and 2 000 m long on a 1 m spine, pointing north; `across` turns it to point
 * east. Two such combs, one of each, cross at every pair of teeth.
 */
function comb(teeth: number, across: boolean): [number, number][] {
  const length = 2 * teeth;
  const outline: [number, number][] = [
    [0, 0],
    [length, 0],
  ];
  for (let i = teeth - 1; i >= 0; i--) outline.push([2 * i + 1, 1], [2 * i + 1, length], [2 * i, length], [2 * i, 1]);
  outline.pop();
  outline.push([0, length]);
  // Outline as (along, out); as [north, east] rings in the zone.
  return outline.map(([along, out]) => (across ? [CENTRE[0] + along, CENTRE[1] + out] : [CENTRE[0] + out, CENTRE[1] + along]));
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('adversarial geometry', () => {
  it('a star of 15 001 points lists crossingsListed crossings and says there are at least more', () => {
    const { value: r, ms } = timed(() => extract([{ file: 'star.txt', bytes: guotuTxt([star(15_001, 1000)]) }]));
    expect(ms).toBeLessThan(5000);
    const p = r.parcels[0]!;
    expect(p.checks!.selfIntersections).toHaveLength(100);
    expect(p.checks!.moreSelfIntersections).toBe(true);
    const crossings = p.diagnostics.filter((d) => d.code === 'ring-self-intersection');
    expect(crossings).toHaveLength(5);
    expect(crossings[4]!.message.en).toMatch(/; at least 96 more crossings are not listed$/);
    expect(crossings[4]!.message.zh).toMatch(/另有至少 96 处交点未逐一列出$/);
    expect(p.verification.status).toBe('invalid');
  }, 20_000);

  it('a bow tie still lists its one crossing without "at least"', () => {
    const r = extract([{ file: 'bow.txt', bytes: guotuTxt([[[4_150_000, 37_500_000], [4_150_100, 37_500_100], [4_150_100, 37_500_000], [4_150_000, 37_500_100]]]) }]);
    const crossings = r.parcels[0]!.diagnostics.filter((d) => d.code === 'ring-self-intersection');
    expect(crossings.map((d) => d.message.en)).toEqual(['the boundary crosses itself near X=4150050.000, Y=37500050.000']);
  });

  it('two overlapping parcels of 10 000 vertices each: within 5 s, the overlap reported as not computed', () => {
    const rings = [circle(10_000, 500, 0), circle(10_000, 500, 300)];
    const { value: r, ms } = timed(() => extract([{ file: 'two.txt', bytes: guotuTxt(rings) }]));
    expect(ms).toBeLessThan(5000);
    expect(r.topology.pairs).toHaveLength(1);
    expect(r.topology.pairs[0]!.overlapNotComputed).toBe(true);
    expect(r.topology.pairs[0]!.overlapM2).toBe(0);
    const d = r.diagnostics.find((x) => x.code === 'topology-overlap-not-computed')!;
    expect(d.message.en).toBe('two.txt#1 and two.txt#2 may overlap, but their 20000 vertices with the crossings of their boundaries are over the exact-overlap limit of 10000; the overlap area was not computed');
  }, 20_000);

  it('…and computed exactly when the limit is raised', () => {
    const rings = [circle(10_000, 500, 0), circle(10_000, 500, 300)];
    const r = extract([{ file: 'two.txt', bytes: guotuTxt(rings) }], { limits: { overlapVertices: 30_000 } });
    expect(r.topology.pairs[0]!.overlapNotComputed).toBeUndefined();
    expect(Math.abs(r.topology.pairs[0]!.overlapM2 - lens(500, 300)) / lens(500, 300)).toBeLessThan(1e-6);
  }, 20_000);

  it('two combs of 1 000 teeth crossing four million times: the crossings spend the budget, within 5 s', () => {
    const { value: r, ms } = timed(() => extract([{ file: 'combs.txt', bytes: guotuTxt([comb(1000, false), comb(1000, true)]) }]));
    expect(ms).toBeLessThan(5000);
    expect(r.parcels.map((p) => p.verification.status)).toEqual(['unstated', 'unstated']);
    expect(r.topology.pairs[0]!.overlapNotComputed).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toContain('topology-overlap-not-computed');
  }, 20_000);

  it('two overlapping parcels of 1 000 vertices each: the overlap is computed (the lens of two circles)', () => {
    const rings = [circle(1000, 500, 0), circle(1000, 500, 300)];
    const { value: r, ms } = timed(() => extract([{ file: 'two.txt', bytes: guotuTxt(rings) }]));
    expect(ms).toBeLessThan(5000);
    const pair = r.topology.pairs[0]!;
    expect(pair.overlapNotComputed).toBeUndefined();
    expect(Math.abs(pair.overlapM2 - lens(500, 300)) / lens(500, 300)).toBeLessThan(1e-4);
  }, 20_000);
});

describe('the ringVertices limit', () => {
  it('refuses a boundary of more vertices than the limit, with the coded limit diagnostic, quickly', () => {
    const n = 2_001;
    const lines = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return `J${i + 1},${(4150000 + 500 * Math.sin(a)).toFixed(3)},${(37512000 + 500 * Math.cos(a)).toFixed(3)}`;
    });
    const text = ['[地块坐标]', `${n},1.0,1,limit,面,,,,@`, ...lines.map((l) => l.replace(/^(J\d+),/, '$1,1,'))].join('\n');
    const started = performance.now();
    const result = extract([{ file: 'big.txt', bytes: new TextEncoder().encode(text) }], { limits: { ringVertices: 2_000 } });
    expect(performance.now() - started).toBeLessThan(5_000);
    const parcel = result.parcels[0]!;
    expect(parcel.verification.status).toBe('invalid');
    expect(parcel.diagnostics.find((d) => d.code === 'limit-exceeded')?.message.en).toMatch(/vertices of one ring is 2001, the limit is 2000/);
    // Within the limit the same ring is verified.
    const within = extract([{ file: 'big.txt', bytes: new TextEncoder().encode(text) }], { limits: { ringVertices: 3_000 } });
    expect(within.parcels[0]!.verification.computedM2).toBeGreaterThan(0);
  });
});

describe('RFC 7946 winding is decided in lon/lat', () => {
  it('a ring dominated by a long thin spike (one garbled X 2 800 km off) is still written counter-clockwise', () => {
    // 吕政发〔2022〕15号 parcel 1 with X21 garbled from 4153830.176 to 1353830.176 and Y21 to 37812034.219: a
    // property test's finding. The grid ring winds clockwise; projected, the spike winds the other way.
    const points: [number, number][] = [
      [4153860.105, 37511993.286], [4153864.733, 37511996.777], [4153868.612, 37512002.179], [4153867.456, 37512002.617],
      [4153867.566, 37512002.778], [4153868.254, 37512004.807], [4153870.159, 37512013.278], [4153871.477, 37512019.134],
      [4153872.336, 37512022.951], [4153873.215, 37512026.858], [4153873.7, 37512029.013], [4153874.133, 37512030.615],
      [4153873.19, 37512030.87], [4153866.015, 37512032.81], [4153860.584, 37512034.278], [4153859.136, 37512034.669],
      [4153857.489, 37512034.999], [4153841.555, 37512038.19], [4153840.641, 37512033.149], [4153838.188, 37512033.39],
      [1353830.176, 37812034.219], [4153830.146, 37512034.223], [4153826.318, 37512034.619], [4153817.19, 37512035.564],
      [4153817.182, 37512035.462], [4153813.846, 37512035.726], [4153814.69, 37512021.413], [4153815.425, 37512012.711],
      [4153815.847, 37512012.853], [4153818.315, 37512005.533], [4153819.101, 37512005.661], [4153823.243, 37512005.87],
      [4153823.603, 37512000.8], [4153823.605, 37512000.784], [4153823.299, 37512000.601], [4153823.419, 37511998.155],
      [4153823.908, 37511998.154], [4153824.09, 37511997.237], [4153824.517, 37511996.624], [4153826.351, 37511995.522],
      [4153826.712, 37511990.568], [4153842.083, 37511991.353], [4153854.906, 37511992.007], [4153857.964, 37511992.494],
    ];
    const text = ['[地块坐标]', `${points.length + 1},0.221,1,spike,面,,,,@`, ...[...points, points[0]!].map(([x, y], i) => `J${(i % points.length) + 1},1,${x},${y}`)].join('\n');
    const result = extract([{ file: 'spike.txt', bytes: new TextEncoder().encode(text) }]);
    expect(result.parcels[0]!.lonLatRing).not.toBeNull();
    expect(result.parcels[0]!.checks!.orientation).toBe('clockwise');
    expect(checkGeoJSON(toFeatureCollection(result.parcels))).toEqual([]);
  });
});
