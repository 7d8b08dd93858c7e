// Why a parcel misses its stated area, or makes no usable polygon: single-edit hypotheses, each tested by
// the area it would give. They are suggestions for a person to check against the survey report, never
// corrections: the printed points stay as printed.
import { integerDigits } from '../gazette/coordinateRecord.js';
import { range } from '../gazette/parseCoordinates.js';
import { findSelfIntersections } from '../geometry/findSelfIntersections.js';
import { coordinateRoundingBound, halfUnit, signedPlanarArea, type PrintedPoint } from '../geodesy/planarArea.js';
import { SQUARE_METRES } from '../gazette/statedArea.js';
import type { AreaUnit, BoundaryPoint, Hypothesis, StatedArea } from '../model/types.js';

/** Rings longer than this skip the neighbour-swap search (an area and a crossing test per swap). */
const MAX_SWAP_SEARCH = 2000;
/** How many hypotheses of one kind are kept. */
const KEEP_PER_KIND = 3;
/** For a crossing ring, how many of the most plausible digit edits are tried for untangling it. */
const UNTANGLE_TRIES = 20;

interface Candidate extends Hypothesis {
  /** True when the printed text itself points at this edit (digit counts, numbering), not only the area. */
  textEvidence: boolean;
  /** Lower is more plausible among hypotheses of one kind. */
  plausibility: number;
  /** True when the text itself declares more points than it lists: that outranks every other explanation. */
  declared?: boolean;
}

/**
 * Hypotheses for a ring (distinct vertices, printed order) that misses its stated area or crosses itself,
 * best first: those that restore the stated area within its tolerance before those that do not.
 */
export function diagnoseMismatch(points: readonly BoundaryPoint[], stated: StatedArea | null, selfIntersecting: boolean, declaredPoints?: number): Hypothesis[] {
  const candidates: Candidate[] = [...swappedLines(points, stated)];
  if (points.length >= 3 && !candidates.length) {
    const signed = signedPlanarArea(points);
    if (stated) {
      candidates.push(...wrongUnit(points, signed, stated));
      if (declaredPoints !== undefined && declaredPoints > points.length) candidates.push(undeclaredPoints(points, signed, stated, declaredPoints));
      candidates.push(...missingPoints(points, signed, stated));
      // Digits of a point printed in 度分秒 are not digits of its X and Y.
      if (!points.some((p) => p.lonLat)) candidates.push(...mistypedDigits(points, signed, stated, selfIntersecting));
    }
    if (points.length <= MAX_SWAP_SEARCH) candidates.push(...swappedNeighbours(points, stated, selfIntersecting));
  }
  return rank(candidates).map(({ plausibility: _plausibility, textEvidence: _textEvidence, declared: _declared, ...h }) => h);
}

const KIND_ORDER: Record<Hypothesis['kind'], number> = {
  'swap-xy': 0,
  'missing-point': 1,
  unit: 2,
  'swap-neighbours': 3,
  digit: 4,
};

function rank(candidates: Candidate[]): Candidate[] {
  const byKind = new Map<Hypothesis['kind'], Candidate[]>();
  for (const c of candidates) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  const kept = [...byKind.values()].flatMap((list) =>
    list.sort((a, b) => a.plausibility - b.plausibility || (a.residualM2 ?? 0) - (b.residualM2 ?? 0)).slice(0, KEEP_PER_KIND),
  );
  // Evidence the text itself gives (digit counts, numbering) outranks what only the area suggests.
  return kept.sort(
    (a, b) =>
      Number(b.declared ?? false) - Number(a.declared ?? false) ||
      Number(b.restores) - Number(a.restores) ||
      Number(b.textEvidence) - Number(a.textEvidence) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.plausibility - b.plausibility,
  );
}

function toleranceFor(points: readonly PrintedPoint[], decimals: number, unit: AreaUnit): number {
  return halfUnit(decimals) * SQUARE_METRES[unit] + coordinateRoundingBound(points);
}

