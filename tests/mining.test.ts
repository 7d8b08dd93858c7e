// The consolidation policy read from 吕政发〔2023〕9号 (never typed in), the named mines, the mineral plan's
// summary, and the single-retention test as a truth table: pass, fail and unknown for each criterion.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluateRetention } from '../src/core/mining/evaluateRetention.js';
import type { ZoneAttributes } from '../src/core/model/mining.js';
import { extract } from '../src/core/extract.js';
import { mineNameKey } from '../src/core/mining/extractMines.js';
import type { MiningPolicy } from '../src/core/model/mining.js';
import type { ExtractResult } from '../src/core/model/types.js';
import { gazetteDir, gazetteInputs } from './helpers.js';

const F000 = 'data/gazettes/000_b02c1e540ac53d1c.txt';
let result: ExtractResult;
let policy: MiningPolicy;
beforeAll(() => {
  result = extract(gazetteInputs());
  policy = result.miningPolicy!;
});

describe('policy of 吕政发〔2023〕9号', () => {
  test('each single-retention threshold with the lines it is printed on', () => {
    expect(policy.doc).toBe('吕政发〔2023〕9号');
    expect(policy.singleRetention.map((t) => [t.criterion, t.min, t.unit, t.mineral, t.source.file, t.source.line, t.source.endLine])).toEqual([
      ['area', 0.1, '平方公里', null, F000, 497, 499],
      ['capacity', 50, '万吨/年', null, F000, 501, 503],
      ['capacity', 20, '万吨/年', '玻璃用石英岩', F000, 501, 503],
      ['remaining-years', 5, '年', null, F000, 503, undefined],
    ]);
  });

  test('the thresholds are in the raw text at the lines named, split as printed', () => {
    const raw = readFileSync(`${gazetteDir}/000_b02c1e540ac53d1c.txt`, 'utf8').split('\n');
    expect(raw[496]).toContain('不小于 0.1 平');
    expect(raw[498]).toContain('方公里');
    expect(raw[502]).toContain('剩余服务年限不少于 5年');
  });

  test('the reduction target, both times it is stated', () => {
    expect(policy.reductionTargets.map((r) => [r.minPercent, r.source.line])).toEqual([
      [50, 409],
      [50, 485],
    ]);
  });

  test('a gazette set without the policy gives null, and every criterion is then unknown', () => {
    const other = extract(gazetteInputs().filter((i) => !i.file.includes('000_')));
    expect(other.miningPolicy).toBeNull();
    const r = evaluateRetention({ areaM2: 1e6, capacity: 100, remainingYears: 30, mineral: null }, null);
    expect(r.outcome).toBe('unknown');
    expect(r.criteria.every((c) => c.status === 'unknown' && c.reason === 'the policy states no threshold')).toBe(true);
  });
});

describe('named mines', () => {
  test('the mines of docs/gazettes.md §6, merged across documents', () => {
    const keys = result.mines.map((m) => m.key).sort();
    for (const k of ['东江', '永聚', '贾家沟', '锦瑞', '永宁', '王家庄', '炭窑坪', '西山晋邦德', '新升凯', '天利和', '金园', '凌云诚信', '山水', '华瑞', '交口', '正升', '大土河', '吴家峁', '龙达', '南山', '肖家洼', '美锦固贤', '担炭沟', '金晖荣泰', '神州', '袁家村', '紫光', '荣欣']) {
      expect(keys, k).toContain(k);
    }
    // 汾西荣欣矿区 is in 临汾's 汾西县: found because the place names cover the whole province, not one city.
    expect(result.mines).toHaveLength(28);
    const yongju = result.mines.find((m) => m.key === '永聚')!;
    expect(yongju.name).toBe('吕梁离石永聚煤业有限公司');
    expect(yongju.mentions.map((m) => [m.doc, m.source.line])).toEqual([
      ['离政办发〔2025〕10号', 1238],
      ['离政办函〔2025〕11号', 2847],
    ]);
    expect(result.mines.find((m) => m.key === '新升凯')!.kind).toBe('quarry');
    expect(result.mines.reduce((n, m) => n + m.mentions.length, 0)).toBeGreaterThanOrEqual(35);
  });

  test('generic phrases never become mines', () => {
    const names = result.mines.flatMap((m) => [m.name, ...m.aliases]);
    expect(names.filter((n) => /停产|保供|非煤|全市|规划/.test(n))).toEqual([]);
  });

  test('mineNameKey keeps the 字号', () => {
    expect(mineNameKey('山西吕梁离石区王家庄煤业有限公司')).toBe('王家庄');
    expect(mineNameKey('山西煤炭运销集团锦瑞煤业有限公司')).toBe('锦瑞');
    expect(mineNameKey('山西东江煤业（集团）有限公司')).toBe('东江');
    expect(mineNameKey('交口煤业')).toBe('交口');
    expect(mineNameKey(' 永聚 煤矿 ')).toBe('永聚');
  });
});

