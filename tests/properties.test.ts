// Properties (fast-check): the planar area's invariants and its rounding bound, extract() on arbitrary
// input, and the real 002 gazette with its boundary-point lines deleted, duplicated and garbled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract } from '../src/core/extract.js';
import { coordinateRoundingBound, planarArea, signedPlanarArea } from '../src/core/geodesy/planarArea.js';
import { SQUARE_METRES } from '../src/core/gazette/statedArea.js';
import { toFeatureCollection } from '../src/core/formats/geojson/toGeoJSON.js';
import type { AreaUnit, ExtractResult, Parcel, StatedArea } from '../src/core/model/types.js';
import { areaTolerance } from '../src/core/verify/verifyArea.js';
import { gazetteDir, rawPointLines, shoelace, unaccounted } from './helpers.js';

const RUNS = { numRuns: 150 };

/** A star-shaped ring around a centre, counter-clockwise in (east, north): simple, with an area bounded away from zero. */
const ringArb = fc
  .record({
    n: fc.integer({ min: 3, max: 60 }),
    cx: fc.double({ min: 2e6, max: 6e6, noNaN: true }),
    cy: fc.double({ min: 13e6, max: 45.9e6, noNaN: true }),
    radius: fc.double({ min: 1, max: 5000, noNaN: true }),
    seed: fc.array(fc.tuple(fc.double({ min: 0, max: 0.4, noNaN: true }), fc.double({ min: 0.8, max: 1, noNaN: true })), {
      minLength: 60,
      maxLength: 60,
    }),
  })
  .map(({ n, cx, cy, radius, seed }) =>
    Array.from({ length: n }, (_, k) => {
      const [jitter, r] = seed[k]!;
      // Consecutive angles less than 180° apart around the centre: never degenerate, even for n = 3.
      const angle = ((k + jitter) * 2 * Math.PI) / n;
      return { x: cx + radius * r * Math.sin(angle), y: cy + radius * r * Math.cos(angle) };
    }),
  );

const closeRel = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

