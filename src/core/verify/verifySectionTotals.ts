// A document that gives one figure for several sections (矿区面积约0.0231平方公里 over 一矿段, 二矿段, …) is checked
// twice: each section against its own figure (buildParcel), and the total against the sum of the sections, here.
// The sum takes each section's area as its own figure was checked (ellipsoidal, or planar under the older rule);
// the tolerance is the total's printed rounding plus every section's coordinate rounding.
import { coordinateRoundingBound, halfUnit } from '../geodesy/planarArea.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { SQUARE_METRES } from '../gazette/statedArea.js';
import type { Parcel, StatedArea } from '../model/types.js';

export function verifySectionTotals(parcels: readonly Parcel[]): void {
  const groups = new Map<StatedArea, Parcel[]>();
  for (const p of parcels) {
    if (!p.documentArea) continue;
    const group = groups.get(p.documentArea);
    if (group) group.push(p);
    else groups.set(p.documentArea, [p]);
  }
  for (const [total, sections] of groups) {
    const first = sections[0]!;
    const unusable = sections.find((p) => areaOf(p) === null);
    if (unusable) {
      const label = unusable.section ?? unusable.id;
      first.diagnostics.push(diagnose('area-total-unverifiable', total.source, { total: total.text, zh: `“${label}”没有可用的图形`, en: `"${label}" has no usable polygon` }));
      continue;
    }
    const sum = sections.reduce((s, p) => s + areaOf(p)!, 0);
    const tolerance = halfUnit(total.decimals) * SQUARE_METRES[total.unit] + sections.reduce((s, p) => s + coordinateRoundingBound(p.points), 0);
    const delta = sum - total.m2;
    const params = { sum: sum.toFixed(4), total: total.wording ?? total.text, delta: delta.toFixed(4), tolerance: tolerance.toFixed(4) };
    first.diagnostics.push(diagnose(Math.abs(delta) <= tolerance ? 'area-total-match' : 'area-total-mismatch', total.source, params));
  }
}

function areaOf(p: Parcel): number | null {
  const v = p.verification;
  if (v.computedM2 === null) return null;
  return v.agreesWith === 'planar' && v.planarM2 !== undefined ? v.planarM2 : v.computedM2;
}