test('mineral plan summary: counts and areas as the plan states them', () => {
  const rows = result.mineralPlan!.rows.map((r) => [r.label, r.count, r.areaKm2]);
  expect(result.mineralPlan!.doc).toBe('吕政办发〔2023〕18号');
  expect(rows).toEqual([
    ['落实省级规划中拟设置勘查规划区块', 82, 2524],
    ['拟设置开采规划区块', 48, 696],
    ['空白区新设置', 20, 89],
    ['探矿权转采矿权', 16, 461],
    ['已设置采矿权调整', 5, 119],
    ['已设置采矿权整合', 7, 27],
    ['煤层气探转采拟设置开采规划区块', 10, 7011],
    ['建筑石料用灰岩', 87, 72.3],
    ['白云岩', 5, 5.5],
    ['石英岩', 6, 10.3],
    ['水泥用石灰岩', 1, 1.7],
    ['石膏', 1, 1.1],
    ['花岗岩', 1, 0.6],
    ['辉绿岩', 2, 1.5],
    ['长石', 2, 2.6],
    ['建筑用砂岩', 5, 2.6],
  ]);
  expect(result.mineralPlan!.rows.find((r) => r.label === '花岗岩')!.source).toMatchObject({ line: 4417, endLine: 4418 });
});

describe('single-retention truth table', () => {
  const good: ZoneAttributes = { areaM2: 150_000, capacity: 60, remainingYears: 8, mineral: '建筑石料用灰岩' };
  const cases: [string, Partial<ZoneAttributes>, string, string][] = [
    // [case, change from a zone that passes everything, criterion, expected status]
    ['area pass at the threshold', { areaM2: 100_000 }, 'area', 'pass'],
    ['area fail', { areaM2: 99_000 }, 'area', 'fail'],
    ['area unknown without geometry', { areaM2: null }, 'area', 'unknown'],
    ['capacity pass at 50', { capacity: 50 }, 'capacity', 'pass'],
    ['capacity fail', { capacity: 49.9 }, 'capacity', 'fail'],
    ['capacity unknown', { capacity: null }, 'capacity', 'unknown'],
    ['glass quartzite passes at 20', { capacity: 20, mineral: '玻璃用石英岩' }, 'capacity', 'pass'],
    ['glass quartzite fails below 20', { capacity: 19, mineral: '玻璃用石英岩' }, 'capacity', 'fail'],
    ['no mineral, 30: depends on the mineral', { capacity: 30, mineral: null }, 'capacity', 'unknown'],
    ['no mineral, 55: passes every threshold', { capacity: 55, mineral: null }, 'capacity', 'pass'],
    ['no mineral, 10: fails every threshold', { capacity: 10, mineral: null }, 'capacity', 'fail'],
    ['years pass at 5', { remainingYears: 5 }, 'remaining-years', 'pass'],
    ['years fail', { remainingYears: 4.5 }, 'remaining-years', 'fail'],
    ['years unknown', { remainingYears: null }, 'remaining-years', 'unknown'],
  ];
  test.each(cases)('%s', (_name, change, criterion, status) => {
    const r = evaluateRetention({ ...good, ...change }, policy);
    const c = r.criteria.find((x) => x.criterion === criterion)!;
    expect(c.status).toBe(status);
    const others = r.criteria.filter((x) => x.criterion !== criterion);
    expect(others.every((x) => x.status === 'pass')).toBe(true);
    expect(r.outcome).toBe(status === 'pass' ? 'retain' : status === 'fail' ? 'consolidate' : 'unknown');
    if (status === 'unknown') expect(c.reason).toBeTruthy();
    else expect(c.source?.file).toBe(F000);
  });

  test('each criterion shows the value used, the threshold and the policy line', () => {
    const r = evaluateRetention(good, policy);
    expect(r.criteria.map((c) => [c.criterion, c.value, c.min, c.source?.line])).toEqual([
      ['area', 0.15, 0.1, 497],
      ['capacity', 60, 50, 501],
      ['remaining-years', 8, 5, 503],
    ]);
    expect(r.policyDoc).toBe('吕政发〔2023〕9号');
  });

  test('a fail outweighs an unknown', () => {
    expect(evaluateRetention({ ...good, areaM2: 1000, capacity: null }, policy).outcome).toBe('consolidate');
  });
});
