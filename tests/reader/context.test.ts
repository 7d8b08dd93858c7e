// The context around coordinates: sections and totals, declared point counts, traditional characters,
// web-page furniture, the datum named, the kind inferred, the planar figure of an older mining notice.
import { describe, expect, it } from 'vitest';
import { codes, lost, read, RECT } from './helpers.js';

const row = (label: string, [x, y]: readonly [number, number]) => `${label} ${x.toFixed(2)} ${y.toFixed(2)}`;
const shifted = (dx: number) => RECT.map(([x, y]) => [x - dx, y] as const);

describe('sections and totals', () => {
  const section = (mark: string, from: number, pts: readonly (readonly [number, number])[], area: string) => [
    mark,
    ...pts.map((p, i) => row(`J${from + i}`, p)),
    `${mark}矿段面积${area}㎡，露天开采。`,
  ];
  const doc = (total: string, sections: string[][]) => ['某矿采矿权出让公示', `矿区面积约为${total}平方公里，矿区范围坐标见下表。`, '矿段 拐点 X Y', ...sections.flat()].join('\n');

  it('verifies each section against its own figure and the total against their sum', () => {
    const r = read(doc('0.0018', [section('一', 1, RECT, '900'), section('二', 5, shifted(100), '900')]));
    expect(r.parcels.map((p) => [p.section, p.statedArea?.m2, p.verification.status])).toEqual([
      ['一矿段', 900, 'match'],
      ['二矿段', 900, 'match'],
    ]);
    expect(r.parcels[0]!.diagnostics.map((d) => d.code)).toContain('area-total-match');
    expect(r.parcels[0]!.documentArea?.wording).toBe('矿区面积约为0.0018平方公里');
  });

  it('says when the total does not agree with the sum', () => {
    const r = read(doc('0.0025', [section('一', 1, RECT, '900'), section('二', 5, shifted(100), '900')]));
    expect(codes(r)).toContain('area-total-mismatch');
  });

  it('reports a total that cannot be checked because a section is missing', () => {
    const r = read(doc('0.0027', [section('一', 1, RECT, '900'), section('二', 5, shifted(100), '900'), ['三', row('J9', RECT[0])]]));
    expect(codes(r)).toContain('area-total-unverifiable');
    expect(codes(r)).not.toContain('area-total-match');
    expect(codes(r)).not.toContain('area-total-mismatch');
  });
});

describe('declared point counts', () => {
  it('names both numbers and ranks a missing point first', () => {
    const text = ['某矿采矿权协议出让公示', '矿区范围由5个拐点圈定，面积0.0012平方公里。', ...RECT.map((p, i) => row(`J${i + 1}`, p))].join('\n');
    const r = read(text);
    const p = r.parcels[0]!;
    const d = p.diagnostics.find((x) => x.code === 'points-declared-mismatch')!;
    expect(d.message.en).toContain('5');
    expect(d.message.en).toContain('4');
    expect(p.verification.status).toBe('mismatch');
    expect(p.hypotheses[0]!.kind).toBe('missing-point');
    expect(p.hypotheses[0]!.message.en).toContain('declares 5 points');
  });
});

describe('traditional characters', () => {
  it('reads 拐點坐標, 面積 and 號 like simplified, and keeps the original text for display', () => {
    const text = ['清國土資儲備字〔2016〕23號', '擬設礦區採礦權範圍拐點坐標如下，面積900平方米：', ...RECT.map((p, i) => `${i + 1}、${p[0].toFixed(2)},${p[1].toFixed(2)}`), '清遠市國土資源局', '2016年7月14日'].join('\n');
    const p = read(text).parcels[0]!;
    expect(p).toMatchObject({ kind: 'mining-zone', doc: '清國土資儲備字〔2016〕23號', issuer: '清遠市國土資源局', date: '2016-07-14' });
    expect(p.statedArea?.m2).toBe(900);
  });
});

