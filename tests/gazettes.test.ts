// Issue 2 "Done when", on the five bundled 吕梁 gazettes through extract(): the 11 parcels with their
// vertex counts and verified areas, the records without points, the key fields a planner checks, complete
// accounting of every boundary-point line, and the conversion against PROJ's cs2cs.
// Every expected value below is typed in from docs/gazettes.md (§2, §3, §4),
// which was read and computed independently of this code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/core/extract.js';
import type { ExtractResult, Parcel } from '../src/core/model/types.js';
import { gazetteDir, gazetteInputs, placedAndDiagnosed, rawPointLines, run } from './helpers.js';

const F000 = 'data/gazettes/000_b02c1e540ac53d1c.txt';
const F001 = 'data/gazettes/001_4be63aa6261a689a.txt';
const F002 = 'data/gazettes/002_974677008c505204.txt';
const F004 = 'data/gazettes/004_b5408ac186dc4505.txt';

/** Inventory §1.2/§1.3: id, file, distinct vertices, stated m², independent 'Calc' m². */
const PARCELS: [string, string, number, number, number][] = [
  ['吕政发〔2023〕15号', F000, 41, 51599.96, 51599.9316],
  ['吕政发〔2022〕9号', F002, 39, 7416.9, 7416.9329],
  ['吕政发〔2022〕10号', F002, 7, 2875.21, 2875.1739],
  ['吕政发〔2022〕11号', F002, 6, 7759.91, 7759.9326],
  ['吕政发〔2022〕12号', F002, 11, 514.9, 514.8901],
  ['吕政发〔2022〕13号', F002, 9, 3553.25, 3553.2357],
  ['吕政发〔2022〕14号', F002, 24, 2741.03, 2741.0251],
  ['吕政发〔2022〕15号#1', F002, 44, 2210.02, 2210.0337],
  ['吕政发〔2022〕15号#2', F002, 57, 10273.75, 10273.7505],
  ['吕政发〔2022〕15号#3', F002, 27, 3613.63, 3613.6432],
  ['吕政发〔2022〕15号#4', F002, 17, 816.39, 816.3973],
];

/** Inventory §1.1–1.2 and §3.3: records stated without boundary points. */
const WITHOUT_POINTS: [string, string, number, string][] = [
  ['吕政发〔2023〕4号', F001, 26356.26, '平方米'],
  ['吕政发〔2023〕5号#1', F001, 15104.73, '平方米'],
  ['吕政发〔2023〕5号#2', F001, 12924.39, '平方米'],
  ['吕政发〔2023〕5号#3', F001, 7073.25, '平方米'],
  ['吕政发〔2023〕5号#4', F001, 8382.21, '平方米'],
  ['吕政函〔2023〕69号', F000, 5405.84, '平方米'],
  ['吕政函〔2023〕70号', F000, 1425.52, '平方米'],
  ['离政发〔2025〕12号', F004, 292.0682, '亩'],
  ['离政发〔2025〕13号', F004, 10.99, '亩'],
  ['吕政函〔2023〕37号', F001, 380.6386, '公顷'],
];

const M2_PER_UNIT: Record<string, number> = { 平方米: 1, 公顷: 10000, 亩: 10000 / 15 };

/** The gazettes print full-width punctuation; the pipeline NFKC-folds it (docs/domain.md §1). */
const nfkc = (s: string) => s.normalize('NFKC');

let result: ExtractResult;
const byId = new Map<string, Parcel>();

beforeAll(() => {
  result = extract(gazetteInputs());
  for (const p of result.parcels) byId.set(p.id, p);
});

function parcel(id: string): Parcel {
  const p = byId.get(id);
  if (!p) throw new Error(`no record ${id}; records are ${[...byId.keys()].join(', ')}`);
  return p;
}

