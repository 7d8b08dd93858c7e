// Properties of the coordinates-first reader over the gazettes' own boundary points: any table layout (label
// style, separator, column order, one or several point columns, one cell per line) gives the same polygon, and
// Chinese prose without coordinates gives none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import type { BoundaryPoint } from '../../src/core/model/types.js';
import { gazetteInputs } from '../helpers.js';
import { lost, read } from './helpers.js';

const RUNS = { numRuns: 60, seed: 20261201 };

/** The rings of the five gazettes, as printed (distinct vertices in label order). */
const rings: BoundaryPoint[][] = extract(gazetteInputs())
  .parcels.filter((p) => p.points.length >= 3)
  .map((p) => p.points);

const labelStyles = [(n: number) => `J${n}`, (n: number) => `${n}`, (n: number) => `${n}、`, (n: number) => `拐点${n}`, (n: number) => `界址点${n}`, (n: number) => String.fromCharCode(0x2460 + n - 1)];
const separators = [' ', '\t', ',', ' , ', '，', ' | ', '?,'];

const layout = fc.record({
  ring: fc.integer({ min: 0, max: rings.length - 1 }),
  label: fc.integer({ min: 0, max: labelStyles.length - 1 }),
  separator: fc.constantFrom(...separators),
  eastFirst: fc.boolean(),
  columns: fc.integer({ min: 1, max: 3 }),
  cellPerLine: fc.boolean(),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function render(points: BoundaryPoint[], l: Layout): string[] {
  const style = l.label === 5 && points.length > 20 ? labelStyles[0]! : labelStyles[l.label]!;
  const cells = (p: BoundaryPoint) => {
    const x = p.x.toFixed(p.xDecimals);
    const y = p.y.toFixed(p.yDecimals);
    return [style(p.label), ...(l.eastFirst ? [y, x] : [x, y])];
  };
  // Column-major, as a table with several point columns prints: row r holds points r, r + h, r + 2h.
  const h = Math.ceil(points.length / l.columns);
  const rows: string[][] = [];
  for (let r = 0; r < h; r++) rows.push([r, r + h, r + 2 * h].slice(0, l.columns).filter((i) => i < points.length).flatMap((i) => cells(points[i]!)));
  if (l.cellPerLine) return rows.flatMap((r) => r.map((c) => `${c} |`));
  // A circled numeral is glued to its X, as printed; any other label takes the separator.
  return rows.map((r) => r.reduce((line, c, i) => (i === 0 ? c : /[\u2460-\u2473]$/.test(line) ? line + c : line + l.separator + c), ''));
}

describe('the reader over the gazette points in any table layout', () => {
  it('gives the same polygon: same points in label order, same planar area', () => {
    fc.assert(
      fc.property(layout, (l) => {
        const points = rings[l.ring]!;
        const text = ['某市自然资源局关于某宗地界址点的公告', '界址点坐标：', ...render(points, l), '特此公告。'].join('\n');
        const r = read(text);
        expect(r.parcels).toHaveLength(1);
        const p = r.parcels[0]!;
        expect(p.points.map((q) => [q.label, q.x, q.y])).toEqual(points.map((q) => [q.label, q.x, q.y]));
        expect(p.verification.status).toBe('unstated');
        expect(lost(r, text)).toEqual([]);
        expect(r.pointLines.inParcels).toBe(r.pointLines.total);
      }),
      RUNS,
    );
  });
});

// Han characters of ordinary prose (none of them a table-header word on its own), digits, units and punctuation.
const PROSE = [...'的地公告市县局关于批复同意面积平方米公顷元万年月日开采深度出让收益电话邮编自然资源厅人民政府决定如下'];
const proseLine = fc.array(fc.oneof(fc.constantFrom(...PROSE), fc.constantFrom(...'0123456789.,:;，。、 ()'), fc.integer({ min: 0, max: 99_999_999 }).map(String)), { minLength: 1, maxLength: 40 }).map((parts) => `${PROSE[0]}${parts.join('')}`);

describe('the reader over Chinese prose without coordinates', () => {
  it('finds no polygon and no coordinate line', () => {
    fc.assert(
      fc.property(fc.array(proseLine, { minLength: 1, maxLength: 30 }), (lines) => {
        const r = read(lines.join('\n'));
        expect(r.parcels).toEqual([]);
        expect(r.pointLines.total).toBe(0);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