describe('planar area', () => {
  it('does not depend on the starting vertex', () => {
    fc.assert(
      fc.property(ringArb, fc.nat(), (ring, k) => {
        const s = k % ring.length;
        const rotated = [...ring.slice(s), ...ring.slice(0, s)];
        expect(closeRel(signedPlanarArea(rotated), signedPlanarArea(ring), 1e-6)).toBe(true);
      }),
      RUNS,
    );
  });

  it('flips sign when the ring is reversed, and keeps its absolute value', () => {
    fc.assert(
      fc.property(ringArb, (ring) => {
        const reversed = [...ring].reverse();
        expect(closeRel(signedPlanarArea(reversed), -signedPlanarArea(ring), 1e-6)).toBe(true);
        expect(closeRel(planarArea(reversed), planarArea(ring), 1e-6)).toBe(true);
        expect(signedPlanarArea(ring)).toBeGreaterThan(0); // the generator winds counter-clockwise in (east, north)
      }),
      RUNS,
    );
  });

  it('does not move under translation by up to 4e7 m', () => {
    fc.assert(
      fc.property(ringArb, fc.double({ min: -4e7, max: 4e7, noNaN: true }), fc.double({ min: -4e7, max: 4e7, noNaN: true }), (ring, dx, dy) => {
        const moved = ring.map((p) => ({ x: p.x + dx, y: p.y + dy }));
        expect(closeRel(planarArea(moved), planarArea(ring), 1e-6)).toBe(true);
      }),
      RUNS,
    );
  });

  it('agrees with the independent shoelace of tests/helpers.ts', () => {
    fc.assert(
      fc.property(ringArb, (ring) => {
        expect(closeRel(planarArea(ring), shoelace(ring), 1e-9)).toBe(true);
      }),
      RUNS,
    );
  });

  it('moves by no more than the rounding bound when every coordinate is rounded to its printed decimals', () => {
    fc.assert(
      fc.property(ringArb, fc.integer({ min: 1, max: 3 }), (ring, d) => {
        const printed = ring.map((p) => ({ x: Number(p.x.toFixed(d)), y: Number(p.y.toFixed(d)), xDecimals: d, yDecimals: d }));
        const bound = coordinateRoundingBound(printed);
        // First-order bound; the second-order terms are at most n·ε².
        const slack = ring.length * (0.5 * 10 ** -d) ** 2 + 1e-6;
        expect(Math.abs(planarArea(printed) - planarArea(ring))).toBeLessThanOrEqual(bound + slack);
      }),
      RUNS,
    );
  });

  it('gives a tolerance that is never negative, nor smaller than the stated figure’s own rounding', () => {
    const unitArb = fc.constantFrom<AreaUnit>('平方米', '公顷', '亩', '平方公里');
    const pointArb = fc.record({
      x: fc.double({ min: -1e8, max: 1e8, noNaN: true }),
      y: fc.double({ min: -1e8, max: 1e8, noNaN: true }),
      xDecimals: fc.integer({ min: 0, max: 6 }),
      yDecimals: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 40 }), fc.integer({ min: 0, max: 6 }), unitArb, (points, decimals, unit) => {
        const stated: StatedArea = { text: '', value: 1, unit, m2: SQUARE_METRES[unit], decimals, source: { file: 'f', line: 1 } };
        const t = areaTolerance(points, stated);
        expect(Number.isFinite(t)).toBe(true);
        expect(t).toBeGreaterThanOrEqual(0.5 * 10 ** -decimals * SQUARE_METRES[unit] * (1 - 1e-12));
        expect(coordinateRoundingBound(points)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

function expectSound(result: ExtractResult): void {
  expect(checkGeoJSON(toFeatureCollection(result.parcels))).toEqual([]);
  for (const p of result.parcels) {
    if (p.lonLatRing) expect(p.lonLatRing[0]).toEqual(p.lonLatRing[p.lonLatRing.length - 1]);
    if (p.verification.status === 'match' || p.verification.status === 'mismatch') {
      expect(p.verification.toleranceM2!).toBeGreaterThanOrEqual(0);
    }
  }
}

// Pieces of gazette text, so that random input reaches the documents, items, areas and point lists.
const FRAGMENTS = [
  ' 吕梁市人民政府',
  '关于收回某公司国有建设用地使用权的决定',
  '关于确定某小区土地权属的决定',
  '关于没收违法建筑物的决定',
  '吕政发〔2022〕9 号',
  '吕政函〔2023〕70 号',
  '某公司：',
  '一、收回你单位位于吕梁市离石区永宁中路的国有建设用地使用权，面积为 7416.9 平方米。宗地坐标如下：',
  '二、收回',
  '面',
  '积为 12.5 平方米',
  '占地面积为 5405.84 平方米（合 8.11',
  '亩）',
  '违法占用严村集体土地 10.99 亩',
  'X1＝4153899.979，Y1＝37512131.140；',
  'X2＝4153901.272，Y2＝37512136.180；',
  'X3＝4153880.000 Y3＝37512140.000；',
  'X1＝4153899.979， Y1＝37512131.140。',
  'X4=4153890.1,Y4=512140.5；',
  'X5＝',
  'X9＝1e308，Y9＝-0；',
  '咨询单位：吕梁机场有限责任公司',
  '— 14 —',
  '2022 年 7 月 11 日',
  '东至小路；西至大路；南至河；北至山。',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
];
const textArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) }), {
    maxLength: 80,
  })
  .map((parts) => parts.join(''));

describe('extract() on arbitrary input', () => {
  it('never throws on arbitrary strings and returns valid GeoJSON; every X<n>= line is placed or diagnosed', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ unit: 'binary', maxLength: 400 })), fc.boolean(), (text, zone) => {
        const result = extract([{ file: 'in.txt', bytes: new TextEncoder().encode(text) }], zone ? { zone: { width: 3, zone: 37 } } : {});
        expectSound(result);
        if (result.inputs[0]!.encoding === 'unreadable') {
          // NUL bytes make it binary: refused as a whole, by a diagnostic naming the file.
          expect(result.diagnostics.map((d) => d.code)).toContainEqual(expect.stringMatching(/^input-(binary|undecodable)$/));
          expect(result.parcels).toEqual([]);
        } else {
          expect(unaccounted(result, 'in.txt', text)).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a land-decision heading with no body (found by the property above) as a record without area', () => {
    for (const text of ['关于没收违法建筑物的决定\r\n吕政函〔2023〕70 号', ' 吕梁市人民政府\n关于收回某公司国有建设用地使用权的决定\n吕政发〔2022〕9 号\n']) {
      const result = extract([{ file: 'h.txt', bytes: new TextEncoder().encode(text) }]);
      expect(result.parcels).toHaveLength(1);
      expect(result.parcels[0]!.verification.status).toBe('no-points');
      expect(result.parcels[0]!.diagnostics.map((d) => d.code)).toEqual(['area-not-found']);
    }
  });

  it('never throws on arbitrary bytes, as one file or several', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { minLength: 1, maxLength: 3 }), (files) => {
        const result = extract(files.map((bytes, i) => ({ file: `f${i}.txt`, bytes })));
        expectSound(result);
        expect(result.inputs).toHaveLength(files.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on gazette text in UTF-16 or with invalid UTF-8 sprinkled in', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('utf16le', 'utf16le-bom', 'garbage'), (text, how) => {
        let bytes: Uint8Array;
        if (how === 'garbage') bytes = new Uint8Array([...new TextEncoder().encode(text), 0xff, 0xfe, 0x80, 0xc3]);
        else bytes = new Uint8Array([...(how === 'utf16le-bom' ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);
        expectSound(extract([{ file: 'x.txt', bytes }]));
      }),
      { numRuns: 150 },
    );
  });
});

