// Compares the computed planar area with the stated one at the precision both were printed with.
// An exact-match test after rounding is wrong (it accepts only 4 of the 11 gazette parcels); a fixed
// tolerance is arbitrary. The tolerance here is what printing alone can explain.
import { coordinateRoundingBound, halfUnit, type PrintedPoint } from '../geodesy/planarArea.js';
import { SQUARE_METRES } from '../gazette/statedArea.js';
import type { AreaVerification, StatedArea } from '../model/types.js';

/**
 * tolerance = ½·10⁻ᵈ·unit (the stated figure's own rounding, d its printed decimals, unit in m²)
 *           + Σ ½·(εXᵢ·|Yᵢ₊₁ − Yᵢ₋₁| + εYᵢ·|Xᵢ₊₁ − Xᵢ₋₁|) (coordinate rounding, ε = ½·10⁻ᵈ of each coordinate)
 */
export function areaTolerance(points: readonly PrintedPoint[], stated: StatedArea): number {
  return halfUnit(stated.decimals) * SQUARE_METRES[stated.unit] + coordinateRoundingBound(points);
}

export function verifyArea(
  computedM2: number,
  ellipsoidalM2: number | null,
  points: readonly PrintedPoint[],
  stated: StatedArea | null,
  /** Rounding bound of rings beyond `points` (holes and parts of a coordinate file). */
  extraRoundingM2 = 0,
): AreaVerification {
  if (!stated) {
    return { status: 'unstated', computedM2, ellipsoidalM2, deltaM2: null, deltaRelative: null, toleranceM2: null };
  }
  const toleranceM2 = areaTolerance(points, stated) + extraRoundingM2;
  const deltaM2 = computedM2 - stated.m2;
  return {
    status: Math.abs(deltaM2) <= toleranceM2 ? 'match' : 'mismatch',
    computedM2,
    ellipsoidalM2,
    deltaM2,
    deltaRelative: stated.m2 !== 0 ? deltaM2 / stated.m2 : null,
    toleranceM2,
  };
}
