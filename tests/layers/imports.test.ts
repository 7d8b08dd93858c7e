// What a dropped file is (classifyInput), the one notice per imported file (importNotice), and a 国土 TXT taken as
// planning blocks (importLayers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, mergeRecord } from '../../src/core/extract.js';
import { classifyInput } from '../../src/core/layers/classifyInput.js';
import { importLayers } from '../../src/core/layers/importLayers.js';
import { importNotice } from '../../src/core/report/importNotice.js';
import { contentHash } from '../../src/core/text/contentHash.js';
import { gazetteInputs, repoRoot } from '../helpers.js';

const synthetic = (name: string) => ({ file: name, bytes: readFileSync(path.join(repoRoot, 'tests/fixtures/synthetic', name)) });
const text = (file: string, content: string) => ({ file, bytes: new TextEncoder().encode(content) });
const none = { planningBlocks: [], mines: [], miningPolicy: null, mineralPlan: null };

describe('classifyInput', () => {
  it('takes each synthetic file as what it is, and says why with a role code', () => {
    const cases: [string, string, string][] = [
      ['synthetic-parcels.txt', 'parcel', 'role-document'],
      ['synthetic-planning-block.txt', 'planning', 'role-planning-codes'],
      ['synthetic-mining-zone.txt', 'mining', 'role-mining-zone'],
      ['synthetic-planning-blocks.geojson', 'planning', 'role-planning-codes'],
      ['synthetic-mining-zones.geojson', 'mining', 'role-mining-names'],
    ];
    for (const [name, role, code] of cases) {
      const c = classifyInput(synthetic(name));
      expect([name, c.role, c.reason?.code]).toEqual([name, role, code]);
      expect(c.reason?.message.zh).toMatch(/^(作为|按)/);
    }
    expect(classifyInput(gazetteInputs()[0]!).role).toBe('parcel');
  });

  it('follows the user’s choice, and refuses a binary file with the decoder’s diagnostic', () => {
    const chosen = classifyInput(synthetic('synthetic-parcels.txt'), 'planning');
    expect([chosen.role, chosen.reason?.code, chosen.reason?.message.zh]).toEqual(['planning', 'role-chosen', '按“导入为”的选择作为规划地块导入']);
    const binary = classifyInput({ file: 'x.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 0, 0]) });
    expect(binary.role).toBeNull();
    expect(binary.diagnostics.map((d) => d.code)).toEqual(['input-binary']);
  });
});

describe('importNotice', () => {
  const lines = readFileSync(path.join(repoRoot, 'data/gazettes/002_974677008c505204.txt'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('吕政发〔2022〕12 号'));
  const points = lines.slice(at).filter((l) => /^X\d+＝/.test(l.trim())).slice(0, 4).join('\n');

  it('says what a text of points without a document number made, and where to look', () => {
    const result = extract([text('pts.txt', points)]);
    expect(result.parcels).toHaveLength(1);
    const n = importNotice({ file: 'pts.txt', result });
    expect(n.code).toBe('import-read-untitled');
    expect(n.zh).toMatch(/^读到 4 个界址点，组成 1 宗地；未找到文号，已用文件名标识；\d+ 处需要核对，首处在第 \d+ 行/);
    expect(n.level).toBe('warning');
  });

  it('says an empty file is empty and a text of neither kind is neither', () => {
    expect(importNotice({ file: 'e.txt', result: extract([text('e.txt', '')]) }).code).toBe('import-empty');
    expect(importNotice({ file: 'n.txt', result: extract([text('n.txt', '你好\n世界')]) }).code).toBe('import-nothing-found');
  });

  it('counts a document another file of the same import also holds as merged, and names the role', () => {
    const [g] = gazetteInputs();
    const result = extract([g!, { file: 'copy.txt', bytes: g!.bytes }]);
    const copy = importNotice({ file: 'copy.txt', result });
    expect(copy.zh).toContain('合并为一条记录');
    const first = importNotice({ file: g!.file, result, reason: classifyInput(g!).reason });
    expect(first.code).toBe('import-read');
    expect(first.zh).toContain('作为宗地导入');
  });
});

describe('merging into what is loaded', () => {
  it('mergeRecord keeps one record with two sources for the same content, two flagged records for different content', () => {
    const [a] = extract(gazetteInputs()).parcels.filter((p) => p.doc === '吕政发〔2022〕12号');
    const again = extract([text('again.txt', readFileSync(path.join(repoRoot, 'data/gazettes/002_974677008c505204.txt'), 'utf8'))]).parcels.find((p) => p.id === a!.id)!;
    const known = new Map([[a!.id, structuredClone(a!)]]);
    const merged = mergeRecord(known, again, new Set());
    expect('mergedInto' in merged && merged.mergedInto.sources.map((s) => s.file)).toEqual([a!.span.file, 'again.txt']);
    const changed = { ...structuredClone(again), points: again.points.slice(1), diagnostics: [] };
    const added = mergeRecord(known, changed, new Set());
    expect('added' in added && added.added.id).toBe(`${a!.id}@2`);
  });

  it('contentHash tells bytes apart and is stable', () => {
    const a = new TextEncoder().encode('吕政发〔2022〕12号');
    expect(contentHash(a)).toBe(contentHash(a.slice()));
    expect(contentHash(a)).not.toBe(contentHash(new TextEncoder().encode('吕政发〔2022〕13号')));
  });
});

describe('importLayers', () => {
  it('a 国土 TXT taken as planning blocks keeps 地块编号 as the code and 地块名称 as the name', () => {
    const parcels = synthetic('synthetic-parcels.txt');
    const auto = importLayers([parcels], null, [], none, { planning: null, mining: null });
    expect(auto.planning.features).toHaveLength(0);
    expect(auto.diagnostics.map((d) => d.code)).toContain('layer-unclassified');
    const chosen = importLayers([parcels], 'planning', [], none, { planning: null, mining: null });
    expect(chosen.planning.features.map((f) => [f.properties.code, f.properties['地块名称']])).toEqual([
      ['SYN-P1', '合成示例宗地一'],
      ['SYN-P2', '合成示例宗地二'],
      ['SYN-P3', '合成示例宗地三'],
    ]);
    expect(chosen.diagnostics.map((d) => d.code)).toEqual(['layer-planning-joined']);
  });
});
