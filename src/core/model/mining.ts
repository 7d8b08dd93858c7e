// Mines, the mining policy, the mineral plan and the retention test of a mining zone.
import type { SourceSpan } from './source.js';

export type MineKind = 'coal' | 'quarry' | 'mine';

export interface MineMention {
  doc: string;
  title: string;
  date: string | null;
  /** The name as printed in this mention. */
  name: string;
  source: SourceSpan;
}

export interface Mine {
  /** The fullest name printed (a registered company name when one is printed). */
  name: string;
  /** The enterprise's distinctive name (字号), the join key: see mineNameKey. */
  key: string;
  kind: MineKind;
  /** Other spellings printed for the same mine. */
  aliases: string[];
  mentions: MineMention[];
}

export interface MineralPlanRow {
  /** The plan's section heading the figure stands under ("2.省级开采规划区块"). */
  section: string;
  /** What is counted: a category ("探矿权转采矿权") or a mineral ("建筑石料用灰岩"). */
  label: string;
  count: number;
  areaKm2: number;
  text: string;
  source: SourceSpan;
}

export interface MineralPlan {
  doc: string;
  title: string;
  date: string | null;
  rows: MineralPlanRow[];
}

export type Criterion = 'area' | 'capacity' | 'remaining-years';

export interface Threshold {
  criterion: Criterion;
  /** The zone's value must be at least this (the texts say 不小于 / 不低于 / 不少于, all inclusive). */
  min: number;
  /** Unit of `min`: 平方公里, 万吨/年 or 年. */
  unit: string;
  /** Set when the threshold applies to one mineral only (玻璃用石英岩). */
  mineral: string | null;
  /** The phrase as printed, after line breaks are joined. */
  text: string;
  source: SourceSpan;
}

export interface MiningPolicy {
  doc: string;
  title: string;
  date: string | null;
  /** All thresholds of the single-retention test; every one must hold. */
  singleRetention: Threshold[];
  /** The cut in the number of quarries, percent, each time the text states it. */
  reductionTargets: { minPercent: number; text: string; source: SourceSpan }[];
}

export interface ZoneAttributes {
  /** Ellipsoidal area on CGCS2000 (TD/T 1055-2019 附录D), m²; null without geometry. */
  areaM2: number | null;
  /** Production capacity, existing or after the planned increase, 万吨/年. */
  capacity: number | null;
  /** Remaining service life, years. */
  remainingYears: number | null;
  /** Mineral mined (开采矿种), as the layer names it. */
  mineral: string | null;
}

type CriterionStatus = 'pass' | 'fail' | 'unknown';

export type RetentionOutcome = 'retain' | 'consolidate' | 'unknown';

export interface CriterionResult {
  criterion: Criterion;
  status: CriterionStatus;
  /** The zone's value in the threshold's unit, null when the zone lacks it. */
  value: number | null;
  /** The threshold applied; null when the policy has none or it depends on a mineral the zone does not name. */
  min: number | null;
  unit: string;
  /** The policy's wording and where it is printed. */
  text: string | null;
  source: SourceSpan | null;
  /** Why the criterion is unknown, when it is. */
  reason: string | null;
}

export interface RetentionResult {
  /** retain: every criterion passes; consolidate: at least one fails; unknown: none fails but one is unknown. */
  outcome: RetentionOutcome;
  criteria: CriterionResult[];
  /** The document the thresholds were read from. */
  policyDoc: string | null;
}
