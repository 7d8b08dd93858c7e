// 国土 TXT as producers really write it: 地块面积 in m², extra rings that are holes, islands or parts, an empty
// 带号 with 分带=3度带, 中央子午线 instead of 带号, keys with spaces, a block line without 界址点数, an open ring,
// a last line ending in a bare CR.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import type { ExtractResult } from '../../src/core/model/types.js';
import { shoelace } from '../helpers.js';

type Ring = [number, number][];
const square = (x0: number, y0: number, side: number): Ring => [
  [x0, y0],
  [x0, y0 + side],
  [x0 - side, y0 + side],
  [x0 - side, y0],
];
const X0 = 4153900;
const Y0 = 37512100;

function pointLines(rings: Ring[], closed = true): string[] {
  let label = 0;
  return rings.flatMap((ring, k) => {
    const first = label + 1;
    const lines = ring.map(([x, y]) => `J${++label},${k + 1},${x.toFixed(3)},${y.toFixed(3)}`);
    return closed ? [...lines, `J${first},${k + 1},${ring[0]![0].toFixed(3)},${ring[0]![1].toFixed(3)}`] : lines;
  });
}

function file(header: string[], blocks: { line: string; rings: Ring[]; closed?: boolean }[], eol = '\n'): string {
  return ['[属性描述]', ...header, '[地块坐标]', ...blocks.flatMap((b) => [b.line, ...pointLines(b.rings, b.closed ?? true)])].join(eol) + eol;
}

function read(text: string): ExtractResult {
  return extract([{ file: 'guotu.txt', bytes: new TextEncoder().encode(text) }]);
}
const all = (r: ExtractResult) => [...r.diagnostics, ...r.parcels.flatMap((p) => p.diagnostics)];
const codes = (r: ExtractResult) => all(r).map((d) => d.code);
const area = (ring: Ring) => shoelace(ring.map(([x, y]) => ({ x, y })));

const HEADER = ['坐标系=2000国家大地坐标系', '几度分带=3', '带号=37'];
const A = square(X0, Y0, 50); // 2500 m²
const B = square(X0 + 1000, Y0, 40); // 1600 m²

describe('地块面积 in m²', () => {
  it('is read in m² when every block of the file is its rings’ area in m², with a warning', () => {
    const r = read(file(HEADER, [{ line: '5,2500,1,甲,面,,,,@', rings: [A] }, { line: '5,1600.0,2,乙,面,,,,@', rings: [B] }]));
    expect(r.parcels.map((p) => [p.statedArea!.unit, p.statedArea!.m2, p.verification.status])).toEqual([
      ['平方米', 2500, 'match'],
      ['平方米', 1600, 'match'],
    ]);
    expect(codes(r).filter((c) => c === 'import-area-square-metres')).toHaveLength(1);
  });

  it('stays in 公顷 when one block is in 公顷, so that block matches and the other shows a mismatch', () => {
    const r = read(file(HEADER, [{ line: '5,0.25,1,甲,面,,,,@', rings: [A] }, { line: '5,1600,2,乙,面,,,,@', rings: [B] }]));
    expect(r.parcels.map((p) => [p.statedArea!.unit, p.verification.status])).toEqual([
      ['公顷', 'match'],
      ['公顷', 'mismatch'],
    ]);
    expect(codes(r)).not.toContain('import-area-square-metres');
  });

  it('keeps a unit the file prints', () => {
    const r = read(file(HEADER, [{ line: '5,2500平方米,1,甲,面,,,,@', rings: [A] }]));
    expect(r.parcels[0]!.verification.status).toBe('match');
    expect(codes(r)).not.toContain('import-area-square-metres');
  });
});

describe('rings with 圈号 > 1', () => {
  const outer = square(X0, Y0, 100); // 10000 m²
  const hole = square(X0 - 20, Y0 + 20, 60); // 3600 m², inside the outer ring
  const island = square(X0 - 40, Y0 + 40, 20); // 400 m², inside the hole
  const part = square(X0 + 500, Y0, 30); // 900 m², apart

  it('decides hole, island and part by containment, and says what it decided', () => {
    const r = read(file(HEADER, [{ line: '20,0.77,1,甲,面,,,,@', rings: [outer, hole, island, part] }]));
    const p = r.parcels[0]!;
    expect(p.verification.computedM2).toBeCloseTo(area(outer) - area(hole) + area(island) + area(part), 6);
    expect(p.polygonRings).toEqual([[0, 1], [2], [3]]);
    expect(p.verification.status).toBe('match');
    const roles = all(r).filter((d) => d.code === 'ring-role').map((d) => d.message.en);
    expect(roles).toEqual([
      expect.stringMatching(/^ring 2: inside ring 1, a hole/),
      expect.stringMatching(/^ring 3: inside the hole ring 2, an island/),
      expect.stringMatching(/^ring 4: inside no other ring, another part/),
    ]);
    // The test rings all run the same way: the hole contradicts its direction, the island and the part do not.
    expect(roles.map((m) => m.includes('direction says otherwise'))).toEqual([true, false, false]);
    expect(p.lonLatPolygons).toHaveLength(3);
  });
});

describe('header and block variants', () => {
  const unprefixed = A.map(([x, y]): [number, number] => [x, y - 37e6]);

  it.each([
    ['带号= empty, 分带=3度带, prefixed Y', ['坐标系=2000国家大地坐标系', '分带=3度带', '带号='], A],
    ['中央子午线=111 and 分带=3度带 for unprefixed Y', ['分带=3度带', '带号=', '中央子午线=111'], unprefixed],
    ['keys with spaces: 带 号 = 37', ['几度分带=3', '带 号 = 37'], unprefixed],
  ] as [string, string[], Ring][])('%s puts the parcel in 3° zone 37', (_, header, ring) => {
    const r = read(file(header, [{ line: '5,0.25,1,甲,面,,,,@', rings: [ring] }]));
    expect(r.parcels[0]!.zone).toMatchObject({ width: 3, zone: 37 });
    expect(r.parcels[0]!.verification.status).toBe('match');
  });

  it('reads a block line without 界址点数: the area comes first and the fields move left', () => {
    const r = read(file(HEADER, [{ line: '0.2500,1,甲地块,面,,,,@', rings: [A] }]));
    const p = r.parcels[0]!;
    expect(p.statedArea).toMatchObject({ unit: '公顷', m2: 2500 });
    expect(p.attributes).toMatchObject({ 地块编号: '1', 地块名称: '甲地块' });
    expect(p.verification.status).toBe('match');
  });

  it('says when a ring is left open, and closes it on point 1', () => {
    const r = read(file(HEADER, [{ line: '4,0.25,1,甲,面,,,,@', rings: [A], closed: false }]));
    expect(codes(r)).toContain('ring-not-closed');
    expect(r.parcels[0]!.verification.status).toBe('match');
  });

  it('reads a last line that ends in a bare CR, with CRLF before it', () => {
    const text = file(HEADER, [{ line: '5,0.25,1,甲,面,,,,@', rings: [A] }], '\r\n').replace(/\r\n$/, '\r');
    const r = read(text);
    expect(r.parcels[0]!.points).toHaveLength(4);
    expect(r.parcels[0]!.closingPoint).not.toBeNull();
    expect(r.pointLines).toEqual({ total: 5, inParcels: 5, inDiagnostics: 0 });
  });
});
