// The attribute table every tabular export shares: the Shapefile's DBF columns (ASCII names, at most 10 bytes) and
// the KML ExtendedData names (the Chinese alias). One list, so both exports and the README's alias table agree.
import type { DbfField, DbfValue } from './shapefile/dbf.js';
import { STATUS_ZH } from '../report/report.js';
import { toProperties, type ParcelProperties } from './geojson/toGeoJSON.js';
import type { Parcel } from '../model/types.js';

export interface ParcelAttribute extends DbfField {
  /** The Chinese name shown to users (KML Data name, README alias table). */
  alias: string;
  value: (p: Parcel, props: ParcelProperties) => DbfValue;
}

const SQUARE_METRES_PER_MU = 10_000 / 15;

export const PARCEL_ATTRIBUTES: readonly ParcelAttribute[] = [
  { name: 'ID', alias: '标识', type: 'C', value: (_, q) => q.id },
  { name: 'KIND', alias: '类型', type: 'C', value: (_, q) => q.kind },
  { name: 'DOC', alias: '文号', type: 'C', value: (_, q) => q.doc },
  { name: 'TITLE', alias: '标题', type: 'C', value: (_, q) => q.title },
  { name: 'DOC_DATE', alias: '日期', type: 'D', value: (_, q) => q.date },
  { name: 'HOLDER', alias: '使用权人', type: 'C', value: (_, q) => q.holder },
  { name: 'LOCATION', alias: '坐落', type: 'C', value: (_, q) => q.location },
  { name: 'FOUR_SIDES', alias: '四至', type: 'C', value: (_, q) => q.four_sides },
  { name: 'REPORT_NO', alias: '勘测定界报告编号', type: 'C', value: (_, q) => q.report_numbers },
  { name: 'STATED_TXT', alias: '文载面积', type: 'C', value: (_, q) => q.stated_area_text },
  { name: 'STATED_M2', alias: '文载面积（平方米）', type: 'N', decimals: 4, value: (_, q) => q.stated_area_m2 },
  { name: 'AREA_M2', alias: '计算面积（平方米）', type: 'N', decimals: 4, value: (_, q) => q.computed_area_m2 },
  { name: 'AREA_HA', alias: '计算面积（公顷）', type: 'N', decimals: 6, value: (p) => scaled(p.verification.computedM2, 1 / 10_000) },
  { name: 'AREA_MU', alias: '计算面积（亩）', type: 'N', decimals: 4, value: (p) => scaled(p.verification.computedM2, 1 / SQUARE_METRES_PER_MU) },
  { name: 'ELLIPS_M2', alias: '椭球面积（平方米）', type: 'N', decimals: 4, value: (_, q) => q.ellipsoidal_area_m2 },
  { name: 'DELTA_M2', alias: '面积差（平方米）', type: 'N', decimals: 4, value: (_, q) => q.delta_m2 },
  { name: 'TOL_M2', alias: '允许误差（平方米）', type: 'N', decimals: 4, value: (_, q) => q.tolerance_m2 },
  { name: 'STATUS', alias: '核对状态', type: 'C', value: (_, q) => q.status },
  { name: 'STATUS_ZH', alias: '核对结论', type: 'C', value: (_, q) => STATUS_ZH[q.status] ?? q.status },
  { name: 'EPSG', alias: '坐标系代码', type: 'N', value: (_, q) => q.epsg },
  { name: 'ZONE', alias: '带号', type: 'N', value: (_, q) => q.zone },
  { name: 'POINTS', alias: '界址点数', type: 'N', value: (_, q) => q.point_count },
  { name: 'SOURCE', alias: '来源', type: 'C', value: (_, q) => q.source },
];

/** Only written when a mining zone is among the parcels. */
const ELEVATION_ATTRIBUTES: readonly ParcelAttribute[] = [
  { name: 'ELEV_TOP', alias: '标高上限（米）', type: 'N', decimals: 2, value: (p) => p.elevation?.top ?? null },
  { name: 'ELEV_BOT', alias: '标高下限（米）', type: 'N', decimals: 2, value: (p) => p.elevation?.bottom ?? null },
];

export function attributesFor(parcels: readonly Parcel[]): readonly ParcelAttribute[] {
  return parcels.some((p) => p.elevation) ? [...PARCEL_ATTRIBUTES, ...ELEVATION_ATTRIBUTES] : PARCEL_ATTRIBUTES;
}

/** Values of `attributes` for one parcel, in order. */
export function attributeValues(p: Parcel, attributes: readonly ParcelAttribute[]): DbfValue[] {
  const props = toProperties(p);
  return attributes.map((a) => a.value(p, props));
}

function scaled(m2: number | null, factor: number): number | null {
  return m2 === null ? null : m2 * factor;
}