// ---- the real 002 gazette, mutated ----

const FILE = 'mut/002.txt';
const RAW = readFileSync(path.join(gazetteDir, '002_974677008c505204.txt'), 'utf8');
const LINES = RAW.split('\n');
/** 0-based indices of the raw point lines (251 of them, docs/gazettes.md §3). */
const POINT_AT = rawPointLines(RAW).map((n) => n - 1);

interface OriginalParcel {
  id: string;
  vertices: Map<number, Parcel['points'][number]>; // 0-based line index → point
  closingAt: number | null;
  parcel: Parcel;
}

const ORIGINAL: OriginalParcel[] = (() => {
  const result = extract([{ file: FILE, bytes: Buffer.from(RAW) }]);
  return result.parcels
    .filter((p) => p.points.length > 0)
    .map((p) => ({
      id: p.id,
      vertices: new Map(p.points.map((q) => [q.source.line - 1, q])),
      closingAt: p.closingPoint ? p.closingPoint.source.line - 1 : null,
      parcel: p,
    }));
})();

type Op = 'delete' | 'duplicate' | 'garble';
interface Mutation {
  at: number; // index into POINT_AT
  op: Op;
  garble: { pos: number; ch: string }[];
}

const GARBLE_CHARS = [...'0123456789XYx=＝，,；;。. O l地一、-', '\t', '\u3000', '１'];
const garbleArb = fc.array(fc.record({ pos: fc.nat(), ch: fc.constantFrom(...GARBLE_CHARS) }), { minLength: 1, maxLength: 4 });
const mutationArb = (ops: Op[]) =>
  fc.record({ at: fc.nat({ max: POINT_AT.length - 1 }), op: fc.constantFrom(...ops), garble: garbleArb });

/** Applies the mutations (one per line; later ones on the same line are ignored); returns the text and, per new line, its original index. */
function mutate(mutations: Mutation[]): { text: string; origin: (number | null)[]; deleted: Set<number>; copies: Map<number, number> } {
  const byLine = new Map<number, Mutation>();
  for (const m of mutations) if (!byLine.has(POINT_AT[m.at]!)) byLine.set(POINT_AT[m.at]!, m);
  const out: string[] = [];
  const origin: (number | null)[] = [];
  const deleted = new Set<number>();
  const copies = new Map<number, number>(); // original index → 0-based index of its copy
  LINES.forEach((line, i) => {
    const m = byLine.get(i);
    if (m?.op === 'delete') {
      deleted.add(i);
      return;
    }
    if (m?.op === 'garble') {
      const chars = [...line];
      for (const g of m.garble) chars[g.pos % chars.length] = g.ch;
      out.push(chars.join(''));
      origin.push(i);
      return;
    }
    out.push(line);
    origin.push(i);
    if (m?.op === 'duplicate') {
      copies.set(i, out.length);
      out.push(line);
      origin.push(null);
    }
  });
  return { text: out.join('\n'), origin, deleted, copies };
}

function run(text: string): ExtractResult {
  return extract([{ file: FILE, bytes: Buffer.from(text) }]);
}

const problems = (p: Parcel) => p.diagnostics.filter((d) => d.severity !== 'info');

