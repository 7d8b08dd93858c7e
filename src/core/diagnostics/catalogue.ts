// The catalogue of diagnostic codes. Every problem Jiezhi reports is one of these, with a Chinese and an
// English message and the source line it concerns; docs/diagnostics.md documents each code for users.
import type { Diagnostic, Severity, SourceSpan } from '../model/types.js';

type Params = Record<string, string | number>;

interface CodeSpec {
  severity: Severity;
  zh: (p: Params) => string;
  en: (p: Params) => string;
  /** What the user can do about it; docs/diagnostics.md is generated from these. */
  help: { zh: string; en: string };
}

export const DIAGNOSTIC_CODES = {
  'input-binary': {
    severity: 'error',
    zh: () => '文件不是文本（含有二进制数据），无法读取',
    en: () => 'the file is not text (it contains binary data) and cannot be read',
    help: { zh: '确认选择的是公报文本、坐标 TXT、GeoJSON、Shapefile 压缩包、PDF 或 Word 文件；图片和其他二进制文件无法读取。', en: 'Check that the file is a gazette text, a coordinate TXT, GeoJSON, a zipped Shapefile, a PDF or a Word file; images and other binary files cannot be read.' },
  },
  'input-undecodable': {
    severity: 'error',
    zh: () => '文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法解码',
    en: () => 'the file is neither UTF-8 nor GB18030/GBK and cannot be decoded',
    help: { zh: '用文本编辑器另存为 UTF-8 或 GBK 编码后重试。', en: 'Save the file as UTF-8 or GBK in a text editor and try again.' },
  },
  'input-too-large': {
    severity: 'error',
    zh: (p) => `文件过大（${p.size} MB），超过单个文件 ${p.limit} MB 的上限，未读取`,
    en: (p) => `the file is too large (${p.size} MB); the limit is ${p.limit} MB per file, so it was not read`,
    help: { zh: '把文件拆分成较小的几个文件，或只保留需要的公文；命令行可用 --max-input-mb N 或环境变量 JIEZHI_MAX_INPUT_MB 提高上限。', en: 'Split the file into smaller ones, or keep only the documents you need; on the command line, --max-input-mb N or the environment variable JIEZHI_MAX_INPUT_MB raises the limit.' },
  },
  'input-not-file': {
    severity: 'error',
    zh: (p) => `不是普通文件（${p.kindZh}），未读取`,
    en: (p) => `not a regular file (${p.kindEn}); not read`,
    help: { zh: '给出文件或文件夹；要从管道读取，用 - 或 /dev/stdin。设备（如 /dev/zero）和套接字不会被读取。', en: 'Name files or folders; to read a pipe, use - or /dev/stdin. Devices (such as /dev/zero) and sockets are never read.' },
  },
  'input-cannot-open': {
    severity: 'error',
    zh: (p) => `无法打开：${p.reason}`,
    en: (p) => `cannot be opened: ${p.reason}`,
    help: { zh: '检查路径是否写对、文件是否存在、当前用户能否读取。', en: 'Check the path, that the file exists and that you may read it.' },
  },
  'input-folder-empty': {
    severity: 'error',
    zh: () => '文件夹中没有 .txt、.geojson、.zip、.pdf 或 .docx 文件',
    en: () => 'the folder holds no .txt, .geojson, .zip, .pdf or .docx file',
    help: { zh: '检查文件夹是否选对；只读取这些扩展名的文件（按内容识别格式）。', en: 'Check that it is the right folder; only files with these extensions are read (their format is told by content).' },
  },
  'input-document-unreadable': {
    severity: 'error',
    zh: (p) => `无法读取${p.format === 'PDF' ? ' PDF ' : ' Word '}文档：${p.reason}`,
    en: (p) => `${p.format === 'PDF' ? 'the PDF' : 'the Word document'} cannot be read: ${p.reason}`,
    help: { zh: '文件可能不完整（下载或复制中断）或已损坏；用 Word/WPS 或 PDF 阅读器打开后另存再试。', en: 'The file may be incomplete (an interrupted download or copy) or damaged; open it in Word/WPS or a PDF reader, save it again and retry.' },
  },
  'input-worker-failed': {
    severity: 'error',
    zh: (p) => `读取此文件的工作线程意外中止（${p.reason}），此文件未提取`,
    en: (p) => `the worker thread reading this file stopped unexpectedly (${p.reason}); the file was not extracted`,
    help: { zh: '这是 Jiezhi 的缺陷，或机器内存不足；其他文件照常提取。请报告此问题，并附上该文件；用 --jobs 1 单独重试可看到详情。', en: 'This is a defect in Jiezhi, or the machine ran out of memory; the other files were extracted as usual. Please report it with the file; retrying it alone with --jobs 1 shows the details.' },
  },
  'limit-exceeded': {
    severity: 'error',
    zh: (p) => `超出资源上限：${p.what}为 ${p.value}，上限 ${p.limit}，已停止读取`,
    en: (p) => `resource limit reached: ${p.what} is ${p.value}, the limit is ${p.limit}; reading stopped`,
    help: { zh: '文件可能已损坏或是恶意构造的；确属正常的大文件时，可按 README“资源上限”一节放宽上限。', en: 'The file may be corrupt or crafted; if it is a genuine large file, raise the limit as the README section on resource limits explains.' },
  },
  'input-pdf-no-text': {
    severity: 'error',
    zh: () => 'PDF 没有文字层（可能是扫描件），无法提取；请提供带文字的 PDF、Word 或文本文件',
    en: () => 'the PDF has no text layer (probably a scan) and cannot be read; provide a PDF with text, a Word file or a text file',
    help: { zh: '扫描件需要先做文字识别（OCR），或改用原始的文本、Word 或带文字的 PDF。', en: 'A scan needs OCR first; or use the original text, Word file or a PDF with a text layer.' },
  },
  // Outputs: files Jiezhi writes.
  'output-unwritable': {
    severity: 'error',
    zh: (p) => `无法写入 ${p.target}：${p.reason}`,
    en: (p) => `${p.target} cannot be written: ${p.reason}`,
    help: { zh: '检查 --out：应为可写的文件夹（extract）或文件（convert），不能是设备或已存在的同名文件/文件夹。', en: 'Check --out: a folder you may write to (extract) or a file (convert), not a device and not an existing file or folder of the other kind.' },
  },
  'output-locked': {
    severity: 'error',
    zh: (p) => `输出文件夹 ${p.folder} 正被另一次运行（进程 ${p.pid}）使用`,
    en: (p) => `the output folder ${p.folder} is in use by another run (process ${p.pid})`,
    help: { zh: '等另一次运行结束，或换一个 --out；如确认没有运行，删除其中的 .jiezhi.lock。', en: 'Wait for the other run to end or choose another --out; if no run is going on, delete the .jiezhi.lock inside it.' },
  },
  'output-overwrites-input': {
    severity: 'error',
    zh: (p) => `输出 ${p.target} 就是输入文件 ${p.input}，不会覆盖`,
    en: (p) => `the output ${p.target} is the input ${p.input}; it is not overwritten`,
    help: { zh: '给 --out 另选文件名或文件夹。', en: 'Give --out another file name or folder.' },
  },
  'input-no-documents': {
    severity: 'info',
    zh: () => '文件中没有找到公文（文号行）',
    en: () => 'no document (document-number line) was found in the file',
    help: { zh: '文件里没有“吕政发〔2022〕15 号”这样单独成行的文号；如果它是坐标文件，请检查格式。', en: 'No document-number line (such as 吕政发〔2022〕15 号 on a line of its own) was found; if this is a coordinate file, check its format.' },
  },
  'encoding-legacy': {
    severity: 'info',
    zh: (p) => `文件按 ${p.encoding} 编码读取`,
    en: (p) => `the file was decoded as ${p.encoding}`,
    help: { zh: '无需处理；如中文显示异常，请确认文件的实际编码。', en: 'Nothing to do; if Chinese text looks wrong, check the file’s real encoding.' },
  },
  'document-duplicate': {
    severity: 'info',
    zh: (p) => `公文 ${p.doc} 在多个文件中出现，合并为一条记录`,
    en: (p) => `document ${p.doc} appears in more than one input; merged into one record`,
    help: { zh: '无需处理：同一公文在多期公报中刊登，两处来源都已记录。', en: 'Nothing to do: the same document was printed in several gazettes and both sources are kept.' },
  },
  'document-conflict': {
    severity: 'warning',
    zh: (p) => `公文 ${p.doc} 在另一文件中内容不同（面积或坐标不一致），两份分别保留`,
    en: (p) => `document ${p.doc} differs from its copy in another input (area or points); both are kept`,
    help: { zh: '对照两份公报原文，确认哪一份的面积或坐标正确。', en: 'Compare the two printed copies and decide which area or points are right.' },
  },
  'point-unparsed': {
    severity: 'error',
    zh: (p) => `无法识别的界址点坐标行：“${p.text}”`,
    en: (p) => `boundary-point line could not be read: "${p.text}"`,
    help: { zh: '对照公报原文检查该行，改正后重新导入；该行未用于任何地块。', en: 'Check the line against the printed gazette, correct it and import again; the line was not used in any parcel.' },
  },
  'point-label-mismatch': {
    severity: 'warning',
    zh: (p) => `同一行的点号不一致：X${p.x} 与 Y${p.y}`,
    en: (p) => `the X and Y point numbers on one line differ: X${p.x} vs Y${p.y}`,
    help: { zh: '对照原文确认点号；坐标已按 X 的点号读取。', en: 'Check the point number against the original; the point was read under its X number.' },
  },
  'point-outside-parcel': {
    severity: 'warning',
    zh: () => '界址点坐标不属于任何收回、确权等用地公文中的宗地',
    en: () => 'boundary point outside any parcel of a land document',
    help: { zh: '这些坐标不在收回、确权等用地公文的宗地中；如属于某宗地，请检查公文的文号和标题是否完整。', en: 'These coordinates are not inside a parcel of a land document; if they belong to one, check that its document number and title are complete.' },
  },
  'point-number-gap': {
    severity: 'warning',
    zh: (p) => `点号不连续：${p.after} 之后是 ${p.next}，缺少 ${p.missing}`,
    en: (p) => `point numbering skips: ${p.after} is followed by ${p.next}; missing ${p.missing}`,
    help: { zh: '对照勘测定界报告，确认是否漏列了界址点；“可能的原因”中会给出漏点的推测位置。', en: 'Check the survey report for a left-out boundary point; the possible causes suggest where it would lie.' },
  },
  'point-number-duplicate': {
    severity: 'warning',
    zh: (p) => `点号 ${p.label} 重复出现`,
    en: (p) => `point number ${p.label} appears more than once`,
    help: { zh: '对照原文删除重复的一行；重复的点未重复计入面积。', en: 'Check the original and drop the repeated line; the repeat was not counted twice in the area.' },
  },
  'point-number-order': {
    severity: 'warning',
    zh: (p) => `点号顺序错乱：${p.after} 之后是 ${p.next}`,
    en: (p) => `point numbers out of order: ${p.after} is followed by ${p.next}`,
    help: { zh: '对照原文确认点序；点序颠倒可能造成界址线自相交或面积不符。', en: 'Check the point order in the original; swapped points can make the boundary cross itself or the area disagree.' },
  },
  'ring-not-closed': {
    severity: 'warning',
    zh: () => '坐标串没有以第 1 点闭合，已按首点自动闭合',
    en: () => 'the ring does not end with a repeat of point 1; it was closed on point 1',
    help: { zh: '通常无害：已按第 1 点闭合。若原文确实缺少末尾的点，请核对。', en: 'Usually harmless: the ring was closed on point 1. If the original really lacks the last points, check it.' },
  },
  'ring-closing-differs': {
    severity: 'warning',
    zh: (p) => `闭合点与第 1 点坐标不同（相差 ${p.distance} 米）`,
    en: (p) => `the closing point differs from point 1 by ${p.distance} m`,
    help: { zh: '对照原文核对第 1 点和闭合点的坐标。', en: 'Check the coordinates of point 1 and of the closing point against the original.' },
  },
  'ring-too-few-points': {
    severity: 'error',
    zh: (p) => `只有 ${p.count} 个不同的界址点，不足以构成地块`,
    en: (p) => `only ${p.count} distinct boundary points; a parcel needs at least 3`,
    help: { zh: '对照原文补全界址点。', en: 'Complete the boundary points from the original.' },
  },
  'ring-repeated-vertex': {
    severity: 'warning',
    zh: (p) => `界址点 ${p.label} 与前一点坐标相同`,
    en: (p) => `boundary point ${p.label} repeats the previous point`,
    help: { zh: '对照原文删除重复点；重复点不影响面积。', en: 'Check the original and drop the repeated point; it does not change the area.' },
  },
  'ring-self-intersection': {
    severity: 'error',
    zh: (p) => `界址线自相交，交点约在 X=${p.x}，Y=${p.y}${p.more ? `；另有 ${p.more} 处交点未逐一列出` : ''}`,
    en: (p) => `the boundary crosses itself near X=${p.x}, Y=${p.y}${p.more ? `; ${p.more} more crossings are not listed` : ''}`,
    help: { zh: '多为点序颠倒或坐标录错：查看“可能的原因”中的交换或改数字建议，并对照原文核对。', en: 'Usually two points out of order or a mistyped coordinate: see the swap or digit suggestions among the possible causes and check the original.' },
  },
  'zone-unknown': {
    severity: 'error',
    zh: () => 'Y 坐标没有带号前缀，无法确定投影带；请用 --zone 指定',
    en: () => 'the Y coordinates carry no zone prefix, so the zone is unknown; name it with --zone',
    help: { zh: '在命令行加 --zone（如 --zone 37），或在文件头写明带号。', en: 'Pass --zone on the command line (e.g. --zone 37) or name the zone in the file header.' },
  },
  'zone-mixed': {
    severity: 'error',
    zh: (p) => `同一地块的界址点落在不同投影带（${p.zones}）`,
    en: (p) => `the points of one parcel lie in different zones (${p.zones})`,
    help: { zh: '检查是否有点的 Y 坐标前两位写错；同一宗地的点应在同一投影带。', en: 'Check for a wrong zone prefix in a Y coordinate; the points of one parcel lie in one zone.' },
  },
  'zone-prefix-invalid': {
    severity: 'error',
    zh: (p) => `Y 坐标的带号 ${p.prefix} 不是 CGCS2000 高斯-克吕格的带号（3° 带 25–45，6° 带 13–23）`,
    en: (p) => `Y prefix ${p.prefix} is not a CGCS2000 Gauss–Krüger zone (3° zones 25–45, 6° zones 13–23)`,
    help: { zh: '多为 X、Y 写反或漏写数字：查看“可能的原因”中的建议，并对照原文核对。', en: 'Usually X and Y swapped or a missing digit: see the possible causes and check the original.' },
  },
  'zone-assumed-cgcs2000': {
    severity: 'info',
    zh: (p) => `文中未写明坐标系：按 Y 坐标带号推定为 CGCS2000 ${p.width}° 带第 ${p.zone} 带（EPSG:${p.epsg}）`,
    en: (p) => `the text names no CRS: CGCS2000 ${p.width}° zone ${p.zone} (EPSG:${p.epsg}) inferred from the Y prefix`,
    help: { zh: '如坐标实际是北京 54 或西安 80 坐标系，位置会偏差数十米，面积核对不受影响。', en: 'If the coordinates are really Beijing 1954 or Xian 1980, positions are tens of metres off; the area check is unaffected.' },
  },
  'point-out-of-china': {
    severity: 'error',
    zh: (p) => `界址点换算后位于中国范围以外（${p.lon}, ${p.lat}）`,
    en: (p) => `the point converts to a position outside China (${p.lon}, ${p.lat})`,
    help: { zh: '多为坐标录错、X/Y 写反或带号错误：对照原文核对该点。', en: 'Usually a mistyped coordinate, swapped X/Y or a wrong zone: check the point against the original.' },
  },
  'area-unstated': {
    severity: 'info',
    zh: () => '文中没有给出面积，无法核对',
    en: () => 'the text states no area, so it cannot be verified',
    help: { zh: '无需处理；如原文有面积，请检查面积表述是否完整。', en: 'Nothing to do; if the original states an area, check that the sentence is complete.' },
  },
  'area-mismatch': {
    severity: 'error',
    zh: (p) => `面积不符：文中 ${p.stated} 平方米，按坐标计算 ${p.computed} 平方米，相差 ${p.delta} 平方米，超出允许误差 ${p.tolerance} 平方米`,
    en: (p) => `area mismatch: stated ${p.stated} m², computed ${p.computed} m², Δ ${p.delta} m² exceeds the tolerance of ${p.tolerance} m²`,
    help: { zh: '查看“可能的原因”（录错数字、X/Y 写反、点序颠倒、漏点、面积单位），对照勘测定界报告核对；系统不会自动改正。', en: 'See the possible causes (a mistyped digit, swapped X/Y, points out of order, a left-out point, the area’s unit) and check them against the survey report; nothing is corrected automatically.' },
  },
  'area-not-found': {
    severity: 'warning',
    zh: () => '公文是用地决定，但没有找到面积表述',
    en: () => 'the document is a land decision but no area statement was found',
    help: { zh: '对照原文找到面积表述；没有面积的地块只能显示，无法核对。', en: 'Find the area statement in the original; a parcel without one can be shown but not verified.' },
  },
  // Coordinate files: 国土 电子报盘 TXT, mining-right TXT, GeoJSON, Shapefile.
  'import-unreadable': {
    severity: 'error',
    zh: (p) => `无法读取 ${p.format} 文件：${p.reason}`,
    en: (p) => `the ${p.format} file cannot be read: ${p.reason}`,
    help: { zh: '确认文件完整、格式正确，可用 GIS 软件打开后另存再试。', en: 'Check that the file is complete and well formed; open it in GIS software and save it again.' },
  },
  'import-line-unrecognized': {
    severity: 'warning',
    zh: (p) => `无法识别的行，已忽略：“${p.text}”`,
    en: (p) => `line not understood, ignored: "${p.text}"`,
    help: { zh: '对照文件检查该行；该行已忽略。', en: 'Check the line in the file; it was ignored.' },
  },
  'import-point-count': {
    severity: 'warning',
    zh: (p) => `块头写明 ${p.stated} 个界址点，实际读到 ${p.found} 行坐标`,
    en: (p) => `the block header states ${p.stated} points; ${p.found} point lines were read`,
    help: { zh: '核对块头的界址点数与实际坐标行数。', en: 'Check the point count in the block header against the point lines.' },
  },
  'import-columns-east-first': {
    severity: 'info',
    zh: () => '坐标列为先东(Y)后北(X)，已按位数识别并调换',
    en: () => 'the columns are east (Y) first; recognised by digit count and swapped',
    help: { zh: '无需处理：已按位数识别东、北坐标列。', en: 'Nothing to do: the east and north columns were recognised by digit count.' },
  },
  'import-zone-disagrees': {
    severity: 'warning',
    zh: (p) => `文件头带号为 ${p.header}，但 Y 坐标带号前缀为 ${p.prefix}；以坐标为准`,
    en: (p) => `the header names zone ${p.header} but the Y coordinates carry prefix ${p.prefix}; the coordinates are trusted`,
    help: { zh: '更正文件头的带号；坐标已按 Y 坐标的带号前缀换算。', en: 'Correct the zone in the header; the coordinates were read by their Y prefix.' },
  },
  'import-datum-approximate': {
    severity: 'warning',
    zh: (p) => `坐标系为 ${p.crs}，与 CGCS2000 相差可达数十米；按 CGCS2000 处理，位置仅为近似`,
    en: (p) => `the CRS is ${p.crs}, tens of metres from CGCS2000; read as CGCS2000, so positions are approximate`,
    help: { zh: '如需精确位置，请先在专业软件中转换到 CGCS2000。', en: 'For exact positions, convert to CGCS2000 in survey software first.' },
  },
  'import-not-polygon': {
    severity: 'warning',
    zh: (p) => `图形属性为“${p.shape}”，不是面，未作为地块读取`,
    en: (p) => `the shape type is "${p.shape}", not a polygon; not read as a parcel`,
    help: { zh: '只有“面”块会作为地块读取；如应为面，请在原软件中更正图形属性。', en: 'Only polygon blocks are read as parcels; if it should be one, correct its shape type in the producing software.' },
  },
  'import-no-prj': {
    severity: 'error',
    zh: () => 'Shapefile 没有 .prj，坐标是投影坐标（米），无法确定坐标系；请用 --zone 指定投影带',
    en: () => 'the Shapefile has no .prj and its coordinates are projected (metres), so its CRS is unknown; name the zone with --zone',
    help: { zh: '把 .prj 文件一起打包，或用 --zone 指定投影带。', en: 'Zip the .prj together with the Shapefile, or name the zone with --zone.' },
  },
  'import-crs-converted': {
    severity: 'warning',
    zh: (p) => `坐标系 ${p.crs} 不是 CGCS2000 高斯-克吕格投影，已换算为经纬度后读取`,
    en: (p) => `the CRS ${p.crs} is not a CGCS2000 Gauss–Krüger zone; coordinates were converted to lon/lat`,
    help: { zh: '无需处理；平面面积按所在投影带重新计算。', en: 'Nothing to do; planar areas are computed in the zone the parcel lies in.' },
  },
  'import-zone-from-longitude': {
    severity: 'info',
    zh: (p) => `经纬度坐标按经度换算到 CGCS2000 3° 带第 ${p.zone} 带（EPSG:${p.epsg}）计算平面面积`,
    en: (p) => `lon/lat coordinates projected to CGCS2000 3° zone ${p.zone} (EPSG:${p.epsg}), chosen by longitude, for the planar area`,
    help: { zh: '无需处理；如需按其他投影带计算，请先换算坐标。', en: 'Nothing to do; to use another zone, convert the coordinates first.' },
  },
  'import-feature-skipped': {
    severity: 'warning',
    zh: (p) => `第 ${p.feature} 个要素不是面（${p.type}），已跳过`,
    en: (p) => `feature ${p.feature} is not a polygon (${p.type}); skipped`,
    help: { zh: '只读取面要素；点、线要素请用 GIS 软件另行处理。', en: 'Only polygon features are read; handle points and lines in GIS software.' },
  },
  'mining-block-unclosed': {
    severity: 'warning',
    zh: () => '最后一组拐点之后没有“标高”行，未构成矿区块段',
    en: () => 'the last points are not followed by a 标高 line, so they form no block',
    help: { zh: '在最后一组拐点后补上“标高”行。', en: 'Add the 标高 line after the last group of points.' },
  },
} satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diagnose(code: DiagnosticCode, source?: SourceSpan, params: Params = {}): Diagnostic {
  const spec: CodeSpec = DIAGNOSTIC_CODES[code];
  const d: Diagnostic = { code, severity: spec.severity, message: { zh: spec.zh(params), en: spec.en(params) } };
  if (source) d.source = source;
  return d;
}
