// Number formatting for areas and coordinates. 1 公顷 = 10 000 m²; 1 亩 = 10 000/15 m².
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