describe('the 11 parcels with boundary points', () => {
  it('are exactly the 11 of the inventory, and the only records with geometry', () => {
    const withGeometry = result.parcels.filter((p) => p.lonLatRing !== null).map((p) => p.id);
    expect(withGeometry.sort()).toEqual(PARCELS.map(([id]) => id).sort());
    expect(result.parcels.filter((p) => p.points.length > 0).map((p) => p.id).sort()).toEqual(PARCELS.map(([id]) => id).sort());
  });

  it.each(PARCELS)('%s: in %s, %d distinct vertices, closed on point 1, no diagnostics', (id, file, vertices) => {
    const p = parcel(id);
    expect(p.span.file).toBe(file);
    expect(p.points).toHaveLength(vertices);
    expect(p.points.map((q) => q.label)).toEqual(Array.from({ length: vertices }, (_, i) => i + 1));
    expect(new Set(p.points.map((q) => `${q.x},${q.y}`)).size).toBe(vertices);
    expect(p.closingPoint).not.toBeNull();
    expect(p.closingPoint!.label).toBe(1);
    expect([p.closingPoint!.x, p.closingPoint!.y]).toEqual([p.points[0]!.x, p.points[0]!.y]);
    // RFC 7946: closed, counter-clockwise; the printed ring is clockwise (docs/gazettes.md §4).
    expect(p.lonLatRing).toHaveLength(vertices + 1);
    expect(p.lonLatRing![0]).toEqual(p.lonLatRing![vertices]);
    expect(p.checks?.orientation).toBe('clockwise');
    expect(p.diagnostics).toEqual([]);
    expect(p.zone).toMatchObject({ epsg: 4525, zone: 37, width: 3, prefixed: true });
  });

  it.each(PARCELS)('%s: area matches the stated figure and agrees with the independent Calc to 0.05 m²', (id, _file, _n, stated, calc) => {
    const p = parcel(id);
    const v = p.verification;
    expect(v.status).toBe('match');
    expect(p.statedArea).toMatchObject({ value: stated, unit: '平方米', m2: stated });
    expect(Math.abs(v.computedM2! - calc)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(v.deltaM2! - (calc - stated))).toBeLessThanOrEqual(0.05);
    expect(v.toleranceM2!).toBeGreaterThan(Math.abs(v.deltaM2!));
    // The ellipsoidal area differs from the plane by the GK scale (k = 1 on the CM, 111°E; the parcels
    // lie ≈ 13 km east of it, where the plane is larger by ≈ y²/2R² ≈ 2e-6): tiny, but never equal.
    expect(Math.abs(v.ellipsoidalM2! - calc) / calc).toBeLessThan(1e-5);
  });

  it('puts the parcels where the inventory says (vertex means, §1.3) to 1e-5°', () => {
    const means: Record<string, [number, number]> = {
      '吕政发〔2023〕15号': [111.156447, 37.618887],
      '吕政发〔2022〕9号': [111.137796, 37.516507],
      '吕政发〔2022〕10号': [111.144238, 37.611768],
      '吕政发〔2022〕15号#4': [111.139826, 37.517235],
    };
    for (const [id, [lon, lat]] of Object.entries(means)) {
      const pts = parcel(id).pointLonLat!;
      const mLon = pts.reduce((s, q) => s + q[0], 0) / pts.length;
      const mLat = pts.reduce((s, q) => s + q[1], 0) / pts.length;
      expect(Math.abs(mLon - lon), id).toBeLessThan(1e-5);
      expect(Math.abs(mLat - lat), id).toBeLessThan(1e-5);
    }
  });
});

describe('records without boundary points', () => {
  it.each(WITHOUT_POINTS)('%s (%s): %d %s, no-points', (id, file, value, unit) => {
    const p = parcel(id);
    expect(p.span.file).toBe(file);
    expect(p.verification.status).toBe('no-points');
    expect(p.points).toEqual([]);
    expect(p.lonLatRing).toBeNull();
    expect(p.statedArea?.value).toBe(value);
    expect(p.statedArea?.unit).toBe(unit);
    expect(Math.abs(p.statedArea!.m2 - value * M2_PER_UNIT[unit]!)).toBeLessThan(1e-6);
    expect(p.statedArea?.text).toBe(`${value} ${unit}`);
  });

  it('are the only other records: 21 in all, none from 003 or from non-land documents', () => {
    expect(result.parcels.map((p) => p.id).sort()).toEqual([...PARCELS.map(([id]) => id), ...WITHOUT_POINTS.map(([id]) => id)].sort());
  });
});

