// Joins the planner's layer features to what the gazettes say: planning-block features by normalised block
// code, mining-zone features by the enterprise's distinctive name (mineNameKey). Features that match nothing
// and references that no feature locates are both reported: the first are geometry the texts never mention,
// the second are what a planner still has to draw.
//
// Property names read (the first present wins; Chinese, English and the usual GIS field codes):
//   block code:         地块编号, 地块代码, 控规编号, 编号, code, block_code, block, DKBM, DKBH
//   mine name:          矿山名称, 矿区名称, 采矿权人, 企业名称, 名称, name, mine, KSMC, KQMC
//   capacity (万吨/年):  生产规模, 产能, 设计产能, capacity, SCGM  — "30万吨/年" or a number; 吨/年 is converted
//   remaining years:    剩余服务年限, 服务年限, remaining_years, SYFWNX
//   mineral:            开采矿种, 矿种, mineral, KCKZ, KZ
// A feature with a block code is a planning block; otherwise one with a mine name, or layer = "mining", is a mining zone.
import { ellipsoidalArea } from '../geodesy/ellipsoidalArea.js';
import { evaluateRetention } from '../mining/evaluateRetention.js';
import type { ZoneAttributes } from '../model/mining.js';
import type { Mine } from '../model/mining.js';
import { mineNameKey } from '../mining/extractMines.js';
import type { MiningPolicy } from '../model/mining.js';
import { normalizeBlockCode } from '../planning/extractPlanningBlocks.js';
import type { PlanningBlock } from '../model/planning.js';
import type { LayerFeature } from '../model/layers.js';
import type { LayerJoin, MiningFeature, PlanningFeature } from '../model/layers.js';

export const CODE_FIELDS = ['地块编号', '地块代码', '控规编号', '编号', 'code', 'block_code', 'block', 'DKBM', 'DKBH'];
export const NAME_FIELDS = ['矿山名称', '矿区名称', '采矿权人', '企业名称', '名称', 'name', 'mine', 'KSMC', 'KQMC'];
export const CAPACITY_FIELDS = ['生产规模', '产能', '设计产能', 'capacity', 'SCGM'];
export const YEARS_FIELDS = ['剩余服务年限', '服务年限', 'remaining_years', 'SYFWNX'];
export const MINERAL_FIELDS = ['开采矿种', '矿种', 'mineral', 'KCKZ', 'KZ'];

export function joinLayers(features: readonly LayerFeature[], blocks: readonly PlanningBlock[], mines: readonly Mine[], policy: MiningPolicy | null): LayerJoin {
  const byCode = new Map(blocks.map((b) => [b.code, b]));
  const planning: PlanningFeature[] = [];
  const mining: MiningFeature[] = [];
  const unclassified: LayerFeature[] = [];
  for (const f of features) {
    const codeText = fieldOf(f.properties, CODE_FIELDS);
    // A feature the planner imported as a planning block keeps its code even when it is not a 控规 code.
    const code = codeText === null ? null : (normalizeBlockCode(codeText) ?? (f.properties.layer === 'planning' ? codeText : null));
    if (code) {
      planning.push({ feature: f, code, block: byCode.get(code) ?? null });
      continue;
    }
    const name = fieldOf(f.properties, NAME_FIELDS);
    if (name === null && f.properties.layer !== 'mining') {
      unclassified.push(f);
      continue;
    }
    const key = name === null ? null : mineNameKey(name);
    const found = key === null ? null : findMine(key, mines);
    const attributes = zoneAttributes(f);
    mining.push({ feature: f, name, key, mine: found?.mine ?? null, match: found?.match ?? null, attributes, retention: evaluateRetention(attributes, policy) });
  }
  const locatedBlocks = new Set(planning.map((p) => p.block).filter(Boolean));
  const locatedMines = new Set(mining.map((m) => m.mine).filter(Boolean));
  return {
    planning,
    mining,
    unclassified,
    unmatchedFeatures: [
      ...planning.filter((p) => !p.block).map((p) => ({ id: p.feature.id, layer: 'planning' as const, label: p.code })),
      ...mining.filter((m) => !m.mine).map((m) => ({ id: m.feature.id, layer: 'mining' as const, label: m.name ?? '' })),
    ],
    unmatchedReferences: {
      // Groups and streets the texts only imply are not references; blocks a document names are.
      planning: blocks.filter((b) => b.documents.length > 0 && !locatedBlocks.has(b)),
      mining: mines.filter((m) => !locatedMines.has(m)),
    },
  };
}

function findMine(key: string, mines: readonly Mine[]): { mine: Mine; match: 'exact' | 'tail' } | null {
  const exact = mines.find((m) => m.key === key);
  if (exact) return { mine: exact, match: 'exact' };
  const tails = mines.filter((m) => Math.min(m.key.length, key.length) >= 2 && (m.key.endsWith(key) || key.endsWith(m.key)));
  return tails.length === 1 ? { mine: tails[0]!, match: 'tail' } : null;
}

function zoneAttributes(f: LayerFeature): ZoneAttributes {
  const areaM2 = f.ellipsoidalM2 ?? (f.polygons.length > 0 ? polygonsArea(f.polygons) : null);
  return {
    areaM2,
    capacity: quantity(fieldOf(f.properties, CAPACITY_FIELDS), { 万吨: 1, 吨: 1e-4, 万t: 1, t: 1e-4 }),
    remainingYears: quantity(fieldOf(f.properties, YEARS_FIELDS), { 年: 1, a: 1 }),
    mineral: fieldOf(f.properties, MINERAL_FIELDS),
  };
}

/** Ellipsoidal area of lon/lat polygons: exteriors minus holes. */
function polygonsArea(polygons: readonly [number, number][][][]): number {
  let m2 = 0;
  for (const poly of polygons) poly.forEach((ring, k) => (m2 += (k === 0 ? 1 : -1) * ellipsoidalArea(ring)));
  return m2;
}

/** The first of `names` (NFKC, any case) that a feature's properties carry a non-empty value for. */
export function fieldOf(props: Record<string, unknown>, names: readonly string[]): string | null {
  const lower = new Map(Object.entries(props).map(([k, v]) => [k.normalize('NFKC').toLowerCase(), v]));
  for (const n of names) {
    const v = lower.get(n.toLowerCase());
    if (v === null || v === undefined) continue;
    const s = String(v).normalize('NFKC').trim();
    if (s) return s;
  }
  return null;
}

/** "30万吨/年", "300000 吨/年", "12.5" → a number in the base unit; units not listed make the value unusable (null). */
function quantity(text: string | null, units: Record<string, number>): number | null {
  if (text === null) return null;
  const m = /^(\d+(?:\.\d+)?)\s*([^\d\s/]*)\s*(?:\/\s*(?:年|a))?$/i.exec(text);
  if (!m) return null;
  const factor = m[2] ? units[m[2]] : 1;
  return factor === undefined ? null : Number(m[1]) * factor;
}