/** A Y with 7 integer digits and an X with 8 on the same line: the surveyor's X and Y changed places. */
function swappedLines(points: readonly BoundaryPoint[], stated: StatedArea | null): Candidate[] {
  const out: Candidate[] = [];
  const fixed = points.map((p) => (looksSwapped(p) ? { ...p, x: p.y, y: p.x, xDecimals: p.yDecimals, yDecimals: p.xDecimals } : p));
  const swapped = points.filter(looksSwapped);
  if (swapped.length === 0) return out;
  const area = Math.abs(signedPlanarArea(fixed));
  const residual = stated ? Math.abs(area - stated.m2) : null;
  const restores = stated ? residual! <= toleranceFor(fixed, stated.decimals, stated.unit) : true;
  for (const p of swapped) {
    out.push({
      kind: 'swap-xy',
      areaM2: area,
      residualM2: residual,
      restores,
      labels: [p.label],
      source: p.source,
      corrected: { coordinate: 'XY', from: `X=${fmt(p.x, p.xDecimals)} Y=${fmt(p.y, p.yDecimals)}`, to: `X=${fmt(p.y, p.yDecimals)} Y=${fmt(p.x, p.xDecimals)}` },
      message: {
        zh: `第 ${p.label} 点的 X、Y 可能写反了（X 有 8 位整数、Y 只有 7 位）；交换后面积为 ${area.toFixed(4)} 平方米`,
        en: `point ${p.label} may have X and Y swapped (X has 8 integer digits, Y 7); swapped, the area is ${area.toFixed(4)} m²`,
      },
      textEvidence: true,
      plausibility: 0,
    });
  }
  return out;
}

function fmt(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function looksSwapped(p: BoundaryPoint): boolean {
  return integerDigits(p.x) === 8 && integerDigits(p.y) === 7;
}

function wrongUnit(points: readonly BoundaryPoint[], signed: number, stated: StatedArea): Candidate[] {
  const computed = Math.abs(signed);
  const out: Candidate[] = [];
  for (const unit of Object.keys(SQUARE_METRES) as AreaUnit[]) {
    if (unit === stated.unit) continue;
    const meant = stated.value * SQUARE_METRES[unit];
    const residual = Math.abs(computed - meant);
    if (residual > toleranceFor(points, stated.decimals, unit)) continue;
    out.push({
      kind: 'unit',
      areaM2: meant,
      residualM2: residual,
      restores: true,
      labels: [],
      source: stated.source,
      corrected: { coordinate: 'unit', from: stated.unit, to: unit },
      message: {
        zh: `文载面积 ${stated.value} 的单位可能是“${unit}”而不是“${stated.unit}”：${stated.value} ${unit} = ${meant.toFixed(4)} 平方米，与计算面积 ${computed.toFixed(4)} 平方米相符`,
        en: `the stated ${stated.value} may be in ${unit}, not ${stated.unit}: ${stated.value} ${unit} = ${meant.toFixed(4)} m², which agrees with the computed ${computed.toFixed(4)} m²`,
      },
      textEvidence: false,
      plausibility: 0,
    });
  }
  return out;
}

/** The text declares N points ("由18个拐点圈定") and lists fewer: the list itself says a point is missing. */
function undeclaredPoints(points: readonly BoundaryPoint[], signed: number, stated: StatedArea, declared: number): Candidate {
  const needed = stated.m2 - Math.abs(signed);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const missing = declared - points.length;
  return {
    kind: 'missing-point',
    areaM2: stated.m2,
    residualM2: 0,
    restores: true,
    labels: [last.label, first.label],
    source: last.source,
    message: {
      zh: `文中写明 ${declared} 个拐点，只列出 ${points.length} 个：缺少 ${missing} 个点，面积差 ${needed.toFixed(4)} 平方米可能由此而来（文本截断时多缺在 J${last.label} 之后）`,
      en: `the text declares ${declared} points but lists ${points.length}: ${missing} point(s) missing, which may account for the ${needed.toFixed(4)} m² difference (in a cut-off text usually after J${last.label})`,
    },
    textEvidence: true,
    plausibility: 0,
    declared: true,
  };
}

/** Where the printed numbering skips (J7 followed by J9), a point may have been left out of the list. */
function missingPoints(points: readonly BoundaryPoint[], signed: number, stated: StatedArea): Candidate[] {
  const out: Candidate[] = [];
  const needed = stated.m2 - Math.abs(signed);
  const printed = new Set(points.map((p) => p.label));
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const skipped = b.label - a.label - 1;
    // Numbers printed elsewhere in the ring are out of order, not missing.
    if (skipped <= 0 || range(a.label + 1, b.label).every((label) => printed.has(label))) continue;
    const edge = Math.hypot(b.x - a.x, b.y - a.y);
    // A point at distance h beyond edge a–b adds a triangle of area ½·|ab|·h.
    const h = edge > 0 ? (2 * Math.abs(needed)) / edge : Infinity;
    const side = needed >= 0 ? { zh: '外侧', en: 'outside' } : { zh: '内侧', en: 'inside' };
    const missing = skipped === 1 ? `J${a.label + 1}` : `J${a.label + 1}–J${b.label - 1}`;
    out.push({
      kind: 'missing-point',
      areaM2: stated.m2,
      residualM2: 0,
      restores: Number.isFinite(h),
      labels: [a.label, b.label],
      source: b.source,
      message: {
        zh: `J${a.label} 与 J${b.label} 之间缺少点号 ${missing}：若漏列的点位于 J${a.label}–J${b.label} 边${side.zh}约 ${h.toFixed(3)} 米处，面积即为文载的 ${stated.m2.toFixed(2)} 平方米（差 ${needed.toFixed(4)} 平方米）`,
        en: `numbers ${missing} are missing between J${a.label} and J${b.label}: a left-out point about ${h.toFixed(3)} m ${side.en} edge J${a.label}–J${b.label} would give the stated ${stated.m2.toFixed(2)} m² (${needed.toFixed(4)} m² short)`,
      },
      textEvidence: true,
      plausibility: 0,
    });
  }
  return out;
}