describe('key fields against the inventory', () => {
  it('holders, kinds and signature dates', () => {
    const expected: [string, string, string, string][] = [
      ['吕政发〔2023〕4号', 'take-back', '吕梁能源科创有限公司', '2023-04-18'],
      ['吕政发〔2023〕5号#1', 'take-back', '吕梁建投科技发展有限公司', '2023-04-18'],
      ['吕政发〔2023〕5号#4', 'take-back', '吕梁建投科技发展有限公司', '2023-04-18'],
      ['吕政发〔2023〕15号', 'take-back', '吕梁能源科创有限公司', '2023-09-30'],
      ['吕政函〔2023〕69号', 'land-rights', '吕梁市离石区凤山街道办事处', '2023-09-04'],
      ['吕政函〔2023〕70号', 'land-rights', '吕梁市住宅合作社', '2023-09-04'],
      ['吕政函〔2023〕37号', 'bulk-development', '交城县人民政府', '2023-05-26'],
      ['吕政发〔2022〕9号', 'take-back', '吕梁物资产业集团有限公司', '2022-07-11'],
      ['吕政发〔2022〕10号', 'take-back', '吕梁市新区建设管理中心', '2022-07-12'],
      ['吕政发〔2022〕11号', 'take-back', '吕梁国投集团有限公司', '2022-07-11'],
      ['吕政发〔2022〕12号', 'take-back', '离石区城镇集体联合社', '2022-07-12'],
      ['吕政发〔2022〕13号', 'take-back', '山西地方电力有限公司', '2022-07-12'],
      ['吕政发〔2022〕14号', 'take-back', '吕梁市离石区城镇集体联合社', '2022-07-30'],
      ['吕政发〔2022〕15号#3', 'take-back', nfkc('吕梁市离石区工业和信息化局（离石区国资局）'), '2022-07-30'],
      ['离政发〔2025〕12号', 'confiscation', '吕梁祁县至离石高速公路有限公司', '2025-06-18'],
      ['离政发〔2025〕13号', 'confiscation', '信义镇人民政府', '2025-06-18'],
    ];
    for (const [id, kind, holder, date] of expected) {
      const p = parcel(id);
      expect({ id, kind: p.kind, holder: p.holder, date: p.date }).toEqual({ id, kind, holder, date });
    }
  });

  it('never takes a holder from a consult footer (trap §6.10)', () => {
    for (const p of result.parcels) {
      expect(p.holder ?? '').not.toMatch(/咨询|机场|统计局|农业农村局/);
      expect(p.location ?? '').not.toMatch(/咨询|公报/);
    }
  });

  it('titles and document spans', () => {
    expect(parcel('吕政发〔2022〕9号').title).toBe('关于收回吕梁物资产业集团有限公司国有建设用地使用权的决定');
    expect(parcel('吕政函〔2023〕70号').title).toBe('关于确定永东安居1号和2号楼土地权属的决定');
    expect(parcel('吕政发〔2022〕15号#2').title).toBe(nfkc('关于收回吕梁市离石区工业和信息化局（离石区国资局）国有建设用地使用权的决定'));
    expect(parcel('吕政发〔2022〕9号').sources).toEqual([{ file: F002, line: 310, endLine: 445 }]);
    expect(parcel('吕政发〔2022〕15号#1').sources[0]).toMatchObject({ file: F002, line: 847 });
    expect(parcel('吕政发〔2023〕15号').sources[0]).toMatchObject({ file: F000, line: 1529 });
  });

  it('survey report numbers, including split and full-width ones (trap §6.7)', () => {
    const reports: Record<string, string[]> = {
      '吕政发〔2023〕4号': ['HYKJ2021-25'],
      '吕政发〔2023〕5号#2': ['LD-2023-SC-（001）', 'LD-2023-SC-（002）', 'LD-2023-SC-（003）', 'LD-2023-SC-（004）'],
      '吕政发〔2023〕15号': ['HY2023-01'],
      '吕政发〔2022〕9号': ['RX－（SC2022－007）'],
      '吕政发〔2022〕10号': ['RX－（SC2022－008）'],
      '吕政发〔2022〕11号': ['YCKJ202227'],
      '吕政发〔2022〕12号': ['RX－（SC2022－002）'],
      '吕政发〔2022〕13号': ['RX－（SC2022－001）'],
      '吕政发〔2022〕14号': ['RX－（Q2022－001）'],
      '吕政发〔2022〕15号#4': ['RX－（Q2022－004）', 'RX－（SQ2022－005）', 'RX－（Q2022－002）', 'RX－（Q2022－007）'],
    };
    for (const [id, numbers] of Object.entries(reports)) expect(parcel(id).reportNumbers, id).toEqual(numbers.map(nfkc));
  });

  it('locations', () => {
    const locations: Record<string, string> = {
      '吕政发〔2023〕15号': '吕梁市新区规划纬十九路以北',
      '吕政发〔2023〕5号#3': '方山县大武镇大武村',
      '吕政发〔2022〕9号': '吕梁市离石区永宁中路',
      '吕政发〔2022〕10号': '吕梁新区纬二十三路东段',
      '吕政发〔2022〕11号': '吕梁市西属巴街道办盛地村吕梁大道西侧，纬十八路南侧，经四路东侧',
      '吕政发〔2022〕12号': '吕梁市离石区永宁中路98号',
      '吕政发〔2022〕15号#1': '吕梁市离石区原兴隆商厦',
      '吕政发〔2022〕15号#2': '吕梁市离石区原饮食服务公司',
      '吕政发〔2022〕15号#3': '吕梁市离石区原糖业烟酒公司',
      '吕政函〔2023〕70号': '吕梁市离石区永宁东路 438 号',
    };
    for (const [id, location] of Object.entries(locations)) expect(parcel(id).location, id).toBe(nfkc(location));
    // The 69号 address is split "凤山路 625\n\n号" in the text.
    expect(parcel('吕政函〔2023〕69号').location?.replace(/\s/g, '')).toBe('吕梁市离石区凤山路625号');
  });

  it('four sides (四至), including the 9号 list split over five lines and the 70号 bracket', () => {
    const sides: Record<string, string> = {
      '吕政发〔2022〕9号':
        '东至原区饮食服务公司、原市烟草局围墙外线；西至本单位围墙外线，邻小路；南至本单位围墙外线，邻货源街；北至本单位办公楼面，邻永宁中路。',
      '吕政发〔2022〕12号': '东邻小路；南邻区城镇集体联合社；西邻区城镇集体联合社；北邻永宁中路。',
      '吕政发〔2022〕13号': '东邻小路；南邻原市公路局；西邻贺昌路；北邻货源街。',
      '吕政发〔2023〕5号#1': '北邻规划纬十二路，东邻规划环二路，南邻规划木楼东路，西邻规划木楼北路。',
      '吕政发〔2023〕5号#2': '北邻规划纬十二路，东邻规划新安大道，南邻规划木楼东路，西邻规划环二路。',
      '吕政发〔2023〕5号#3': '北邻规划木楼东路，东邻规划环二路，南邻规划环二路，西邻规划绿地。',
      '吕政发〔2023〕5号#4': '北邻规划木楼东路，东邻规划新安大道，南邻规划绿地，西邻规划环二路。',
      '吕政函〔2023〕70号': '西至离石大厦东侧道路，东至安鑫宾馆所在的居民楼，南至东关社区卫生服务站边上居民小巷，北至永宁东路',
    };
    for (const [id, text] of Object.entries(sides)) expect(parcel(id).fourSides, id).toBe(nfkc(text));
  });

  it('stated-area source lines, including the split phrases of trap §6.6', () => {
    const lines: Record<string, [string, number]> = {
      '吕政发〔2023〕15号': [F000, 1554],
      '吕政函〔2023〕69号': [F000, 1771],
      '吕政函〔2023〕70号': [F000, 1849],
      '吕政发〔2023〕5号#1': [F001, 70],
      '吕政发〔2022〕10号': [F002, 467],
      '吕政发〔2022〕13号': [F002, 684],
      '吕政发〔2022〕15号#1': [F002, 874],
      '离政发〔2025〕12号': [F004, 398],
    };
    for (const [id, [file, line]] of Object.entries(lines)) expect(parcel(id).statedArea?.source, id).toEqual({ file, line });
  });
});

