// Shared vertices, overlaps and gaps between neighbouring parcels, on the gazettes and on
// synthetic neighbours whose answers are known by construction.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/core/extract.js';
import { gazetteInputs } from './helpers.js';

/** A minimal take-back decision listing one parcel per ring, as the gazettes print them. */
function decision(number: number, ring: [number, number][], area: string): string {
  const points = ring.map(([x, y], i) => `X${i + 1}＝${x.toFixed(3)}，Y${i + 1}＝${y.toFixed(3)}；`);
  points.push(`X1＝${ring[0]![0].toFixed(3)}，Y1＝${ring[0]![1].toFixed(3)}。`);
  return [
    ' 吕梁市人民政府',
    '关于收回测试单位国有建设用地使用权的决定',
    `吕政发〔2030〕${number} 号`,
    '测试单位：',
    `一、收回你单位位于测试路的国有建设用地使用权，面积为 ${area} 平方米。宗地坐标如下：`,
    ...points,
    '吕梁市人民政府',
    '2030 年 1 月 1 日',
  ].join('\n');
}

/** A clockwise square (as printed, in east/north) with its south-west corner at (x, y) and side s. */
function square(x: number, y: number, s: number): [number, number][] {
  return [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
  ];
}

function relations(...docs: string[]) {
  const result = extract([{ file: 'synthetic.txt', bytes: new TextEncoder().encode(docs.join('\n')) }]);
  expect(result.parcels.every((p) => p.verification.status === 'match')).toBe(true);
  return result.topology.pairs;
}

const X = 4153800;
const Y = 37512100;

describe('topology', () => {
  it('lists the shared boundaries of the gazette parcels, with no overlap beyond the printed precision', () => {
    const pairs = extract(gazetteInputs()).topology.pairs;
    const shared = Object.fromEntries(pairs.map((p) => [`${p.a} ~ ${p.b}`, p.sharedVertices.length]));
    expect(shared).toEqual({
      '吕政发〔2022〕9号 ~ 吕政发〔2022〕15号#2': 14,
      '吕政发〔2022〕9号 ~ 吕政发〔2022〕15号#3': 3,
      '吕政发〔2022〕12号 ~ 吕政发〔2022〕14号': 5,
      '吕政发〔2022〕14号 ~ 吕政发〔2022〕15号#1': 5,
      '吕政发〔2022〕15号#2 ~ 吕政发〔2022〕15号#3': 4,
    });
    // 12号 J1 and 14号 J2 are the same corner printed 1 mm apart in X and in Y.
    const millimetre = pairs.find((p) => p.a === '吕政发〔2022〕12号')!.sharedVertices.find((v) => v.aLabel === 1)!;
    expect(millimetre.bLabel).toBe(2);
    expect(millimetre.distanceM).toBeCloseTo(Math.SQRT2 * 0.001, 6);
    expect(pairs.filter((p) => p.overlapM2 > 0 && !p.overlapWithinPrecision)).toEqual([]);
  });

  it('measures an overlap between two parcels', () => {
    const [pair] = relations(decision(1, square(X, Y, 20), '400'), decision(2, square(X, Y + 19, 20), '400'));
    expect(pair!.overlapM2).toBeCloseTo(20, 6);
    expect(pair!.overlapWithinPrecision).toBe(false);
  });

  it('measures the overlap of a parcel printed twice, whose vertices all lie on the other', () => {
    const [pair] = relations(decision(1, square(X, Y, 20), '400'), decision(2, square(X, Y, 20), '400'));
    expect(pair!.sharedVertices).toHaveLength(4);
    expect(pair!.overlapM2).toBeCloseTo(400, 6);
    expect(pair!.overlapWithinPrecision).toBe(false);
  });

  it('finds the gap between two neighbours that do not quite meet', () => {
    const [pair] = relations(decision(1, square(X, Y, 20), '400'), decision(2, square(X, Y + 20.3, 20), '400'));
    expect(pair!.sharedVertices).toEqual([]);
    expect(pair!.overlapM2).toBe(0);
    expect(pair!.gap!.widthM).toBeCloseTo(0.3, 6);
  });

  it('treats corners printed a millimetre apart as shared and their sliver as within precision', () => {
    const a = square(X, Y, 20);
    const b = square(X + 0.001, Y + 19.999, 20);
    const [pair] = relations(decision(1, a, '400'), decision(2, b, '400'));
    // a's east side (J3 north-east, J4 south-east) is b's west side (J2 north-west, J1 south-west).
    expect(pair!.sharedVertices.map((v) => [v.aLabel, v.bLabel])).toEqual([
      [3, 2],
      [4, 1],
    ]);
    expect(pair!.overlapWithinPrecision).toBe(true);
    expect(pair!.gap).toBeNull();
  });

  it('leaves parcels far apart out of the report', () => {
    expect(relations(decision(1, square(X, Y, 20), '400'), decision(2, square(X, Y + 100, 20), '400'))).toEqual([]);
  });
});
