// Area the way the surveyor computed it (坐标解析法): the shoelace over the printed X/Y on the
// Gauss–Krüger plane. This, not an area on the sphere or ellipsoid, is what stated parcel areas are.

export interface GridPoint {
  /** Northing (surveying X). */
  x: number;
  /** Easting (surveying Y). */
  y: number;
}

/**
 * Signed area in m² of the ring through `points` (not repeating the first), in the (east, north) frame:
 * positive when counter-clockwise. Coordinates are taken relative to the first vertex because products of
 * raw zone-prefixed values (≈ 4e6 × 3.7e7) lose the last 0.1 m² to float64 cancellation.
 */
export function signedPlanarArea(points: readonly GridPoint[]): number {
  const n = points.length;
  if (n < 3) return 0;
  const x0 = points[0]!.x;
  const y0 = points[0]!.y;
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    const ae = a.y - y0;
    const an = a.x - x0;
    const be = b.y - y0;
    const bn = b.x - x0;
    twice += ae * bn - be * an;
  }
  return twice / 2;
}

export function planarArea(points: readonly GridPoint[]): number {
  return Math.abs(signedPlanarArea(points));
}

export interface PrintedPoint extends GridPoint {
  xDecimals: number;
  yDecimals: number;
}

/**
 * Worst-case change of the planar area when every coordinate moves within its printed rounding
 * (±½ of its last printed digit): Σ ½·(εXᵢ·|Yᵢ₊₁ − Yᵢ₋₁| + εYᵢ·|Xᵢ₊₁ − Xᵢ₋₁|), the first-order bound
 * from ∂A/∂Xᵢ = ½(Yᵢ₋₁ − Yᵢ₊₁) and ∂A/∂Yᵢ = ½(Xᵢ₊₁ − Xᵢ₋₁).
 */
export function coordinateRoundingBound(points: readonly PrintedPoint[]): number {
  const n = points.length;
  if (n < 3) return 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const prev = points[(i + n - 1) % n]!;
    const p = points[i]!;
    const next = points[(i + 1) % n]!;
    const ex = halfUnit(p.xDecimals);
    const ey = halfUnit(p.yDecimals);
    bound += 0.5 * (ex * Math.abs(next.y - prev.y) + ey * Math.abs(next.x - prev.x));
  }
  return bound;
}

/** Half of the last printed digit: a value printed with d decimals is exact to ±½·10⁻ᵈ. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