describe('boundary-point accounting', () => {
  const raw = new Map<string, string>();
  beforeAll(() => {
    for (const f of [F000, F001, F002, 'data/gazettes/003_102bf63a8d2c093e.txt', F004]) {
      raw.set(f, readFileSync(path.join(gazetteDir, path.basename(f)), 'utf8'));
    }
  });

  it('finds 293 point lines in the raw files by an independent regex: 42 in 000, 251 in 002, none elsewhere', () => {
    const counts = [...raw].map(([f, text]) => [f, rawPointLines(text).length]);
    expect(Object.fromEntries(counts)).toEqual({
      [F000]: 42,
      [F001]: 0,
      [F002]: 251,
      'data/gazettes/003_102bf63a8d2c093e.txt': 0,
      [F004]: 0,
    });
    expect(result.pointLines).toEqual({ total: 293, inParcels: 293, inDiagnostics: 0 });
  });

  it('places every raw point line in a parcel (as a point or a closing point) or names it in a diagnostic', () => {
    const { placed, diagnosed } = placedAndDiagnosed(result);
    const missing: string[] = [];
    for (const [f, text] of raw) {
      for (const n of rawPointLines(text)) if (!placed.has(`${f}:${n}`) && !diagnosed.has(`${f}:${n}`)) missing.push(`${f}:${n}`);
    }
    expect(missing).toEqual([]);
  });

  it('places them all in parcels here, each line once, and nothing that is not a raw point line', () => {
    const rawKeys = new Set([...raw].flatMap(([f, text]) => rawPointLines(text).map((n) => `${f}:${n}`)));
    const used: string[] = result.parcels.flatMap((p) => [...p.points, ...(p.closingPoint ? [p.closingPoint] : [])].map((q) => `${q.source.file}:${q.source.line}`));
    expect(used).toHaveLength(293);
    expect(new Set(used).size).toBe(293);
    expect(new Set(used)).toEqual(rawKeys);
  });

  it('reads each point from its own raw line (label, X, Y as printed)', () => {
    for (const p of result.parcels) {
      const lines = raw.get(p.span.file)?.split('\n') ?? [];
      for (const q of [...p.points, ...(p.closingPoint ? [p.closingPoint] : [])]) {
        const m = /[XＸ]\s*(\d+)\s*[=＝]\s*([\d.]+)[^Y]*Y\s*(\d+)\s*[=＝]\s*([\d.]+)/.exec(lines[q.source.line - 1]!);
        expect(m, `${q.source.file}:${q.source.line}`).not.toBeNull();
        expect([q.label, q.x, q.y]).toEqual([Number(m![1]), Number(m![2]), Number(m![4])]);
      }
    }
  });
});

