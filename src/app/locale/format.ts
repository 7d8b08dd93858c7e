// Number formatting for areas and coordinates. 1 公顷 = 10 000 m²; 1 亩 = 10 000/15 m².
import { SQUARE_METRES, decimalsIn, statedFromText } from '../../core/gazette/statedArea.js';
import type { AreaUnit } from '../../core/model/types.js';
import type { Dict } from './i18n.js';

export function fmt(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(decimals);
}

export const fmtM2 = (m2: number | null) => fmt(m2, 2);
export const fmtHa = (m2: number | null) => fmt(m2 === null ? null : m2 / 10_000, 4);
export const fmtMu = (m2: number | null) => fmt(m2 === null ? null : (m2 * 15) / 10_000, 2);

export function fmtDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  return `${delta >= 0 ? '+' : ''}${delta.toFixed(3)}`;
}

export function unitLabel(t: Dict, unit: AreaUnit): string {
  return unit === '平方米' ? t.m2 : unit === '公顷' ? t.ha : unit === '亩' ? t.mu : t.km2;
}

/** A stated area as the document printed it: its figure with its own decimals, in its own unit ("380.6386 公顷"). */
export function fmtStated(t: Dict, statedText: string | null, statedM2: number | null): string {
  const stated = statedText ? statedFromText(statedText) : null;
  if (!stated) return statedM2 === null ? '—' : `${fmtM2(statedM2)} ${t.m2}`;
  return `${stated.text.split(' ')[0]} ${unitLabel(t, stated.unit)}`;
}

/** Most decimals shown for a conversion, as planners write them: m² to the cm, 公顷 to 4 places, 亩 to 2. */
const MOST: Record<AreaUnit, number> = { 平方米: 2, 公顷: 4, 亩: 2, 平方公里: 6 };

/** A stated area in another unit, with no more decimals than its printed precision carries. */
export function fmtStatedIn(statedText: string | null, statedM2: number | null, unit: AreaUnit): string {
  const stated = statedText ? statedFromText(statedText) : null;
  const m2 = stated?.m2 ?? statedM2;
  if (m2 === null) return '—';
  return fmt(m2 / SQUARE_METRES[unit], stated ? decimalsIn(stated, unit, MOST[unit]) : MOST[unit]);
}
