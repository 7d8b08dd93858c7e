// Hardening: at least 10 000 mutated gazette documents — deleted, duplicated and garbled lines,
// random bytes, huge numbers, rings of 100 000 points. Never a crash, always valid GeoJSON, and every
// boundary-point line of every input in a parcel or a diagnostic. Seeded, so a failure reproduces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract } from '../src/core/extract.js';
import { toFeatureCollection } from '../src/core/formats/geojson/toGeoJSON.js';
import { gazetteInputs, rawPointLines, unaccounted } from './helpers.js';

const SEED = 20261122;
const FILE = 'fuzz.txt';

/** The land decisions with boundary points, each as its own small document (the lines of its source span). */
const decisions: string[] = (() => {
  const inputs = gazetteInputs();
  const texts = new Map(inputs.map((i) => [i.file, new TextDecoder().decode(i.bytes).split('\n')]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of extract(inputs).parcels) {
    if (p.points.length === 0 || seen.has(p.doc)) continue;
    seen.add(p.doc);
    const source = p.sources[0]!;
    out.push(texts.get(source.file)!.slice(source.line - 1, source.endLine).join('\n'));
  }
  return out;
})();

type Mutation =
  | { op: 'delete' | 'duplicate' | 'swap'; at: number }
  | { op: 'garble'; at: number; edits: { pos: number; ch: string }[] }
  | { op: 'insert'; at: number; text: string };

// Characters that matter to the parser, so garbling hits its decisions rather than only prose.
const SPICY = [...'XYxy=＝,，;；。.0123456789 -号〔〕面积平方米公顷亩宗地坐标如下：\t'];
const hugeNumber = fc.oneof(
  fc.constant('9'.repeat(400)),
  fc.constant('1e308'),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 40n }).map(String),
  fc.double({ noNaN: true }).map(String),
);
const insertion = fc.oneof(
  hugeNumber.map((n) => `X1＝${n}，Y1＝${n}；`),
  hugeNumber.map((n) => `X7＝4153${n}，Y7＝37512${n}`),
  fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
  fc.string({ unit: fc.constantFrom(...SPICY), maxLength: 60 }),
  fc.constant('XY1＝4153899.979，37512131.140'),
  fc.constant('[地块坐标]'),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('garble' as const), at: fc.nat(), edits: fc.array(fc.record({ pos: fc.nat(), ch: fc.constantFrom(...SPICY) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
);

function mutate(doc: string, mutations: Mutation[]): string {
  const lines = doc.split('\n');
  for (const m of mutations) {
    const at = m.at % (lines.length + 1);
    if (m.op === 'insert') lines.splice(at, 0, m.text);
    if (at >= lines.length) continue;
    if (m.op === 'delete') lines.splice(at, 1);
    if (m.op === 'duplicate') lines.splice(at, 0, lines[at]!);
    if (m.op === 'swap' && at + 1 < lines.length) [lines[at], lines[at + 1]] = [lines[at + 1]!, lines[at]!];
    if (m.op === 'garble') {
      const chars = [...lines[at]!];
      for (const e of m.edits) if (chars.length > 0) chars[e.pos % chars.length] = e.ch;
      lines[at] = chars.join('');
    }
  }
  return lines.join('\n');
}

/** What must hold for any input, however broken. */
function expectSound(bytes: Uint8Array, text: string | null): void {
  const result = extract([{ file: FILE, bytes }]);
  expect(checkGeoJSON(toFeatureCollection(result.parcels))).toEqual([]);
  if (text !== null) expect(unaccounted(result, FILE, text)).toEqual([]);
}

describe('fuzzing the extractor', () => {
  it('starts from the 8 land decisions that list boundary points', () => {
    expect(decisions).toHaveLength(8);
    expect(decisions.every((d) => rawPointLines(d).length > 0)).toBe(true);
  });

  it('survives 10 000 mutated gazette documents', () => {
    const documents = fc.tuple(fc.nat({ max: decisions.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(documents, ([which, mutations]) => {
        const text = mutate(decisions[which]!, mutations);
        expectSound(new TextEncoder().encode(text), text);
      }),
      { numRuns: 10_000, seed: SEED },
    );
  });

  it('survives random bytes, alone and spliced into a document', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.nat(), (noise, at) => {
        expectSound(noise, null);
        const doc = new TextEncoder().encode(decisions[at % decisions.length]!);
        const cut = at % (doc.length + 1);
        const spliced = new Uint8Array([...doc.subarray(0, cut), ...noise, ...doc.subarray(cut)]);
        expectSound(spliced, null);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('keeps a gazette a gazette when a garbled line looks like another format', () => {
    for (const intruder of ['XY1＝4153899.979，37512131.140', '[地块坐标]', '{"type": "FeatureCollection"']) {
      const lines = decisions[1]!.split('\n');
      lines.splice(3, 0, intruder);
      const result = extract([{ file: FILE, bytes: new TextEncoder().encode(lines.join('\n')) }]);
      expect(result.parcels.map((p) => p.kind), intruder).toEqual(['take-back']);
      expect(result.parcels[0]!.verification.status, intruder).toBe('match');
    }
  });

  it('reads a ring of 100 000 points, with a mistyped digit, without giving up', () => {
    const n = 100_000;
    const points = Array.from({ length: n }, (_, i) => {
      const a = (-2 * Math.PI * i) / n; // clockwise, as gazettes print
      return [4_153_000 + 300 * Math.sin(a), 37_512_000 + 300 * Math.cos(a)] as const;
    });
    const fmt = (v: number) => v.toFixed(3);
    let area = 0;
    for (let i = 0; i < n; i++) {
      const [x1, y1] = points[i]!;
      const [x2, y2] = points[(i + 1) % n]!;
      area += (y1 - 37_512_000) * (x2 - 4_153_000) - (y2 - 37_512_000) * (x1 - 4_153_000);
    }
    const lines = points.map(([x, y], i) => `X${i + 1}＝${fmt(x)}，Y${i + 1}＝${fmt(y)}；`);
    lines.push(`X1＝${fmt(points[0]![0])}，Y1＝${fmt(points[0]![1])}。`);
    // One digit wrong in the middle: the verdict must be mismatch, and the diagnosis must find it.
    const k = n / 2;
    const typo = lines[k]!.replace(/X(\d+)＝(\d+)(\d)\./, (_m, label: string, head: string, d: string) => `X${label}＝${head}${(Number(d) + 5) % 10}.`);
    lines[k] = typo;
    const text = [
      ' 吕梁市人民政府',
      '关于收回测试单位国有建设用地使用权的决定',
      '吕政发〔2030〕1 号',
      '测试单位：',
      `一、收回你单位位于测试路的国有建设用地使用权，面积为 ${(Math.abs(area) / 2).toFixed(2)} 平方米。宗地坐标如下：`,
      ...lines,
      '吕梁市人民政府',
      '2030 年 1 月 1 日',
    ].join('\n');
    const result = extract([{ file: FILE, bytes: new TextEncoder().encode(text) }]);
    const [parcel] = result.parcels;
    expect(parcel!.points).toHaveLength(n);
    expect(['mismatch', 'invalid']).toContain(parcel!.verification.status);
    expect(parcel!.hypotheses[0]).toMatchObject({ kind: 'digit', labels: [k + 1] });
    // The spike crosses many edges of the dense ring: a few are listed, the rest counted.
    const crossings = parcel!.diagnostics.filter((d) => d.code === 'ring-self-intersection');
    expect(parcel!.checks!.selfIntersections.length).toBeGreaterThan(5);
    expect(crossings).toHaveLength(5);
    expect(crossings.at(-1)!.message.en).toMatch(/\d+ more crossings/);
    expect(unaccounted(result, FILE, text)).toEqual([]);
  });

  it('refuses a file over the size limit with a message naming it', () => {
    const result = extract([{ file: 'big.txt', bytes: new Uint8Array(2000) }], { limits: { inputBytes: 1000 } });
    expect(result.diagnostics).toMatchObject([{ code: 'input-too-large', source: { file: 'big.txt' } }]);
  });
});
