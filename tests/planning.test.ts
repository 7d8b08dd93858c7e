// Planning-block codes of the five gazettes: all 27 plots of docs/gazettes.md §7 with their documents,
// normalised whatever the hyphen or line break, and nothing else that looks like a code.
import { beforeAll, describe, expect, test } from 'vitest';
import { extract } from '../src/core/extract.js';
import { approvalsOf, normalizeBlockCode } from '../src/core/planning/extractPlanningBlocks.js';
import type { ExtractResult } from '../src/core/model/types.js';
import { gazetteInputs } from './helpers.js';

const PLOTS: Record<string, { doc: string; date: string; role: 'approval' | 'mention' }> = {
  'XC-79': { doc: '吕政发〔2023〕4号', date: '2023-04-18', role: 'mention' },
  ...Object.fromEntries(
    ['ZJ-18-01', 'ZJ-18-02', 'ZJ-20-02', 'ZJ-20-03', 'ZJ-16-04', 'ZJ-18-03', 'ZJ-20-01', 'ZJ-20-04', 'ZJ-20-05', 'ZJ-15-10', 'ZJ-15-12'].map((c) => [
      c,
      { doc: '吕政函〔2023〕32号', date: '2023-05-18', role: 'approval' },
    ]),
  ),
  'BF-10-04': { doc: '吕政函〔2023〕33号', date: '2023-05-22', role: 'approval' },
  'JR-13-07': { doc: '吕政函〔2023〕34号', date: '2023-05-22', role: 'approval' },
  'HZ-21-07': { doc: '吕政函〔2022〕30号', date: '2022-06-08', role: 'approval' },
  ...Object.fromEntries(['JR-05-06', 'JR-06-01', 'JR-08-03', 'JR-09-01', 'JR-11-02'].map((c) => [c, { doc: '吕政函〔2022〕36号', date: '2022-06-27', role: 'approval' }])),
  ...Object.fromEntries(
    ['BF-07-02', 'BF-07-03', 'BF-09-01', 'BF-09-03', 'BF-11-02', 'BF-11-03', 'BF-11-04'].map((c) => [c, { doc: '吕政函〔2022〕37号', date: '2022-06-27', role: 'approval' }]),
  ),
};

let result: ExtractResult;
beforeAll(() => {
  result = extract(gazetteInputs());
});

describe('block codes of the gazettes', () => {
  test('exactly the 27 plots of docs/gazettes.md §7, each with its one document, date and role', () => {
    const plots = result.planningBlocks.filter((b) => b.level === 'plot');
    expect(Object.keys(PLOTS)).toHaveLength(27);
    expect(plots.map((b) => b.code).sort()).toEqual(Object.keys(PLOTS).sort());
    for (const b of plots) {
      const want = PLOTS[b.code]!;
      expect(b.documents.map((d) => [d.doc, d.date, d.role]), b.code).toEqual([[want.doc, want.date, want.role]]);
    }
  });

  test('line-broken codes are whole, with the lines they span', () => {
    const spans = (code: string) => result.planningBlocks.find((b) => b.code === code)!.documents[0]!.sources.map((s) => [s.line, s.endLine]);
    expect(spans('BF-09-03')).toContainEqual([1375, 1377]);
    expect(spans('HZ-21-07')).toContainEqual([1245, 1247]);
    expect(spans('JR-08-03')).toContainEqual([1336, 1338]);
    expect(spans('BF-07-02')).toContainEqual([1381, 1383]);
  });

  test('hierarchy: 组团, 街区 and the group mentions of 吕政函〔2022〕37号', () => {
    const b = result.planningBlocks.find((x) => x.code === 'BF-09-03')!;
    expect([b.group, b.street]).toEqual(['BF', 'BF-09']);
    const streets = result.planningBlocks.filter((x) => x.level === 'street' && x.documents.length > 0).map((x) => x.code);
    expect(streets).toEqual(['BF-07', 'BF-09', 'BF-11']);
    expect(result.planningBlocks.find((x) => x.code === 'BF-07')!.documents[0]!.sources.map((s) => s.line)).toEqual([1363, 1371]);
    expect(result.planningBlocks.filter((x) => x.level === 'group').map((x) => x.code)).toEqual(['BF', 'HZ', 'JR', 'XC', 'ZJ']);
  });

  test('the project of an approval comes from its title', () => {
    const d = result.planningBlocks.find((x) => x.code === 'ZJ-15-12')!.documents[0]!;
    expect(d.project).toBe('吕梁新区大武商业街项目');
    expect(approvalsOf(result.planningBlocks.find((x) => x.code === 'XC-79')!)).toEqual([]);
  });

  test('no codes from report numbers, dates, 2021-03 号宗地 or document numbers', () => {
    const codes = result.planningBlocks.map((b) => b.code);
    expect(codes.filter((c) => !/^(BF|HZ|JR|XC|ZJ)(-\d{2}){0,2}$/.test(c))).toEqual([]);
  });

  test('the take-back decision that cites XC-79 links its land record to the plot', () => {
    const linked = result.parcels.filter((p) => p.planningBlock).map((p) => [p.doc, p.planningBlock]);
    expect(linked).toEqual([['吕政发〔2023〕4号', 'XC-79']]);
  });
});

test('normalizeBlockCode folds hyphens, spaces, case and a trailing 地块', () => {
  expect(normalizeBlockCode('BF－09－03')).toBe('BF-09-03');
  expect(normalizeBlockCode(' bf - 09 – 03 ')).toBe('BF-09-03');
  expect(normalizeBlockCode('XC-79地块')).toBe('XC-79');
  expect(normalizeBlockCode('LD-2023-SC')).toBeNull();
  expect(normalizeBlockCode('2021-03')).toBeNull();
});
