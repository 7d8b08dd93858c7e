// From a ring draft to the points buildParcel verifies: grid points as printed, or 度分秒 points carried with
// their degrees and projected to the zone of their longitude (for the planar checks); then the closing repeat
// and the numbering checks every ring gets (assembleRings).
import { assembleRings, type ParsedPoint } from './parseCoordinates.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { projectToGrid } from '../geodesy/project.js';
import { zoneForLongitude } from './coordinateRecord.js';
import type { RingDraft, RunPoint } from './pairRunPoints.js';
import type { BoundaryPoint, Diagnostic, ExtractOptions } from '../model/types.js';

/** Metres of one second of arc along a meridian on the CGCS2000 equatorial radius (π/648000 · a). */
const METRES_PER_SECOND = (Math.PI / 648000) * 6378137;

export function ringPoints(draft: RingDraft, options: ExtractOptions): { points: BoundaryPoint[]; closing: BoundaryPoint | null; diagnostics: Diagnostic[] }[] {
  const diagnostics: Diagnostic[] = [];
  const parsed = draft.points.some((p) => p.dms) ? projectDms(draft.points, options, diagnostics) : draft.points.map(stripRun);
  return assembleRings(parsed).map((ring, i) => ({
    points: ring.points.map(stripTerminator),
    closing: ring.closing ? stripTerminator(ring.closing) : null,
    // A notice's table lists each corner once and the ring closes by itself; only gazettes repeat point 1. And
    // the sections of one table number on (J1…J5, J6…J10): a ring that starts at J6 has no gap before it.
    diagnostics: [...(i === 0 ? diagnostics : []), ...ring.diagnostics.filter((d) => d.code !== 'ring-not-closed' && !(d.code === 'point-number-gap' && d.source?.line === ring.points[0]?.source.line))],
  }));
}

function projectDms(points: RunPoint[], options: ExtractOptions, diagnostics: Diagnostic[]): ParsedPoint[] {
  const geographic = points.filter((p) => p.dms);
  const meanLon = geographic.reduce((s, p) => s + p.dms!.lon, 0) / geographic.length;
  const { zone, named } = zoneForLongitude(meanLon, options);
  if (!named && geographic[0]) diagnostics.push(diagnose('import-zone-from-longitude', geographic[0].source, { zone: zone.zone, epsg: zone.epsg }));
  return geographic.map((p) => {
    const { lon, lat, lonDecimals, latDecimals } = p.dms!;
    const [x, y] = projectToGrid(zone, lon, lat);
    // The rounding of a printed second, in metres: along the meridian for X, along the parallel for Y.
    const ex = 0.5 * 10 ** -latDecimals * METRES_PER_SECOND;
    const ey = 0.5 * 10 ** -lonDecimals * METRES_PER_SECOND * Math.cos((lat * Math.PI) / 180);
    const { dms: _dms, labelled: _labelled, ...rest } = p;
    return { ...rest, x, y, xDecimals: decimalsFor(ex), yDecimals: decimalsFor(ey), lonLat: [lon, lat] as [number, number] };
  });
}

/** The (fractional) decimals d with ½·10⁻ᵈ = ε, so that the rounding bound sees the real size of a printed second. */
function decimalsFor(halfUnitMetres: number): number {
  return -Math.log10(2 * halfUnitMetres);
}

function stripRun(p: RunPoint): ParsedPoint {
  const { dms: _dms, labelled: _labelled, ...rest } = p;
  return rest;
}

function stripTerminator(p: ParsedPoint): BoundaryPoint {
  const { terminator: _t, ...point } = p;
  return point;
}
