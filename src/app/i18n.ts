// Chinese first; English for reviewers and the README. Keys are English identifiers.
export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '界址',
  appSubtitle: '公报宗地核对',
  import: '导入文件',
  downloads: '下载',
  settings: '设置',
  language: 'English',
  zoomAll: '全部',
  zoomSelection: '定位选中',
  layers: '图层',
  layerParcel: '宗地',
  layerMining: '矿山整合区',
  layerPlanning: '规划地块',
  noLayerFile: '暂无数据文件',
  features: '个',
  statusMatch: '相符',
  statusMismatch: '不符',
  statusUnstated: '未载面积',
  statusInvalid: '图形无效',
  statusNoPoints: '无坐标',
  statusOther: '其他',
  imported: '导入',
  colDoc: '文号',
  colHolder: '使用权人',
  colLocation: '位置',
  colStated: '文载面积',
  colComputed: '计算面积 (m²)',
  colDelta: 'Δ (m²)',
  colStatus: '状态',
  colLayer: '图层',
  m2: 'm²',
  ha: '公顷',
  mu: '亩',
  search: '搜索文号、使用权人、位置…',
  allStatuses: '全部状态',
  allLayers: '全部图层',
  allDocs: '全部公文',
  rowsShown: (shown: number, total: number) => `显示 ${shown} / ${total} 条记录`,
  noCoordinates: '无坐标',
  details: '详情',
  noSelection: '在地图或表格中选择一宗地查看详情。',
  overview: '概况',
  records: '记录',
  withGeometry: '有坐标（在图上）',
  attributes: '属性',
  sourceText: '原文',
  sourceUnavailable: '原文不可用',
  vertices: '界址点',
  vertexLabel: '点号',
  lon: '经度',
  lat: '纬度',
  diagnostics: '诊断',
  noDiagnostics: '无',
  cursor: '光标',
  gkZone: (zone: string) => `CGCS2000 ${zone}`,
  downloadAll: 'GeoJSON：全部',
  downloadFiltered: 'GeoJSON：当前筛选',
  downloadSelected: 'GeoJSON：选中宗地',
  dropHere: '松开以导入公报文本（UTF-8/GBK）或 GeoJSON',
  importing: '正在导入…',
  loading: '正在加载数据…',
  basemap: '底图',
  basemapEnable: '显示栅格底图',
  basemapUrl: '瓦片地址模板',
  basemapAttribution: '版权说明',
  basemapHint: '默认不加载任何外部资源。天地图示例：https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=您的密钥',
  basemapGcj: '高德、腾讯、百度瓦片使用 GCJ-02/BD-09 偏移坐标，宗地会偏离约 570 米。',
  basemapCsp: '服务器未允许该底图来源，浏览器会拦截瓦片；请在 jiezhi.config.json 中配置底图。',
  tileError: '底图瓦片加载失败',
  save: '保存',
  close: '关闭',
  dismiss: '关闭',
  crsNote: '坐标按 CGCS2000 高斯-克吕格投影读取（带号取自 Y 坐标前两位）；经纬度为 CGCS2000，按 WGS84 显示（差异小于 1 米）。',
  noGeometryMsg: '该记录没有界址点坐标，无法在地图上显示。',
  layerEmpty: '无要素',
  unlocated: (n: number) => `${n} 个无坐标`,
  sortHint: '点击排序',
  fileTooBig: '文件过大',
};

type Dict = typeof zh;

const en: Dict = {
  appTitle: 'Jiezhi',
  appSubtitle: 'Gazette parcel verification',
  import: 'Import files',
  downloads: 'Download',
  settings: 'Settings',
  language: '中文',
  zoomAll: 'All',
  zoomSelection: 'Zoom to selection',
  layers: 'Layers',
  layerParcel: 'Parcels',
  layerMining: 'Mining consolidation zones',
  layerPlanning: 'Planning blocks',
  noLayerFile: 'no data file yet',
  features: '',
  statusMatch: 'Match',
  statusMismatch: 'Mismatch',
  statusUnstated: 'No stated area',
  statusInvalid: 'Invalid geometry',
  statusNoPoints: 'No coordinates',
  statusOther: 'Other',
  imported: 'imported',
  colDoc: 'Document',
  colHolder: 'Holder',
  colLocation: 'Location',
  colStated: 'Stated area',
  colComputed: 'Computed (m²)',
  colDelta: 'Δ (m²)',
  colStatus: 'Status',
  colLayer: 'Layer',
  m2: 'm²',
  ha: 'ha',
  mu: 'mu',
  search: 'Search document, holder, location…',
  allStatuses: 'All statuses',
  allLayers: 'All layers',
  allDocs: 'All documents',
  rowsShown: (shown: number, total: number) => `${shown} of ${total} records`,
  noCoordinates: 'No coordinates',
  details: 'Details',
  noSelection: 'Select a parcel on the map or in the table.',
  overview: 'Overview',
  records: 'Records',
  withGeometry: 'With coordinates (on the map)',
  attributes: 'Attributes',
  sourceText: 'Source text',
  sourceUnavailable: 'source text not available',
  vertices: 'Boundary points',
  vertexLabel: 'Point',
  lon: 'Lon',
  lat: 'Lat',
  diagnostics: 'Diagnostics',
  noDiagnostics: 'none',
  cursor: 'Cursor',
  gkZone: (zone: string) => `CGCS2000 ${zone}`,
  downloadAll: 'GeoJSON: all',
  downloadFiltered: 'GeoJSON: current filter',
  downloadSelected: 'GeoJSON: selected parcel',
  dropHere: 'Drop gazette text (UTF-8/GBK) or GeoJSON to import',
  importing: 'Importing…',
  loading: 'Loading data…',
  basemap: 'Basemap',
  basemapEnable: 'Show a raster basemap',
  basemapUrl: 'Tile URL template',
  basemapAttribution: 'Attribution',
  basemapHint: 'Nothing external is loaded by default. Tianditu example: https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=YOUR_KEY',
  basemapGcj: 'Amap, Tencent and Baidu tiles use shifted GCJ-02/BD-09 coordinates: parcels appear about 570 m off.',
  basemapCsp: 'The server does not allow this basemap origin, so the browser will block its tiles; configure the basemap in jiezhi.config.json.',
  tileError: 'Basemap tiles failed to load',
  save: 'Save',
  close: 'Close',
  dismiss: 'Dismiss',
  crsNote: 'Coordinates are read as CGCS2000 Gauss–Krüger (zone from the first two digits of Y); lon/lat are CGCS2000, shown as WGS84 (they differ by under a metre).',
  noGeometryMsg: 'This record lists no boundary points and cannot be drawn.',
  layerEmpty: 'no features',
  unlocated: (n: number) => `${n} without coordinates`,
  sortHint: 'click to sort',
  fileTooBig: 'file too large',
};