describe('the 002 gazette with mutated boundary-point lines', () => {
  it('starts from 251 point lines in 11 − 1 parcels (10 in 002), all matching', () => {
    expect(POINT_AT).toHaveLength(251);
    expect(ORIGINAL).toHaveLength(10);
    expect(ORIGINAL.every((o) => o.parcel.verification.status === 'match')).toBe(true);
  });

  it('deletions, duplications and garbling: never throws, valid GeoJSON, every point line placed or diagnosed', () => {
    fc.assert(
      fc.property(fc.array(mutationArb(['delete', 'duplicate', 'garble']), { minLength: 1, maxLength: 10 }), (mutations) => {
        const { text } = mutate(mutations);
        const result = run(text);
        expectSound(result);
        expect(unaccounted(result, FILE, text)).toEqual([]);
        expect(result.pointLines.total).toBeGreaterThanOrEqual(rawPointLines(text).length);
        expect(result.pointLines.inParcels + result.pointLines.inDiagnostics).toBe(result.pointLines.total);
      }),
      RUNS,
    );
  });

  it('deletions: each parcel loses exactly the deleted vertices, and a loss is never silent unless the area still matches', () => {
    fc.assert(
      fc.property(fc.array(mutationArb(['delete']), { minLength: 1, maxLength: 5 }), (mutations) => {
        const { text, deleted } = mutate(mutations);
        const result = run(text);
        expect(unaccounted(result, FILE, text)).toEqual([]);
        for (const o of ORIGINAL) {
          const p = result.parcels.find((q) => q.id === o.id);
          expect(p, o.id).toBeDefined();
          const lostVertices = [...o.vertices.keys()].filter((i) => deleted.has(i));
          const lostClosing = o.closingAt !== null && deleted.has(o.closingAt);
          const remaining = [...o.vertices].filter(([i]) => !deleted.has(i)).map(([, q]) => q);
          if (lostVertices.length === 0 && !lostClosing) {
            expect(p!.points.length, o.id).toBe(o.vertices.size);
            expect(p!.verification.status, o.id).toBe('match');
            expect(problems(p!), o.id).toEqual([]);
            continue;
          }
          if (remaining.length < 2) continue; // what is left is no ring; the accounting above still holds
          // The vertex count changes by exactly what was deleted (the closing line is not a vertex).
          expect(p!.points.length, o.id).toBe(remaining.length);
          expect(p!.points.map((q) => q.label), o.id).toEqual(remaining.map((q) => q.label));
          if (lostClosing) expect(p!.diagnostics.map((d) => d.code), o.id).toContain('ring-not-closed');
          // A hole in the numbering is reported whenever a later point survives.
          const maxLeft = Math.max(...remaining.map((q) => q.label));
          const lostLabels = lostVertices.map((i) => o.vertices.get(i)!.label);
          if (lostLabels.some((l) => l < maxLeft)) expect(p!.diagnostics.map((d) => d.code), o.id).toContain('point-number-gap');
          // Only losing the last points leaves the numbering whole; then the area is the only witness, and a
          // 'match' must be true of the points that are left.
          if (p!.verification.status === 'match') {
            expect(Math.abs(shoelace(remaining) - o.parcel.statedArea!.m2), o.id).toBeLessThanOrEqual(p!.verification.toleranceM2!);
            expect(p!.verification.toleranceM2!, o.id).toBeLessThan(1);
          }
          if (problems(p!).length === 0) {
            expect(lostClosing, o.id).toBe(false);
            expect(lostLabels.every((l) => l > maxLeft), o.id).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('duplications: every copied line is named in a diagnostic, and the parcel keeps its id, vertices and area', () => {
    fc.assert(
      fc.property(fc.array(mutationArb(['duplicate']), { minLength: 1, maxLength: 5 }), (mutations) => {
        const { text, copies } = mutate(mutations);
        const result = run(text);
        expect(unaccounted(result, FILE, text)).toEqual([]);
        const diagnosedLines = new Set(
          [...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)].filter((d) => d.severity !== 'info').map((d) => d.source?.line),
        );
        for (const copyAt of copies.values()) expect(diagnosedLines.has(copyAt + 1), `copy at line ${copyAt + 1}`).toBe(true);
        expect(result.parcels.filter((p) => p.points.length > 0).map((p) => p.id)).toEqual(ORIGINAL.map((o) => o.id));
        for (const o of ORIGINAL) {
          const p = result.parcels.find((q) => q.id === o.id)!;
          expect(p.verification.status, o.id).toBe('match');
          expect(Math.abs(p.verification.computedM2! - o.parcel.verification.computedM2!), o.id).toBeLessThan(1e-9);
          expect(p.lonLatRing, o.id).toHaveLength(o.vertices.size + 1);
        }
      }),
      RUNS,
    );
  });
});
