// The catalogue of diagnostic codes. Every problem Jiezhi reports is one of these, with a Chinese and an
// English message and the source line it concerns; docs/diagnostics.md documents each code for users.
import type { Diagnostic, Severity, SourceSpan } from './types.js';

type Params = Record<string, string | number>;

interface CodeSpec {
  severity: Severity;
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

export const DIAGNOSTIC_CODES = {
  'input-binary': {
    severity: 'error',
    zh: () => '文件不是文本（含有二进制数据），无法读取',
    en: () => 'the file is not text (it contains binary data) and cannot be read',
  },
  'input-undecodable': {
    severity: 'error',
    zh: () => '文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法解码',
    en: () => 'the file is neither UTF-8 nor GB18030/GBK and cannot be decoded',
  },
  'input-read-failed': {
    severity: 'error',
    zh: (p) => `无法读取文件：${p.reason}`,
    en: (p) => `the file cannot be read: ${p.reason}`,
  },
  'input-pdf-no-text': {
    severity: 'error',
    zh: () => 'PDF 没有文字层（可能是扫描件），无法提取；请提供带文字的 PDF、Word 或文本文件',
    en: () => 'the PDF has no text layer (probably a scan) and cannot be read; provide a PDF with text, a Word file or a text file',
  },
  'input-no-documents': {
    severity: 'info',
    zh: () => '文件中没有找到公文（文号行）',
    en: () => 'no document (document-number line) was found in the file',
  },
  'encoding-legacy': {
    severity: 'info',
    zh: (p) => `文件按 ${p.encoding} 编码读取`,
    en: (p) => `the file was decoded as ${p.encoding}`,
  },
  'document-duplicate': {
    severity: 'info',
    zh: (p) => `公文 ${p.doc} 在多个文件中出现，合并为一条记录`,
    en: (p) => `document ${p.doc} appears in more than one input; merged into one record`,
  },
  'document-conflict': {
    severity: 'warning',
    zh: (p) => `公文 ${p.doc} 在另一文件中内容不同（面积或坐标不一致），两份分别保留`,
    en: (p) => `document ${p.doc} differs from its copy in another input (area or points); both are kept`,
  },
  'point-unparsed': {
    severity: 'error',
    zh: (p) => `无法识别的界址点坐标行：“${p.text}”`,
    en: (p) => `boundary-point line could not be read: "${p.text}"`,
  },
  'point-label-mismatch': {
    severity: 'warning',
    zh: (p) => `同一行的点号不一致：X${p.x} 与 Y${p.y}`,
    en: (p) => `the X and Y point numbers on one line differ: X${p.x} vs Y${p.y}`,
  },
  'point-outside-parcel': {
    severity: 'warning',
    zh: () => '界址点坐标不属于任何收回、确权等用地公文中的宗地',
    en: () => 'boundary point outside any parcel of a land document',
  },
  'point-number-gap': {
    severity: 'warning',
    zh: (p) => `点号不连续：${p.after} 之后是 ${p.next}，缺少 ${p.missing}`,
    en: (p) => `point numbering skips: ${p.after} is followed by ${p.next}; missing ${p.missing}`,
  },
  'point-number-duplicate': {
    severity: 'warning',
    zh: (p) => `点号 ${p.label} 重复出现`,
    en: (p) => `point number ${p.label} appears more than once`,
  },
  'point-number-order': {
    severity: 'warning',
    zh: (p) => `点号顺序错乱：${p.after} 之后是 ${p.next}`,
    en: (p) => `point numbers out of order: ${p.after} is followed by ${p.next}`,
  },
  'ring-not-closed': {
    severity: 'warning',
    zh: () => '坐标串没有以第 1 点闭合，已按首点自动闭合',
    en: () => 'the ring does not end with a repeat of point 1; it was closed on point 1',
  },
  'ring-closing-differs': {
    severity: 'warning',
    zh: (p) => `闭合点与第 1 点坐标不同（相差 ${p.distance} 米）`,
    en: (p) => `the closing point differs from point 1 by ${p.distance} m`,
  },
  'ring-too-few-points': {
    severity: 'error',
    zh: (p) => `只有 ${p.count} 个不同的界址点，不足以构成地块`,
    en: (p) => `only ${p.count} distinct boundary points; a parcel needs at least 3`,
  },
  'ring-repeated-vertex': {
    severity: 'warning',
    zh: (p) => `界址点 ${p.label} 与前一点坐标相同`,
    en: (p) => `boundary point ${p.label} repeats the previous point`,
  },
  'ring-self-intersection': {
    severity: 'error',
    zh: (p) => `界址线自相交，交点约在 X=${p.x}，Y=${p.y}`,
    en: (p) => `the boundary crosses itself near X=${p.x}, Y=${p.y}`,
  },
  'zone-unknown': {
    severity: 'error',
    zh: () => 'Y 坐标没有带号前缀，无法确定投影带；请用 --zone 指定',
    en: () => 'the Y coordinates carry no zone prefix, so the zone is unknown; name it with --zone',
  },
  'zone-mixed': {
    severity: 'error',
    zh: (p) => `同一地块的界址点落在不同投影带（${p.zones}）`,
    en: (p) => `the points of one parcel lie in different zones (${p.zones})`,
  },
  'zone-prefix-invalid': {
    severity: 'error',
    zh: (p) => `Y 坐标的带号 ${p.prefix} 不是 CGCS2000 高斯-克吕格的带号（3° 带 25–45，6° 带 13–23）`,
    en: (p) => `Y prefix ${p.prefix} is not a CGCS2000 Gauss–Krüger zone (3° zones 25–45, 6° zones 13–23)`,
  },
  'zone-assumed-cgcs2000': {
    severity: 'info',
    zh: (p) => `文中未写明坐标系：按 Y 坐标带号推定为 CGCS2000 ${p.width}° 带第 ${p.zone} 带（EPSG:${p.epsg}）`,
    en: (p) => `the text names no CRS: CGCS2000 ${p.width}° zone ${p.zone} (EPSG:${p.epsg}) inferred from the Y prefix`,
  },
  'point-out-of-china': {
    severity: 'error',
    zh: (p) => `界址点换算后位于中国范围以外（${p.lon}, ${p.lat}）`,
    en: (p) => `the point converts to a position outside China (${p.lon}, ${p.lat})`,
  },
  'area-unstated': {
    severity: 'info',
    zh: () => '文中没有给出面积，无法核对',
    en: () => 'the text states no area, so it cannot be verified',
  },
  'area-mismatch': {
    severity: 'error',
    zh: (p) => `面积不符：文中 ${p.stated} 平方米，按坐标计算 ${p.computed} 平方米，相差 ${p.delta} 平方米，超出允许误差 ${p.tolerance} 平方米`,
    en: (p) => `area mismatch: stated ${p.stated} m², computed ${p.computed} m², Δ ${p.delta} m² exceeds the tolerance of ${p.tolerance} m²`,
  },
  'area-not-found': {
    severity: 'warning',
    zh: () => '公文是用地决定，但没有找到面积表述',
    en: () => 'the document is a land decision but no area statement was found',
  },
  // Coordinate files: 国土 电子报盘 TXT, mining-right TXT, GeoJSON, Shapefile.
  'import-unreadable': {
    severity: 'error',
    zh: (p) => `无法读取 ${p.format} 文件：${p.reason}`,
    en: (p) => `the ${p.format} file cannot be read: ${p.reason}`,
  },
  'import-line-unrecognized': {
    severity: 'warning',
    zh: (p) => `无法识别的行，已忽略：“${p.text}”`,
    en: (p) => `line not understood, ignored: "${p.text}"`,
  },
  'import-point-count': {
    severity: 'warning',
    zh: (p) => `块头写明 ${p.stated} 个界址点，实际读到 ${p.found} 行坐标`,
    en: (p) => `the block header states ${p.stated} points; ${p.found} point lines were read`,
  },
  'import-columns-east-first': {
    severity: 'info',
    zh: () => '坐标列为先东(Y)后北(X)，已按位数识别并调换',
    en: () => 'the columns are east (Y) first; recognised by digit count and swapped',
  },
  'import-zone-disagrees': {
    severity: 'warning',
    zh: (p) => `文件头带号为 ${p.header}，但 Y 坐标带号前缀为 ${p.prefix}；以坐标为准`,
    en: (p) => `the header names zone ${p.header} but the Y coordinates carry prefix ${p.prefix}; the coordinates are trusted`,
  },
  'import-datum-approximate': {
    severity: 'warning',
    zh: (p) => `坐标系为 ${p.crs}，与 CGCS2000 相差可达数十米；按 CGCS2000 处理，位置仅为近似`,
    en: (p) => `the CRS is ${p.crs}, tens of metres from CGCS2000; read as CGCS2000, so positions are approximate`,
  },
  'import-not-polygon': {
    severity: 'warning',
    zh: (p) => `图形属性为“${p.shape}”，不是面，未作为地块读取`,
    en: (p) => `the shape type is "${p.shape}", not a polygon; not read as a parcel`,
  },
  'import-no-prj': {
    severity: 'error',
    zh: () => 'Shapefile 没有 .prj，坐标是投影坐标（米），无法确定坐标系；请用 --zone 指定投影带',
    en: () => 'the Shapefile has no .prj and its coordinates are projected (metres), so its CRS is unknown; name the zone with --zone',
  },
  'import-crs-converted': {
    severity: 'warning',
    zh: (p) => `坐标系 ${p.crs} 不是 CGCS2000 高斯-克吕格投影，已换算为经纬度后读取`,
    en: (p) => `the CRS ${p.crs} is not a CGCS2000 Gauss–Krüger zone; coordinates were converted to lon/lat`,
  },
  'import-zone-from-longitude': {
    severity: 'info',
    zh: (p) => `经纬度坐标按经度换算到 CGCS2000 3° 带第 ${p.zone} 带（EPSG:${p.epsg}）计算平面面积`,
    en: (p) => `lon/lat coordinates projected to CGCS2000 3° zone ${p.zone} (EPSG:${p.epsg}), chosen by longitude, for the planar area`,
  },
  'import-feature-skipped': {
    severity: 'warning',
    zh: (p) => `第 ${p.feature} 个要素不是面（${p.type}），已跳过`,
    en: (p) => `feature ${p.feature} is not a polygon (${p.type}); skipped`,
  },
  'mining-block-unclosed': {
    severity: 'warning',
    zh: () => '最后一组拐点之后没有“标高”行，未构成矿区块段',
    en: () => 'the last points are not followed by a 标高 line, so they form no block',
  },
} satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diagnose(code: DiagnosticCode, source?: SourceSpan, params: Params = {}): Diagnostic {
  const spec: CodeSpec = DIAGNOSTIC_CODES[code];
  const d: Diagnostic = { code, severity: spec.severity, message: { zh: spec.zh(params), en: spec.en(params) } };
  if (source) d.source = source;
  return d;
}