describe('web-page furniture', () => {
  it('never becomes the title, holder or location', () => {
    const text = [
      '当前位置：首页 > 政务公开 > 矿业权市场',
      '首页 > 通知公告',
      '索引号： 公开方式：',
      '发布单位： 信息来源：某省自然资源厅',
      '某县某矿采矿权协议出让事项公开',
      '发布日期： 2017-09-25 15:22 浏览次数： 字体：[ 大 中 小 ]',
      '一、协议受让人：某某建材有限公司。',
      '2、矿区位置：位于某县某镇某村，交通便利。',
      '矿区面积900平方米，矿区范围坐标（1980西安坐标系）：',
      ...RECT.map((p, i) => row(`J${i + 1} ,`, p)),
    ].join('\n');
    const p = read(text).parcels[0]!;
    expect(p.title).toBe('某县某矿采矿权协议出让事项公开');
    expect(p.holder).toBe('某某建材有限公司');
    expect(p.location).toBe('某县某镇某村');
    expect(p.date).toBe('2017-09-25');
    expect(p.datum).toBe('Xian80');
  });
});

describe('the kind of land', () => {
  it('is a parcel without mining words, with a diagnostic saying what was inferred', () => {
    const p = read(['征地范围界址点：', ...RECT.map((q, i) => row(`J${i + 1}`, q))].join('\n')).parcels[0]!;
    expect(p.kind).toBe('parcel');
    const d = p.diagnostics.find((x) => x.code === 'run-kind-inferred')!;
    expect(d.message.zh).toContain('征地');
  });
});

describe('mining areas', () => {
  // 94 km west of the central meridian the plane is larger than the ellipsoid by ≈ 2.2e-4: 0.2 m² on 900 m².
  it('recognises an older notice whose figure is the planar area', () => {
    const big = RECT.map(([x, y], i) => [x - (i >= 2 ? 970 : 0), y + (i === 1 || i === 2 ? 970 : 0)] as const);
    const p = read(['某矿采矿权出让公示（2019年）', '矿区面积1000000平方米。', ...big.map((q, i) => row(`J${i + 1}`, q))].join('\n')).parcels[0]!;
    expect(p.kind).toBe('mining-zone');
    expect(p.verification.planarM2).toBeCloseTo(1000 * 1000, 3);
    expect(p.verification.status).toBe('match');
    expect(p.verification.agreesWith).toBe('planar');
    expect(p.diagnostics.map((d) => d.code)).toContain('area-planar-figure');
  });
});

describe('度分秒 lon/lat', () => {
  it('reads a CGCS2000 geographic polygon and verifies its ellipsoidal area', () => {
    const text = [
      '某探矿权协议出让公示',
      '面积:0.044600平方千米,拐点坐标如下(2000国家大地坐标):',
      '| 序号 | 经度 | 纬度 |',
      ...[
        ['83°00\'48.281"', '44°35\'59.917"'],
        ['83°00\'52.520"', '44°36\'00.295"'],
        ['83°00\'58.140"', '44°35\'57.242"'],
        ['83°00\'44.937"', '44°35\'53.927"'],
      ].map(([lon, lat], i) => `| ${i + 1} | ${lon} | ${lat} |`),
      '| 5 | 0 | 0 |',
    ].join('\n');
    const r = read(text);
    const p = r.parcels[0]!;
    expect(p.points).toHaveLength(4);
    expect(p.points[0]!.lonLat![0]).toBeCloseTo(83 + 48.281 / 3600, 9);
    expect(p.pointLonLat![0]).toEqual(p.points[0]!.lonLat);
    expect(p.zone?.epsg).toBe(4516);
    expect(p.verification.ellipsoidalM2).toBe(p.verification.computedM2);
    expect(p.verification.planarM2).toBeGreaterThan(p.verification.ellipsoidalM2!);
    expect(lost(r, text)).toEqual([]);
  });
});
