// The planner's layers joined to the gazettes' references (synthetic layers only: the gazettes carry no block
// or mining geometry), the retention test on each zone, parcel relations with known overlaps, and the two
// GeoJSON layers for the map.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { applyLayers } from '../src/core/layers/applyLayers.js';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract, type InputFile } from '../src/core/extract.js';
import { readLayers } from '../src/core/layers/readLayers.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON } from '../src/core/formats/geojson/toLayerGeoJSON.js';
import type { ExtractResult } from '../src/core/model/types.js';
import { ensureCliBuilt, gazetteInputs, jiezhi, repoRoot } from './helpers.js';

const DIR = 'tests/fixtures/synthetic';
const input = (name: string): InputFile => ({ file: `${DIR}/${name}`, bytes: readFileSync(path.join(repoRoot, DIR, name)) });

let result: ExtractResult;
beforeAll(() => {
  const layers = readLayers(['synthetic-planning-blocks.geojson', 'synthetic-mining-zones.geojson', 'synthetic-planning-block.txt', 'synthetic-mining-zone.txt'].map(input));
  result = applyLayers(extract([...gazetteInputs(), input('synthetic-parcels.txt')]), layers);
});

describe('joins', () => {
  test('blocks join by normalised code, from GeoJSON and from 国土 TXT', () => {
    const planning = result.layers!.join.planning.map((p) => [p.feature.id, p.code, p.block?.code ?? null]);
    expect(planning).toEqual([
      [`${DIR}/synthetic-planning-blocks.geojson#1`, 'BF-09-03', 'BF-09-03'],
      [`${DIR}/synthetic-planning-blocks.geojson#2`, 'JR-05-06', 'JR-05-06'],
      [`${DIR}/synthetic-planning-blocks.geojson#3`, 'XC-79', 'XC-79'],
      [`${DIR}/synthetic-planning-blocks.geojson#4`, 'QQ-99-01', null],
      [`${DIR}/synthetic-planning-block.txt#1`, 'HZ-21-07', 'HZ-21-07'],
    ]);
  });

  test('mines join by 字号, from GeoJSON and from a mining-right TXT', () => {
    const mining = result.layers!.join.mining.map((m) => [m.name, m.mine?.key ?? null, m.match]);
    expect(mining).toEqual([
      ['山西吕梁离石永聚煤业有限公司', '永聚', 'exact'],
      ['东江煤业', '东江', 'exact'],
      ['新升凯建材', '新升凯', 'exact'],
      ['晋邦德煤矿', '西山晋邦德', 'tail'],
      ['合成示例石料厂', null, null],
      ['锦瑞煤业', '锦瑞', 'exact'],
    ]);
  });

  test('both kinds of unmatched are reported', () => {
    const join = result.layers!.join;
    expect(join.unmatchedFeatures.map((f) => [f.layer, f.label])).toEqual([
      ['planning', 'QQ-99-01'],
      ['mining', '合成示例石料厂'],
    ]);
    const blocks = join.unmatchedReferences.planning.map((b) => b.code);
    expect(blocks).toHaveLength(27 + 3 - 4); // 27 plots and 3 streets named, 4 plots located
    expect(blocks).not.toContain('BF-09-03');
    expect(blocks).toContain('BF-07');
    expect(join.unmatchedReferences.mining.map((m) => m.key)).not.toContain('永聚');
    expect(join.unmatchedReferences.mining).toHaveLength(28 - 5);
  });
});

test('every zone is evaluated with its own attributes and ellipsoidal area', () => {
  const byName = new Map(result.layers!.join.mining.map((m) => [m.name, m]));
  const row = (name: string) => {
    const m = byName.get(name)!;
    return [m.retention.outcome, ...m.retention.criteria.map((c) => c.status), m.retention.criteria[0]!.value];
  };
  expect(row('山西吕梁离石永聚煤业有限公司')).toEqual(['retain', 'pass', 'pass', 'pass', 0.12]);
  expect(row('东江煤业')).toEqual(['consolidate', 'fail', 'pass', 'pass', 0.04]);
  expect(row('新升凯建材')).toEqual(['unknown', 'pass', 'unknown', 'pass', 0.15]);
  expect(row('晋邦德煤矿')).toEqual(['unknown', 'pass', 'unknown', 'unknown', 0.11]);
  // The mining-right TXT has corners and elevation only: capacity and remaining life are unknown.
  expect(row('锦瑞煤业')).toEqual(['unknown', 'pass', 'unknown', 'unknown', 0.12]);
});

test('parcel relations: known overlaps on the Gauss–Krüger plane', () => {
  const rel = result.layers!.relations.map((r) => [r.parcel.replace(`${DIR}/`, ''), r.label, r.relation, Number(r.overlapM2.toFixed(3)), Number(r.parcelShare.toFixed(6))]);
  expect(rel).toEqual([
    ['synthetic-parcels.txt#1', 'BF-09-03', 'overlaps', 5000, 0.5],
    ['synthetic-parcels.txt#2', 'JR-05-06', 'within', 1500, 1],
    ['synthetic-parcels.txt#3', '吕梁离石永聚煤业有限公司', 'overlaps', 2500, 0.25],
  ]);
});

