// The single-retention test (单独保留) of the consolidation policy applied to one mining zone. Every
// criterion reports the value it used, the threshold and the policy sentence it comes from. A value the zone
// lacks, or a threshold the policy lacks, makes the criterion unknown: never a pass.
import type { Criterion, MiningPolicy, Threshold } from '../model/mining.js';
import type { CriterionResult, RetentionOutcome, RetentionResult, ZoneAttributes } from '../model/mining.js';

const UNITS: Record<Criterion, string> = { area: '平方公里', capacity: '万吨/年', 'remaining-years': '年' };

export function evaluateRetention(zone: ZoneAttributes, policy: MiningPolicy | null): RetentionResult {
  const thresholds = policy?.singleRetention ?? [];
  const of = (c: Criterion) => thresholds.filter((t) => t.criterion === c);
  // Mining-right areas are registered in km² to 4 decimals (TD/T 1055-2019); the test reads that figure.
  const areaKm2 = zone.areaM2 === null ? null : Math.round(zone.areaM2 / 100) / 1e4;
  const criteria = [
    compare('area', areaKm2, of('area').find((t) => t.mineral === null) ?? null, 'zone has no geometry'),
    capacityCriterion(zone, of('capacity')),
    compare('remaining-years', zone.remainingYears, of('remaining-years').find((t) => t.mineral === null) ?? null, 'layer gives no remaining service years'),
  ];
  const outcome: RetentionOutcome = criteria.some((c) => c.status === 'fail') ? 'consolidate' : criteria.some((c) => c.status === 'unknown') ? 'unknown' : 'retain';
  return { outcome, criteria, policyDoc: policy?.doc ?? null };
}

function compare(criterion: Criterion, value: number | null, t: Threshold | null, missingValue: string): CriterionResult {
  const base = { criterion, value, unit: UNITS[criterion], min: t?.min ?? null, text: t?.text ?? null, source: t?.source ?? null };
  if (!t) return { ...base, status: 'unknown', reason: 'the policy states no threshold' };
  if (value === null) return { ...base, status: 'unknown', reason: missingValue };
  return { ...base, status: value >= t.min ? 'pass' : 'fail', reason: null };
}

// A mineral with its own threshold (玻璃用石英岩 20 万吨/年) uses it; any other named mineral uses the general one.
// Without a mineral the answer is still certain when the capacity clears every threshold or none of them.
function capacityCriterion(zone: ZoneAttributes, thresholds: Threshold[]): CriterionResult {
  const general = thresholds.find((t) => t.mineral === null) ?? null;
  const missing = 'layer gives no capacity';
  if (zone.mineral !== null) {
    const own = thresholds.find((t) => t.mineral !== null && sameMineral(t.mineral, zone.mineral!));
    return compare('capacity', zone.capacity, own ?? general, missing);
  }
  if (thresholds.length === 0 || zone.capacity === null) return compare('capacity', zone.capacity, general, missing);
  const highest = thresholds.reduce((a, b) => (b.min > a.min ? b : a));
  const lowest = thresholds.reduce((a, b) => (b.min < a.min ? b : a));
  if (zone.capacity >= highest.min) return compare('capacity', zone.capacity, highest, missing);
  if (zone.capacity < lowest.min) return compare('capacity', zone.capacity, lowest, missing);
  return {
    ...compare('capacity', zone.capacity, general, missing),
    status: 'unknown',
    min: null,
    reason: `the threshold depends on the mineral (${thresholds.map((t) => `${t.mineral ?? '一般'} ${t.min}`).join(', ')}), which the layer does not give`,
  };
}

function sameMineral(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
  return norm(a) === norm(b);
}
