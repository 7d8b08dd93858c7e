// Mining-right registration lines in the 报盘 layout: "1,X,Y,,," points, each block closed by
// "*,start elevation,end elevation,name,n,". Several blocks per file; elevations are attributes, never points.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { isMiningTxt } from '../../src/core/formats/mining-txt/readMiningTxt.js';
import { isCoordinateList } from '../../src/core/formats/coordinate-list/readCoordinateList.js';

const FILE = [
  '1,3301234.56,41401234.56,,,',
  '2,3301234.56,41401734.56,,,',
  '3,3300734.56,41401734.56,,,',
  '4,3300734.56,41401234.56,,,',
  '*,320,150,一采区,1,',
  '1,3302000.1234,41402000.1234,,,',
  '2,3302000.1234,41402300.1234,,,',
  '3,3301800.1234,41402300.1234,,,',
  '*,280,120.5,二采区,2,',
].join('\r\n');

describe('报盘 mining-right lines', () => {
  it('is read by content as a mining-right file, not as a plain list', () => {
    expect(isMiningTxt(FILE)).toBe(true);
    expect(isCoordinateList(FILE)).toBe(false);
    expect(isMiningTxt(FILE.replace(/^\*.*$/gm, ''))).toBe(false);
  });

  it('gives one mining zone per block, with its name and elevations as attributes', () => {
    const r = extract([{ file: '矿区范围.txt', bytes: new TextEncoder().encode(FILE) }]);
    expect(r.parcels.map((p) => [p.kind, p.title, p.points.length, p.elevation])).toEqual([
      ['mining-zone', '一采区', 4, { top: 320, bottom: 150 }],
      ['mining-zone', '二采区', 3, { top: 280, bottom: 120.5 }],
    ]);
    expect(r.parcels[0]!.attributes).toMatchObject({ 块段名称: '一采区' });
    expect(r.parcels[1]!.points[0]).toMatchObject({ x: 3302000.1234, y: 41402000.1234, xDecimals: 4, yDecimals: 4 });
    // 500 m × 500 m on the plane; measured on the ellipsoid, which at 2.1° from the central meridian is smaller.
    expect(r.parcels[0]!.zone!.epsg).toBe(4529);
    expect(r.parcels[0]!.verification.ellipsoidalM2! / 250000).toBeGreaterThan(0.999);
    const numbers = r.parcels.flatMap((p) => p.points.flatMap((q) => [q.x, q.y]));
    for (const elevation of [320, 150, 280, 120.5]) expect(numbers).not.toContain(elevation);
    expect(r.pointLines).toEqual({ total: 7, inParcels: 7, inDiagnostics: 0 });
  });

  it('reports points after the last block end as an unclosed block', () => {
    const text = `${FILE}\r\n1,3303000.00,41403000.00,,,\r\n2,3303000.00,41403100.00,,,\r\n3,3302900.00,41403100.00,,,`;
    const r = extract([{ file: 'm.txt', bytes: new TextEncoder().encode(text) }]);
    expect(r.parcels).toHaveLength(2);
    expect(r.diagnostics.filter((d) => d.code === 'mining-block-unclosed')).toHaveLength(3);
  });
});
