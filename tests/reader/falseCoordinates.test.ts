// No false coordinates: numbers in the prose of a notice (dates, money, phone numbers, postcodes, ID and
// licence numbers, page numbers, elevations, degree ranges) never become X/Y, and a line that looks like a
// coordinate ends in a polygon or a diagnostic.
import { describe, expect, it } from 'vitest';
import { codes, read } from './helpers.js';

describe('numbers that are not coordinates', () => {
  const prose = [
    '某县自然资源局关于某矿采矿权挂牌出让的公告',
    '发布日期：2025-12-23 浏览次数：1234567',
    '出让收益起始价 3546789.50 元，保证金 458790.00 元。',
    '联系电话：0571-85871667 13905712345 传真 8234038',
    '邮编：524100 地址：某市某路 389 号 610 室',
    '统一社会信用代码：91210381564620598A 身份证号 330102197001011234',
    '采矿许可证号：C3300002011067120115432',
    '开采标高 +435~+280m，开采深度自+136.24m至+8.5m标高。',
    '坐标北纬 37°41′55″~37°42′36″，东经 121°03′16″~121°04′17″。',
    '— 14 —',
    '第 3 页 共 12 页',
    '2016年7月14日',
  ].join('\n');

  it('finds no point in a notice without coordinates', () => {
    const r = read(prose);
    expect(r.parcels).toEqual([]);
    expect(r.pointLines.total).toBe(0);
    expect(codes(r).filter((c) => c.startsWith('point-') || c.startsWith('run-'))).toEqual([]);
  });

  it('reads a lone coordinate pair as too few points, never as a parcel', () => {
    const r = read(`${prose}\nJ1 3301996.14 41405667.12`);
    expect(r.parcels).toEqual([]);
    expect(r.pointLines.total).toBe(1);
    expect(r.pointLines.inDiagnostics).toBe(1);
    expect(codes(r)).toContain('run-too-short');
  });

  it('says so when a publisher masked the digits', () => {
    const r = read(['| 编号 | X | Y |', '| B1 | ****248.17 | 440847.50 |', '| B2 | ****033.17 | 441132.50 |', '| B3 | ****966.07 | 441316.62 |'].join('\n'));
    expect(r.parcels).toEqual([]);
    expect(codes(r).filter((c) => c === 'point-masked')).toHaveLength(3);
    expect(r.pointLines.inDiagnostics).toBe(r.pointLines.total);
  });
});