/**
 * One mistyped digit in one coordinate. The signed area is linear in each single coordinate
 * (∂A/∂Xᵢ = ½(Yᵢ₋₁ − Yᵢ₊₁), ∂A/∂Yᵢ = ½(Xᵢ₊₁ − Xᵢ₋₁) with X north, Y east), so each of the nine other
 * digits at each printed position gives its area in O(1). On a long ring with closely spaced points
 * nearly every low digit "restores" a small mismatch, so only the most plausible few are kept while
 * enumerating; for a crossing ring, only corrections that untangle it count.
 */
function mistypedDigits(points: readonly BoundaryPoint[], signed: number, stated: StatedArea, selfIntersecting: boolean): Candidate[] {
  const n = points.length;
  const tolerance = toleranceFor(points, stated.decimals, stated.unit);
  const best = new BestEdits(selfIntersecting ? UNTANGLE_TRIES : KEEP_PER_KIND);
  for (let i = 0; i < n; i++) {
    const prev = points[(i + n - 1) % n]!;
    const p = points[i]!;
    const next = points[(i + 1) % n]!;
    const coordinates: ['X' | 'Y', number, number, number][] = [
      ['X', p.x, p.xDecimals, 0.5 * (prev.y - next.y)],
      ['Y', p.y, p.yDecimals, 0.5 * (next.x - prev.x)],
    ];
    const before = Math.max(spike(prev, p, next), 1e-9);
    for (const [name, value, decimals, gradient] of coordinates) {
      // A coordinate the area does not depend on can still be what makes the ring cross itself.
      if (gradient === 0 && !selfIntersecting) continue;
      const digits = value.toFixed(decimals).replace('-', '').replace('.', '');
      for (let d = 0; d < digits.length; d++) {
        const place = 10 ** (digits.length - decimals - 1 - d);
        const current = digits.charCodeAt(d) - 48;
        for (let r = 0; r <= 9; r++) {
          if (r === current || (d === 0 && r === 0)) continue;
          const delta = (r - current) * place;
          const area = Math.abs(signed + gradient * delta);
          const residual = Math.abs(area - stated.m2);
          if (residual > tolerance) continue;
          const moved = name === 'X' ? { ...p, x: value + delta } : { ...p, y: value + delta };
          // A mistyped digit usually throws the point out of line with its neighbours; the right
          // correction pulls it back in.
          best.offer({ i, name, value, decimals, delta, area, residual, plausibility: spike(prev, moved, next) / before });
        }
      }
    }
  }
  const untangles = (e: DigitEdit) => {
    const fixed = [...points];
    fixed[e.i] = e.name === 'X' ? { ...points[e.i]!, x: e.value + e.delta } : { ...points[e.i]!, y: e.value + e.delta };
    return !crosses(fixed);
  };
  return best
    .list()
    .filter((e) => !selfIntersecting || untangles(e))
    .slice(0, KEEP_PER_KIND)
    .map((e) => {
      const p = points[e.i]!;
      const printed = e.value.toFixed(e.decimals);
      const correctedText = (e.value + e.delta).toFixed(e.decimals);
      return {
        kind: 'digit' as const,
        areaM2: e.area,
        residualM2: e.residual,
        restores: true,
        labels: [p.label],
        source: p.source,
        corrected: { coordinate: e.name, from: printed, to: correctedText },
        message: {
          zh: `J${p.label} 的 ${e.name} 可能有一位数字录错：${printed} → ${correctedText}，改后面积为 ${e.area.toFixed(4)} 平方米`,
          en: `one digit of ${e.name} at J${p.label} may be mistyped: ${printed} → ${correctedText} gives ${e.area.toFixed(4)} m²`,
        },
        textEvidence: false,
        plausibility: e.plausibility,
      };
    });
}