describe('conversion against PROJ', () => {
  it('gives the first and last point of 吕政发〔2022〕9号 as cs2cs EPSG:4525 → EPSG:4490 does, to 1e-9°', async () => {
    // 002:348 is X1, 002:424 X39 (docs/gazettes.md §3: coordinates 002:348-426, 426 being the closing X1).
    const lines = raw002().split('\n');
    const read = (n: number) => {
      const m = /X(\d+)＝([\d.]+)，Y\d+＝([\d.]+)/.exec(lines[n - 1]!)!;
      return { label: Number(m[1]), x: Number(m[2]), y: Number(m[3]) };
    };
    const first = read(348);
    const last = read(424);
    expect([first.label, last.label]).toEqual([1, 39]);

    const { code, stdout, stderr } = await run('cs2cs', ['-f', '%.10f', 'EPSG:4525', 'EPSG:4490'], {
      input: `${first.x} ${first.y}\n${last.x} ${last.y}\n`,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // EPSG:4490 in authority order: latitude first.
    const proj = stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number));
    expect(proj).toHaveLength(2);

    const p = parcel('吕政发〔2022〕9号');
    expect(p.points[0]).toMatchObject({ label: 1, x: first.x, y: first.y });
    expect(p.points[38]).toMatchObject({ label: 39, x: last.x, y: last.y });
    const ours = [p.pointLonLat![0]!, p.pointLonLat![38]!];
    ours.forEach(([lon, lat], i) => {
      expect(Math.abs(lon - proj[i]![1]!)).toBeLessThan(1e-9);
      expect(Math.abs(lat - proj[i]![0]!)).toBeLessThan(1e-9);
    });
    // The ring is the printed ring reversed (clockwise → counter-clockwise): it starts and ends on X39, X1 is next to last.
    const ring = p.lonLatRing!;
    expect(ring[0]).toEqual(ours[1]);
    expect(ring[ring.length - 2]).toEqual(ours[0]);
  });
});

function raw002(): string {
  return readFileSync(path.join(gazetteDir, path.basename(F002)), 'utf8');
}
