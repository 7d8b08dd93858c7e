// The page's table row: the few fields the table, the filters and the map camera need. One builder for a
// record (the publisher writes its columns from it, the worker makes imported rows with it, the reader makes
// the same row back from the columns) and one for a layer feature (planning block, mining zone).
import { zoneEpsgForLongitude } from '../geodesy/crs.js';
import { formatSpan } from '../formats/geojson/toGeoJSON.js';
import { ringsBbox, type Position } from '../geometry/labelPoint.js';
import type { Parcel } from '../model/types.js';
import { parseDocLabel, recordLabel } from './label.js';

export type LayerId = 'parcel' | 'mining' | 'planning';

export interface Row {
  id: string;
  layer: LayerId;
  /** The record's label (recordLabel): 吕政发〔2022〕15号（2）, or a block's 地块名称（地块编号）. */
  doc: string;
  holder: string | null;
  location: string | null;
  statedM2: number | null;
  statedText: string | null;
  computedM2: number | null;
  deltaM2: number | null;
  status: string;
  imported: boolean;
  /** "file:line-endLine" of the first source; for GeoJSON features the file name. */
  source: string;
  /** [west, south, east, north] in degrees; null for records without geometry. */
  bbox: [number, number, number, number] | null;
  epsg: number | null;
  /** Lower-case text the free-text search looks in. */
  text: string;
}

/** The row's fields that are not in the Row itself but in its search text (title, survey report numbers). */
export interface RowExtras {
  title: string | null;
  reports: string | null;
}

/** What the free-text search looks in: the same words for a published row (from columns) and an imported one. */
export function searchText(row: Pick<Row, 'doc' | 'holder' | 'location' | 'statedText' | 'source'>, extras: RowExtras): string {
  return [row.doc, row.holder, row.location, extras.title, row.statedText, row.source, extras.reports].filter(Boolean).join(' ').toLowerCase();
}

export function parcelExtras(p: Parcel): RowExtras {
  return { title: p.title || null, reports: p.reportNumbers.filter(Boolean).join(' ') || null };
}

export function parcelRow(p: Parcel, imported: boolean): Row {
  const v = p.verification;
  const fields = {
    id: p.id,
    // A mining zone read from a document is listed and drawn with the mining layer (矿山整合区), not as land.
    layer: p.kind === 'mining-zone' ? ('mining' as const) : ('parcel' as const),
    doc: recordLabel(p),
    holder: p.holder,
    location: p.location,
    statedM2: p.statedArea?.m2 ?? null,
    statedText: p.statedArea?.text ?? null,
    computedM2: v.computedM2,
    deltaM2: v.deltaM2,
    status: v.status,
    imported,
    source: formatSpan(p.span),
    bbox: p.lonLatRing ? ringsBbox([p.lonLatRing]) : null,
    epsg: p.zone?.epsg ?? null,
  };
  return { ...fields, text: searchText(fields, parcelExtras(p)) };
}

/**
 * A planning block's or mining zone's row from its feature's properties (as toPlanningGeoJSON and
 * toMiningLayerGeoJSON write them, or a planner's own attributes). A mining zone's area is its ellipsoidal
 * km², shown as m² like any computed area.
 */
export function featureRow(id: string, layer: LayerId, props: Record<string, unknown>, rings: readonly (readonly Position[])[], file: string, imported: boolean): Row {
  const str = (...keys: string[]) => {
    for (const k of keys) if (props[k] !== undefined && props[k] !== null && props[k] !== '') return String(props[k]);
    return null;
  };
  const num = (...keys: string[]) => {
    for (const k of keys) if (typeof props[k] === 'number' && Number.isFinite(props[k])) return props[k] as number;
    return null;
  };
  const km2 = num('area_km2');
  const code = str('doc', 'code', 'name', '名称', '编号', 'id') ?? id;
  // A block from a 国土 TXT keeps its 地块名称: listed by name and code, as its parcels would be.
  const name = layer === 'planning' ? str('地块名称') : null;
  const fields = {
    id,
    layer,
    doc: name && name !== code ? `${name}（${code}）` : code,
    holder: str('holder', '使用权人', '矿权人'),
    location: str('location', '位置', '坐落'),
    statedM2: num('stated_area_m2'),
    statedText: str('stated_area_text'),
    computedM2: num('computed_area_m2') ?? (km2 === null ? null : km2 * 1e6),
    deltaM2: num('delta_m2'),
    // Planning blocks carry their approval status, mining zones the outcome of the retention test.
    status: str('status', 'outcome') ?? 'unstated',
    imported,
    source: str('source') ?? file,
    bbox: ringsBbox(rings),
    epsg: typeof props.epsg === 'number' ? props.epsg : zoneEpsgForLongitude(rings[0]![0]![0]),
  };
  return { ...fields, text: searchText(fields, { title: str('name'), reports: file }) };
}

export interface LabelFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Point'; coordinates: Position };
}

/**
 * The one label point of a drawn record at `at` (labelPoint: inside its largest ring; a polygon label would repeat
 * per tile). `doc` is the document alone, holder and location too: the map's filters look at them as on the polygons.
 */
export function labelFeature(row: Row, at: Position | null): LabelFeature | null {
  if (!at) return null;
  return {
    type: 'Feature',
    properties: { id: row.id, label: row.doc, status: row.status, layer: row.layer, imported: row.imported, doc: parseDocLabel(row.doc).doc, holder: row.holder, location: row.location },
    geometry: { type: 'Point', coordinates: at },
  };
}
