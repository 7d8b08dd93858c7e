// Plain coordinate lists ("id,x,y", "x y", with or without a header), read by content; an unprefixed Y with no
// zone still gets its planar area and check, is listed in records.json and the table, and is not drawn.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { isCoordinateList } from '../../src/core/formats/coordinate-list/readCoordinateList.js';
import type { ExtractResult } from '../../src/core/model/types.js';
import { shoelace } from '../helpers.js';

// A 50 m × 40 m rectangle in 3° zone 37, printed with and without its zone prefix.
const RING = [
  [4153900.0, 512100.0],
  [4153900.0, 512150.0],
  [4153860.0, 512150.0],
  [4153860.0, 512100.0],
] as const;
const AREA = shoelace(RING.map(([x, y]) => ({ x, y })));

function read(text: string, options = {}): ExtractResult {
  return extract([{ file: 'list.txt', bytes: new TextEncoder().encode(text) }], options);
}
const codes = (r: ExtractResult) => [...r.diagnostics, ...r.parcels.flatMap((p) => p.diagnostics)].map((d) => d.code);

const id_x_y = RING.map(([x, y], i) => `${i + 1},${x.toFixed(3)},${y.toFixed(3)}`).join('\r\n');
const x_y = RING.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join('\n');

describe('plain coordinate lists', () => {
  it.each([
    ['id,x,y CSV with CRLF', id_x_y],
    ['id,x,y with a header', `点号,X,Y\n${id_x_y}`],
    ['x y per line', x_y],
    ['X Y with a header and tabs', `X\tY\n${x_y.replace(/ /g, '\t')}`],
    ['east first, told by digit count', RING.map(([x, y], i) => `J${i + 1} ${y.toFixed(3)} ${x.toFixed(3)}`).join('\n')],
    ['closed by repeating the first point, last line ending in a bare CR', `${id_x_y}\r\n5,${RING[0][0]},${RING[0][1]}\r`],
  ])('reads %s into one ring with its planar area', (_, text) => {
    expect(isCoordinateList(text)).toBe(true);
    const r = read(text);
    expect(r.parcels).toHaveLength(1);
    const p = r.parcels[0]!;
    expect(p.points.map((q) => [q.x, q.y])).toEqual(RING.map(([x, y]) => [x, y]));
    expect(p.verification.computedM2).toBeCloseTo(AREA, 6);
    expect(r.pointLines.total).toBe(r.pointLines.inParcels);
  });

  it('without a zone: the area is still computed, the parcel listed and not drawn, and --zone places it', () => {
    const r = read(id_x_y);
    const p = r.parcels[0]!;
    expect(p.verification.status).toBe('unstated');
    expect(p.verification.computedM2).toBeCloseTo(AREA, 6);
    expect(p.lonLatRing).toBeNull();
    expect(p.zone).toBeNull();
    const d = p.diagnostics.find((q) => q.code === 'zone-unknown-not-drawn')!;
    expect(d.severity).toBe('warning');
    expect(d.message.en).toContain('--zone N');
    expect(codes(r)).not.toContain('zone-unknown');

    const placed = read(id_x_y, { zone: { width: 3, zone: 37 } }).parcels[0]!;
    expect(placed.zone!.epsg).toBe(4546);
    expect(placed.lonLatRing).not.toBeNull();
    expect(placed.verification.computedM2).toBeCloseTo(AREA, 6);
  });

  it('with a zone prefix: placed by the prefix, CGCS2000 assumed and said', () => {
    const r = read(RING.map(([x, y], i) => `${i + 1},${x},${y + 37e6}`).join('\n'));
    expect(r.parcels[0]!.zone!.epsg).toBe(4525);
    expect(codes(r)).toContain('zone-assumed-cgcs2000');
  });

  it('honours a datum named in a header or comment line', () => {
    const r = read(`# 坐标系：1980西安坐标系\n${RING.map(([x, y], i) => `${i + 1},${x},${y + 37e6}`).join('\n')}`);
    expect(r.parcels[0]!.zone!.epsg).toBe(2361);
    expect(codes(r)).toContain('datum-position-approximate');
  });

  it('makes one parcel per ring: a ring ends at the repeat of its first point or at a blank line', () => {
    const second = RING.map(([x, y]) => `${x + 1000} ${y}`).join('\n');
    const r = read(`${x_y}\n${RING[0][0]} ${RING[0][1]}\n${second}\n\n${x_y}`);
    expect(r.parcels.map((p) => p.points.length)).toEqual([4, 4, 4]);
  });

  it.each([
    ['a gazette', '吕梁市人民政府\n关于收回国有建设用地使用权的决定\nX1=4153899.979，Y1=37512131.140；'],
    ['dates and money', '2022,7,30\n1234567,89,10\n100 200'],
    ['two rows only', '1,4153900,512100\n2,4153900,512150'],
    ['rows with a note column', '1,4153900,512100,界桩\n2,4153900,512150,界桩\n3,4153860,512150,界桩'],
  ])('is not %s', (_, text) => {
    expect(isCoordinateList(text)).toBe(false);
  });
});