interface DigitEdit {
  i: number;
  name: 'X' | 'Y';
  value: number;
  decimals: number;
  delta: number;
  area: number;
  residual: number;
  plausibility: number;
}

/** The `limit` most plausible edits seen, in order; memory stays bounded however many are offered. */
class BestEdits {
  private readonly kept: DigitEdit[] = [];
  constructor(private readonly limit: number) {}

  offer(e: DigitEdit): void {
    const worse = (a: DigitEdit, b: DigitEdit) => a.plausibility - b.plausibility || a.residual - b.residual;
    if (this.kept.length === this.limit && worse(e, this.kept[this.limit - 1]!) >= 0) return;
    let at = this.kept.length;
    while (at > 0 && worse(e, this.kept[at - 1]!) < 0) at--;
    this.kept.splice(at, 0, e);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  list(): DigitEdit[] {
    return this.kept;
  }
}

function spike(prev: BoundaryPoint, p: BoundaryPoint, next: BoundaryPoint): number {
  return Math.hypot(p.x - prev.x, p.y - prev.y) + Math.hypot(p.x - next.x, p.y - next.y);
}

/** Two neighbouring points printed in the wrong order: the ring crosses itself, or its area is off. */
function swappedNeighbours(points: readonly BoundaryPoint[], stated: StatedArea | null, selfIntersecting: boolean): Candidate[] {
  const out: Candidate[] = [];
  const n = points.length;
  if (n < 4) return out;
  const tolerance = stated ? toleranceFor(points, stated.decimals, stated.unit) : 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const swapped = [...points];
    swapped[i] = points[j]!;
    swapped[j] = points[i]!;
    const area = Math.abs(signedPlanarArea(swapped));
    const residual = stated ? Math.abs(area - stated.m2) : null;
    // Without a stated area only untangling a crossing ring is evidence; with one, the area must agree.
    if (stated ? residual! > tolerance : !selfIntersecting) continue;
    // A swap that leaves the boundary crossing itself is not the fix.
    if (crosses(swapped)) continue;
    const a = points[i]!;
    const b = points[j]!;
    out.push({
      kind: 'swap-neighbours',
      areaM2: area,
      residualM2: residual,
      restores: true,
      labels: [a.label, b.label],
      source: a.source,
      message: {
        zh: `J${a.label} 与 J${b.label} 的顺序可能颠倒${selfIntersecting ? '（界址线自相交，交换后不再相交）' : ''}：交换后面积为 ${area.toFixed(4)} 平方米`,
        en: `J${a.label} and J${b.label} may be printed in the wrong order${selfIntersecting ? ' (the boundary crosses itself; swapped, it does not)' : ''}: swapped, the area is ${area.toFixed(4)} m²`,
      },
      // Numbers printed descending (J11 before J10) say the same as the area.
      textEvidence: a.label > b.label && j !== 0,
      plausibility: residual ?? 0,
    });
  }
  return out;
}

function crosses(points: readonly BoundaryPoint[]): boolean {
  return findSelfIntersections(points).length > 0;
}
