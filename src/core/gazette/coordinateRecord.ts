// Shared by the coordinate-file readers (国土 TXT, mining TXT, GeoJSON, Shapefile): turning rings of points into
// a LandRecord that buildParcel verifies like a gazette parcel, and bringing lon/lat rings onto the grid.
import { epsgForZone, zoneEpsgForLongitude, zoneFromEpsg } from '../geodesy/crs.js';
import { projectToGrid } from '../geodesy/project.js';
import { openRing } from '../geometry/rings.js';
import type { BoundaryPoint, ExtractOptions, LandRecord, SourceSpan, ZoneInfo } from '../model/types.js';

export interface RecordInit {
  id: string;
  kind: 'coordinate-file' | 'mining-zone';
  doc: string;
  title: string;
  parcelIndex: number | null;
  span: SourceSpan;
  /** Ring 1 first, each as listed: a final repeat of the first point becomes the closing point. */
  rings: { ring: number; points: BoundaryPoint[] }[];
  statedArea?: LandRecord['statedArea'];
  diagnostics?: LandRecord['diagnostics'];
  attributes?: Record<string, string>;
  elevation?: LandRecord['elevation'];
  fields?: Partial<Pick<LandRecord, 'holder' | 'location' | 'fourSides' | 'date' | 'reportNumbers'>>;
}

export function coordinateRecord(init: RecordInit): LandRecord {
  const [first, ...rest] = init.rings.map((r) => ({ ring: r.ring, ...splitClosing(r.points) }));
  const record: LandRecord = {
    id: init.id,
    kind: init.kind,
    doc: init.doc,
    title: init.title,
    issuer: '',
    date: init.fields?.date ?? null,
    parcelIndex: init.parcelIndex,
    holder: init.fields?.holder ?? null,
    location: init.fields?.location ?? null,
    fourSides: init.fields?.fourSides ?? null,
    statedArea: init.statedArea ?? null,
    reportNumbers: init.fields?.reportNumbers ?? [],
    compensation: null,
    points: first?.points ?? [],
    closingPoint: first?.closingPoint ?? null,
    sources: [init.span],
    span: init.span,
    diagnostics: init.diagnostics ?? [],
  };
  if (rest.length > 0) record.extraRings = rest;
  if (init.attributes && Object.keys(init.attributes).length > 0) record.attributes = init.attributes;
  if (init.elevation) record.elevation = init.elevation;
  return record;
}

function splitClosing(points: BoundaryPoint[]): { points: BoundaryPoint[]; closingPoint: BoundaryPoint | null } {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first.x === last.x && first.y === last.y) {
    return { points: points.slice(0, -1), closingPoint: last };
  }
  return { points, closingPoint: null };
}

/**
 * The zone lon/lat input is measured in: the one the user named, else the 3° zone of the longitude (the zone
 * width bureaus use for parcels). Returned with `named` so the reader can say which it was.
 */
export function zoneForLongitude(lon: number, options: ExtractOptions): { zone: ZoneInfo; named: boolean } {
  if (options.zone) return { zone: zoneFromEpsg(epsgForZone(options.zone.width, options.zone.zone, true))!, named: true };
  return { zone: zoneFromEpsg(zoneEpsgForLongitude(lon, true) ?? epsgForZone(3, 25, true))!, named: false };
}

/** Coordinate files are exact to the millimetre; this is the precision their tolerance assumes. */
const MILLIMETRE_DECIMALS = 3;

/**
 * Grid points of a ring given as [easting, northing] (or [lon, lat] with `zone` to project through), closed
 * again by a repeat of the first point. Not rounded: a round trip through the grid must give back the same
 * degrees to 1e-9. `firstLabel` numbers points on from the previous ring, as 国土 files do.
 */
export function ringToPoints(ring: readonly number[][], source: SourceSpan, firstLabel: number, zone?: ZoneInfo): BoundaryPoint[] {
  const points = openRing(ring).map(([a, b], i): BoundaryPoint => {
    const [x, y] = zone ? projectToGrid(zone, a!, b!) : [b!, a!];
    return { label: firstLabel + i, x, y, xDecimals: MILLIMETRE_DECIMALS, yDecimals: MILLIMETRE_DECIMALS, source };
  });
  return points.length > 0 ? [...points, { ...points[0]! }] : points;
}

/** Integer digits of a coordinate: 7 for a northing, 8 for a zone-prefixed easting, 6 for an unprefixed one. */
export function integerDigits(value: number): number {
  return String(Math.trunc(Math.abs(value))).length;
}

/** Decimals as printed ("4153899.979" → 3). */
export function printedDecimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A line quoted in a diagnostic, cut to a readable length. */
export function clipLine(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The first n non-blank lines, NFKC-normalised and trimmed, of at most the first 4 KB. */
export function firstLines(text: string, n: number): string[] {
  return text
    .slice(0, 4096)
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, n);
}