export const dictionaries: Record<Lang, Dict> = { zh, en };
export type { Dict };

export function statusLabel(t: Dict, status: string): string {
  switch (status) {
    case 'match':
      return t.statusMatch;
    case 'mismatch':
      return t.statusMismatch;
    case 'unstated':
      return t.statusUnstated;
    case 'invalid':
      return t.statusInvalid;
    case 'no-points':
      return t.statusNoPoints;
    default:
      return status || t.statusOther;
  }
}

export function layerLabel(t: Dict, layer: string): string {
  return layer === 'mining' ? t.layerMining : layer === 'planning' ? t.layerPlanning : t.layerParcel;
}

/** Attribute names shown in the details panel; unknown keys are shown as they are. */
const ATTRIBUTE_LABELS: Record<string, [string, string]> = {
  id: ['标识', 'ID'],
  layer: ['图层', 'Layer'],
  kind: ['公文类型', 'Kind'],
  doc: ['文号', 'Document'],
  title: ['标题', 'Title'],
  issuer: ['发文机关', 'Issuer'],
  date: ['成文日期', 'Date'],
  holder: ['使用权人', 'Holder'],
  location: ['位置', 'Location'],
  four_sides: ['四至', 'Boundaries'],
  report_numbers: ['勘测定界报告编号', 'Survey report no.'],
  stated_area_m2: ['文载面积 (m²)', 'Stated area (m²)'],
  stated_area_text: ['文载面积原文', 'Stated area as printed'],
  computed_area_m2: ['计算面积 (m², 高斯平面)', 'Computed area (m², GK plane)'],
  ellipsoidal_area_m2: ['椭球面积 (m²)', 'Ellipsoidal area (m²)'],
  delta_m2: ['差值 Δ (m²)', 'Δ (m²)'],
  delta_relative: ['相对差值', 'Relative Δ'],
  tolerance_m2: ['允许误差 (m²)', 'Tolerance (m²)'],
  status: ['核对状态', 'Status'],
  epsg: ['EPSG', 'EPSG'],
  zone: ['带号', 'Zone'],
  crs: ['坐标系', 'CRS'],
  point_count: ['界址点数', 'Points'],
  source: ['出处', 'Source'],
  sources: ['全部出处', 'All sources'],
  parcel_index: ['宗地序号', 'Parcel no.'],
  compensation: ['补偿', 'Compensation'],
  orientation: ['点序方向', 'Ring orientation'],
  self_intersections: ['自相交处', 'Self-intersections'],
  imported: ['导入', 'Imported'],
};

export function attributeLabel(lang: Lang, key: string): string {
  const l = ATTRIBUTE_LABELS[key];
  return l ? l[lang === 'zh' ? 0 : 1] : key;
}

const KIND_LABELS: Record<string, [string, string]> = {
  'take-back': ['收回国有建设用地使用权', 'take-back'],
  'land-rights': ['确定土地权属', 'land rights'],
  confiscation: ['没收违法建筑', 'confiscation'],
  'bulk-development': ['成片开发', 'bulk development'],
};

export function attributeValue(lang: Lang, t: Dict, key: string, value: string): string {
  if (key === 'status') return statusLabel(t, value);
  if (key === 'kind' && KIND_LABELS[value]) return KIND_LABELS[value]![lang === 'zh' ? 0 : 1];
  if (key === 'layer') return layerLabel(t, value);
  if (key === 'orientation') {
    if (lang === 'zh') return value === 'clockwise' ? '顺时针' : value === 'counterclockwise' ? '逆时针' : value;
  }
  if (key === 'imported' && value === 'true') return lang === 'zh' ? '是' : 'yes';
  return value;
}