describe('layers for the map', () => {
  test('planning.geojson: RFC 7946, status and latest approval, parcels inside, unlocated references', () => {
    const fc = toPlanningGeoJSON(result);
    expect(checkGeoJSON(fc)).toEqual([]);
    const bf = fc.features.find((f) => f.properties.code === 'BF-09-03')!;
    expect(bf.properties).toMatchObject({ status: 'approved', latest_doc: '吕政函〔2022〕37号', latest_date: '2022-06-27', 地块编号: 'BF－09－03' });
    expect(bf.properties.parcels).toEqual([{ id: `${DIR}/synthetic-parcels.txt#1`, relation: 'overlaps', overlap_m2: 5000, share: 0.5 }]);
    expect(fc.features.find((f) => f.properties.code === 'XC-79')!.properties.status).toBe('mentioned');
    expect(fc.features.find((f) => f.properties.code === 'QQ-99-01')!.properties.status).toBe('unreferenced');
    expect(fc.unlocated.map((u) => u.code)).toContain('ZJ-15-12');
  });

  test('mining.geojson: RFC 7946, outcome and each criterion', () => {
    const fc = toMiningLayerGeoJSON(result);
    expect(checkGeoJSON(fc)).toEqual([]);
    const yongju = fc.features.find((f) => f.properties.mine === '吕梁离石永聚煤业有限公司')!;
    expect(yongju.properties).toMatchObject({ outcome: 'retain', area_km2: 0.12, capacity_wt_per_year: 60, remaining_years: 8, area_status: 'pass', capacity_status: 'pass', remaining_years_status: 'pass' });
    expect(yongju.properties.criteria[0]).toMatchObject({ criterion: 'area', min: 0.1, source_text: 'data/gazettes/000_b02c1e540ac53d1c.txt:497-499' });
    expect(yongju.properties.mentions.map((m) => m.doc)).toEqual(['离政办发〔2025〕10号', '离政办函〔2025〕11号']);
    expect(fc.unlocated.length).toBe(23);
  });

  test('without layers every reference is unlocated and there are no features', () => {
    const bare = extract(gazetteInputs());
    expect(toPlanningGeoJSON(bare)).toMatchObject({ features: [] });
    expect(toPlanningGeoJSON(bare).unlocated).toHaveLength(30);
    expect(toMiningLayerGeoJSON(bare).unlocated).toHaveLength(28);
  });
});

test('a clockwise planner polygon comes out counter-clockwise (RFC 7946)', () => {
  const ring: [number, number][] = [[111.15, 37.61], [111.15, 37.611], [111.151, 37.611], [111.151, 37.61], [111.15, 37.61]];
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 地块编号: 'BF-10-04' }, geometry: { type: 'Polygon', coordinates: [ring] } }] };
  const layers = readLayers([{ file: 'cw.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) }]);
  const out = toPlanningGeoJSON(applyLayers(result, layers));
  expect(checkGeoJSON(fc)).not.toEqual([]);
  expect(checkGeoJSON(out)).toEqual([]);
  expect(out.features[0]!.properties.latest_doc).toBe('吕政函〔2023〕33号');
});

test('jiezhi extract --layers writes planning.geojson and mining.geojson; a missing folder is no layers', async () => {
  await ensureCliBuilt();
  const out = mkdtempSync(path.join(tmpdir(), 'jiezhi-layers-'));
  const run = await jiezhi(['extract', 'data/gazettes', '--out', out, '--layers', DIR]);
  expect(run.code).toBe(0);
  const planning = JSON.parse(readFileSync(path.join(out, 'planning.geojson'), 'utf8'));
  const mining = JSON.parse(readFileSync(path.join(out, 'mining.geojson'), 'utf8'));
  // The folder also holds synthetic-parcels.txt: as a layer its parcels are neither blocks nor mines.
  expect(planning.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['BF-09-03', 'JR-05-06', 'XC-79', 'QQ-99-01', 'HZ-21-07']);
  expect(mining.features).toHaveLength(6);
  const records = JSON.parse(readFileSync(path.join(out, 'records.json'), 'utf8'));
  expect(records.layers.unmatchedFeatures).toHaveLength(2);
  expect(records.layers.unclassified).toHaveLength(3);
  const none = await jiezhi(['extract', 'data/gazettes', '--out', out, '--layers', path.join(out, 'no-such-folder')]);
  expect(none.code).toBe(0);
  expect(JSON.parse(readFileSync(path.join(out, 'planning.geojson'), 'utf8')).features).toEqual([]);
  rmSync(out, { recursive: true, force: true });
});
