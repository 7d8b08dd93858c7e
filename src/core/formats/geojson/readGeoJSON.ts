// Reads GeoJSON (RFC 7946 lon/lat) polygons into land records, and holds the feature → record step the Shapefile
// reader shares. Points are projected onto a Gauss–Krüger zone so the planar area can be verified: the zone our
// own exports name in `epsg`, else the one the user names, else the 3° zone of the longitude (said so in an info).
// Properties our exports write (doc, title, holder, stated_area_text, layer 'mining', …) come back as fields.
import { zoneFromEpsg } from '../../geodesy/crs.js';
import { coordinateRecord, printedDecimals, ringToPoints, zoneForLongitude } from '../../gazette/coordinateRecord.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import { reverseRings } from '../../geometry/parcelGeometry.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import { SQUARE_METRES } from '../../gazette/statedArea.js';
import { isObject } from '../../model/isObject.js';
import type { AreaUnit, Diagnostic, ExtractOptions, LandRecord, SourceSpan, StatedArea, ZoneInfo } from '../../model/types.js';

export function isGeoJSON(text: string): boolean {
  return /^\s*\{[\s\S]*"type"\s*:\s*"(FeatureCollection|Feature|Polygon|MultiPolygon)"/.test(text.slice(0, 4096));
}

type Props = Record<string, unknown>;

export function readGeoJSON(file: string, text: string, options: ExtractOptions = {}): CoordinateFileRead {
  const lines = text.split(/\r\n|\r|\n/).length;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { records: [], diagnostics: [diagnose('import-unreadable', { file, line: 0 }, { format: 'GeoJSON', reason: (err as Error).message })], pointLines: [], lines };
  }
  const features = geoJSONFeatures(value);
  const diagnostics: Diagnostic[] = [];
  const records: LandRecord[] = [];
  let zoneNoted = false;
  features.forEach((f, i) => {
    const source = { file, line: 0, feature: i + 1 };
    const polygons = f.polygons;
    if (!polygons) {
      diagnostics.push(diagnose('import-feature-skipped', source, { feature: i + 1, type: String(geometryType(f.geometry)) }));
      return;
    }
    const firstLon = polygons[0]?.[0]?.[0]?.[0] ?? 0;
    const own = zoneFromEpsg(Number(f.properties.epsg));
    const chosen = own ? { zone: own, named: true } : zoneForLongitude(firstLon, options);
    if (!chosen.named && !zoneNoted) {
      diagnostics.push(diagnose('import-zone-from-longitude', source, { zone: chosen.zone.zone, epsg: chosen.zone.epsg }));
      zoneNoted = true;
    }
    // RFC 7946 rings are counter-clockwise; reversed, ours give back the surveyor's printed order.
    const reversed = reverseRings(polygons as [number, number][][][]);
    records.push(featureRecord({ file, index: i + 1, count: features.length, properties: f.properties, polygons: reversed, zone: chosen.zone, source }));
  });
  return { records, diagnostics, pointLines: [], lines };
}

export interface FeatureInit {
  file: string;
  /** 1-based feature number. */
  index: number;
  count: number;
  /** GeoJSON property names as our exports write them (readShapefile maps its DBF columns onto them). */
  properties: Props;
  /** Rings as [x, y]: lon/lat when `zone` is given to project through, else grid [easting, northing]. */
  polygons: number[][][][];
  zone?: ZoneInfo;
  source: SourceSpan;
}

