// Layouts of coordinates in real documents: one point per line with any label and separator, two points on a
// line, tables flattened one cell per line with two or three point columns, ordered by label.
import { describe, expect, it } from 'vitest';
import { codes, lost, read, RECT, RECT_M2 } from './helpers.js';

const notice = (body: string[]) => ['某县自然资源局关于某地块用地范围的公告', '用地面积为900平方米，界址点坐标如下：', ...body, '特此公告。'].join('\n');

describe('one point per line, any label and separator', () => {
  const styles: [string, (i: number, x: string, y: string) => string][] = [
    ['J1 tab', (i, x, y) => `J${i}\t${x}\t${y}`],
    ['1、 with debris', (i, x, y) => `${i}、${x}?,${y}`],
    ['拐点1 full-width comma', (i, x, y) => `拐点${i}，${x}，${y}`],
    ['界址点1 pipes', (i, x, y) => `| 界址点${i} | ${x} | ${y} |`],
    ['circled numeral', (i, x, y) => `${String.fromCharCode(0x2460 + i - 1)}${x} ${y}`],
    ['comma with spaces', (i, x, y) => `J${i} , ${x} , ${y}`],
  ];
  it.each(styles)('%s', (_name, style) => {
    const text = notice(RECT.map(([x, y], i) => style(i + 1, x.toFixed(2), y.toFixed(2))));
    const r = read(text);
    expect(r.parcels).toHaveLength(1);
    const p = r.parcels[0]!;
    expect(p.points.map((q) => [q.label, q.x, q.y])).toEqual(RECT.map(([x, y], i) => [i + 1, x, y]));
    expect(p.kind).toBe('parcel');
    expect(p.verification.status).toBe('match');
    expect(p.verification.computedM2).toBeCloseTo(RECT_M2, 6);
    expect(lost(r, text)).toEqual([]);
  });

  it('reads two points on one line', () => {
    const [a, b, c, d] = RECT.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`);
    const text = notice([`①${a} ②${b}`, `③${c} ④${d}`]);
    const p = read(text).parcels[0]!;
    expect(p.points.map((q) => q.label)).toEqual([1, 2, 3, 4]);
    expect(p.verification.status).toBe('match');
  });
});

describe('tables flattened by a web page or a PDF', () => {
  const pentagon = [
    [3301996.14, 41405667.12],
    [3301962.16, 41405696.81],
    [3301853.4, 41405704.66],
    [3301818.39, 41405540.4],
    [3301841.62, 41405518.63],
  ];
  it('reads two point columns one cell per line, in label order, and says the order differed', () => {
    const cells = ['拐点 |', 'X |', 'Y |', '|', '拐点 |', 'X |', 'Y |'];
    const row = (i: number) => [`J${i + 1} |`, `${pentagon[i]![0].toFixed(2)} |`, `${pentagon[i]![1].toFixed(2)} |`];
    for (const [l, r] of [[0, 3], [1, 4], [2, -1]] as const) cells.push(...row(l), '|', ...(r >= 0 ? row(r) : ['|', '|', '|']));
    const text = ['矿区范围拐点坐标表', ...cells, '矿区面积约为0.0204平方公里。'].join('\n');
    const r = read(text);
    expect(r.parcels).toHaveLength(1);
    const p = r.parcels[0]!;
    expect(p.points.map((q) => q.label)).toEqual([1, 2, 3, 4, 5]);
    expect(p.points.map((q) => [q.x, q.y])).toEqual(pentagon);
    expect(p.kind).toBe('mining-zone');
    expect(codes(r)).toContain('run-points-reordered');
    // A point on three lines is placed by the lines of both its X and its Y.
    expect(lost(r, text)).toEqual([]);
    expect(r.pointLines.inParcels).toBe(r.pointLines.total);
  });

  it('reads three point columns on one line each', () => {
    const square = [...RECT, [3301966.14, 41405667.12 - 0.0]].slice(0, 4);
    const row = (i: number) => `J${i + 1} ${square[i]![0].toFixed(2)} ${square[i]![1].toFixed(2)}`;
    const text = notice(['拐点 X Y 拐点 X Y 拐点 X Y', `${row(0)} ${row(2)} ${row(3)}`, row(1)]);
    const p = read(text).parcels[0]!;
    expect(p.points.map((q) => q.label)).toEqual([1, 2, 3, 4]);
    expect(p.verification.status).toBe('match');
  });

  it('keeps two series of labels side by side (N1… beside G1…) as two rings', () => {
    const g = RECT.map(([x, y]) => [x - 500, y + 800] as const);
    const lines = ['拐点 X Y 拐点 X Y'];
    for (let i = 0; i < 4; i++) lines.push(`N${i + 1} ${RECT[i]![0].toFixed(2)} ${RECT[i]![1].toFixed(2)} G${i + 1} ${g[i]![0].toFixed(2)} ${g[i]![1].toFixed(2)}`);
    const r = read(notice(lines).replace('用地面积为900平方米，', ''));
    expect(r.parcels.map((p) => [p.section, p.points.length])).toEqual([['N', 4], ['G', 4]]);
  });
});