export function featureRecord(init: FeatureInit): LandRecord {
  const p = init.properties;
  const mining = p.layer === 'mining' || p.kind === 'mining-zone';
  let label = 1;
  const rings = init.polygons.flat().map((ring, r) => {
    const points = ringToPoints(ring, init.source, label, init.zone);
    label += Math.max(0, points.length - 1);
    return { ring: r + 1, points };
  });
  const top = numberOrNull(p.elevation_top_m);
  const bottom = numberOrNull(p.elevation_bottom_m);
  return coordinateRecord({
    id: `${init.file}#${init.index}`,
    kind: mining ? 'mining-zone' : 'coordinate-file',
    doc: stringOr(p.doc, init.file),
    title: stringOr(p.title ?? p.name, ''),
    parcelIndex: init.count > 1 ? init.index : null,
    span: init.source,
    rings,
    statedArea: statedArea(p, init.source),
    ...(top !== null && bottom !== null ? { elevation: { top, bottom } } : {}),
    fields: {
      holder: stringOr(p.holder, null),
      location: stringOr(p.location, null),
      fourSides: stringOr(p.four_sides, null),
      date: stringOr(p.date, null),
      reportNumbers: typeof p.report_numbers === 'string' && p.report_numbers ? p.report_numbers.split('、') : [],
    },
  });
}

const UNITS: Record<string, AreaUnit> = { 平方米: '平方米', 公顷: '公顷', 亩: '亩', 平方公里: '平方公里' };

/** The stated figure as printed ("51599.96 平方米") when exported by us, else a bare number of m² or km². */
function statedArea(p: Props, source: SourceSpan): StatedArea | null {
  const text = typeof p.stated_area_text === 'string' ? /^(\d+(?:\.\d+)?)\s*(平方米|公顷|亩|平方公里)$/.exec(p.stated_area_text.trim()) : null;
  if (text) {
    const unit = UNITS[text[2]!]!;
    const value = Number(text[1]);
    return { text: `${text[1]} ${unit}`, value, unit, m2: value * SQUARE_METRES[unit], decimals: printedDecimals(text[1]!), source };
  }
  const km2 = numberOrNull(p.stated_area_km2);
  const m2 = numberOrNull(p.stated_area_m2);
  const [value, unit]: [number | null, AreaUnit] = km2 !== null ? [km2, '平方公里'] : [m2, '平方米'];
  if (value === null) return null;
  return { text: `${value} ${unit}`, value, unit, m2: value * SQUARE_METRES[unit], decimals: printedDecimals(String(value)), source };
}

/** A feature as the readers see it: its properties (an object), and its polygons when its geometry is one. */
export interface GeoJSONFeature {
  id?: unknown;
  geometry: unknown;
  properties: Props;
  /** Polygon or MultiPolygon coordinates as a list of polygons; null for any other or an invalid geometry. */
  polygons: number[][][][] | null;
}

/** The features of a parsed GeoJSON value (a FeatureCollection, a Feature or a bare geometry). */
export function geoJSONFeatures(value: unknown): GeoJSONFeature[] {
  const feature = (f: Record<string, unknown>, geometry: unknown): GeoJSONFeature => ({
    ...(f.id !== undefined ? { id: f.id } : {}),
    geometry,
    properties: isObject(f.properties) ? f.properties : {},
    polygons: polygonsOf(geometry),
  });
  if (!isObject(value)) return [];
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) return value.features.filter(isObject).map((f) => feature(f, f.geometry));
  if (value.type === 'Feature') return [feature(value, value.geometry)];
  return [feature({}, value)];
}

// The one validity rule of GeoJSON input: a Polygon or MultiPolygon whose every position has finite numbers.
function polygonsOf(g: unknown): number[][][][] | null {
  if (!isObject(g) || !Array.isArray(g.coordinates)) return null;
  const valid = (poly: unknown) => Array.isArray(poly) && poly.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n))));
  if (g.type === 'Polygon' && valid(g.coordinates)) return [g.coordinates as number[][][]];
  if (g.type === 'MultiPolygon' && g.coordinates.every(valid)) return g.coordinates as number[][][][];
  return null;
}

function geometryType(g: unknown): unknown {
  return isObject(g) ? g.type : g;
}

function stringOr<T extends string | null>(v: unknown, fallback: T): string | T {
  return typeof v === 'string' && v !== '' ? v : fallback;
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
