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
    zh: (p) => `超出资源上限：${limitName(p.what).zh}为 ${p.value}，上限 ${p.limit}，已停止读取`,
    en: (p) => `resource limit reached: ${limitName(p.what).en} is ${p.value}, the limit is ${p.limit}; reading stopped`,
    help: { zh: '文件可能已损坏或是恶意构造的；确属正常的大文件时，可按 README“资源上限”一节放宽上限。', en: 'The file may be corrupt or crafted; if it is a genuine large file, raise the limit as the README section on resource limits explains.' },
  },
  'input-control-character': {
    severity: 'warning',
    zh: (p) => `该行含有控制字符（${p.char}），已跳过该行${p.more ? `；另有 ${p.more} 行同样被跳过，未逐一列出` : ''}`,
    en: (p) => `the line contains a control character (${p.char}); the line was skipped${p.more ? `; ${p.more} more such lines were skipped and are not listed` : ''}`,
    help: { zh: '文件中夹杂了不可见的控制字符（多为传输或拼接损坏）；对照原文补上该行。', en: 'The file holds an invisible control character (usually damage in transfer or concatenation); restore the line from the original.' },
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
  'ring-role': {
    severity: 'info',
    zh: (p) =>
      `圈号 ${p.ring}：${p.role === 'hole' ? `位于圈号 ${p.of} 之内，作为洞从面积中扣除` : p.role === 'island' ? `位于圈号 ${p.of} 这个洞之内，作为岛（另一部分）计入面积` : '不在其他圈之内，作为另一部分计入面积'}${p.against ? '；其走向与此不符，以包含关系为准' : ''}`,
    en: (p) =>
      `ring ${p.ring}: ${p.role === 'hole' ? `inside ring ${p.of}, a hole subtracted from the area` : p.role === 'island' ? `inside the hole ring ${p.of}, an island added to the area as another part` : 'inside no other ring, another part added to the area'}${p.against ? '; its direction says otherwise, containment decides' : ''}`,
    help: { zh: '圈号不说明是洞还是另一部分，按各圈的包含关系判定；如判定不对，请核对原文件的圈号与坐标。', en: 'Ring numbers do not say whether a ring is a hole or another part, so containment decides; if the decision is wrong, check the ring numbers and coordinates in the file.' },
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
    zh: (p) => `界址线自相交，交点约在 X=${p.x}，Y=${p.y}${p.more ? `；另有${p.atLeast ? '至少 ' : ' '}${p.more} 处交点未逐一列出` : ''}`,
    en: (p) => `the boundary crosses itself near X=${p.x}, Y=${p.y}${p.more ? `; ${p.atLeast ? 'at least ' : ''}${p.more} more crossings are not listed` : ''}`,
    help: { zh: '多为点序颠倒或坐标录错：查看“可能的原因”中的交换或改数字建议，并对照原文核对。', en: 'Usually two points out of order or a mistyped coordinate: see the swap or digit suggestions among the possible causes and check the original.' },
  },
  'zone-unknown': {
    severity: 'error',
    zh: () => 'Y 坐标没有带号前缀，无法确定投影带；请用 --zone 指定',
    en: () => 'the Y coordinates carry no zone prefix, so the zone is unknown; name it with --zone',
    help: { zh: '在命令行加 --zone（如 --zone 37），或在文件头写明带号。', en: 'Pass --zone on the command line (e.g. --zone 37) or name the zone in the file header.' },
  },
  'zone-unknown-not-drawn': {
    severity: 'warning',
    zh: () => 'Y 坐标没有带号前缀，文中也未写明带号：面积已按平面坐标计算并核对，但无法在地图上定位，未绘制；用 --zone N（或页面的导入选项）指定带号即可定位',
    en: () => 'the Y coordinates carry no zone prefix and no zone is named: the area was computed and checked on the plane, but the polygon cannot be placed on the map and is not drawn; --zone N (or the page’s import option) places it',
    help: { zh: '平面面积不依赖带号，核对结果有效；要显示在地图上，在命令行加 --zone（如 --zone 37），或在页面导入时选择带号。', en: 'The planar area does not depend on the zone, so the check stands; to show the polygon on the map, pass --zone (e.g. --zone 37) or choose the zone when importing on the page.' },
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
  'datum-position-approximate': {
    severity: 'warning',
    zh: (p) => `文中写明坐标系为${p.datumZh}：按其 ${p.width}° 带第 ${p.zone} 带（EPSG:${p.epsg}）计算平面面积；地图位置由该坐标系的经纬度直接当作 CGCS2000/WGS84 绘制，只是近似位置，通常偏差${p.offsetZh}`,
    en: (p) => `the text names ${p.datumEn}: the planar area is computed on its ${p.width}° zone ${p.zone} (EPSG:${p.epsg}); the map position uses its lon/lat as if they were CGCS2000/WGS84 and is approximate, typically ${p.offsetEn} off`,
    help: { zh: '面积核对不受影响。没有公开的转换参数可把该坐标系换算到 CGCS2000，所以位置只能近似；需要精确位置时，请用当地测绘部门提供的转换参数在专业软件中转换后再导入。', en: 'The area check is unaffected. No public transformation parameters convert this datum to CGCS2000, so the position can only be approximate; for an exact position, convert with the parameters of the local surveying authority in survey software and import the result.' },
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
  'import-area-square-metres': {
    severity: 'warning',
    zh: (p) => `地块面积按格式应以公顷计，但本文件全部 ${p.blocks} 个地块的面积按公顷读都是坐标算得面积的 10⁴ 倍、按平方米读则相符：整份文件的面积按平方米读取`,
    en: (p) => `地块面积 should be in 公顷, but in all ${p.blocks} blocks of this file it is 10⁴ times the rings' area when read so and agrees when read in m²: the whole file is read in m²`,
    help: { zh: '生成该文件的软件把面积写成了平方米；导入审批系统前请改为公顷（除以 10000），或确认面积无误。', en: 'The producing software wrote the area in m²; divide by 10 000 to give 公顷 before importing it into an approval system, or confirm the figures.' },
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
  'point-unpaired': {
    severity: 'warning',
    zh: (p) => `坐标值 ${p.value} 没有与之配对的另一坐标，未用于任何界址点`,
    en: (p) => `the coordinate ${p.value} has no partner (X without Y, or latitude without longitude) and was not used`,
    help: { zh: '对照原文检查该行：可能缺了另一列，或文本在此处被截断。', en: 'Check the line against the original: the other column may be missing, or the text is cut off here.' },
  },
  'point-masked': {
    severity: 'warning',
    zh: () => '坐标数字被星号遮盖（如“****248.17”），无法读取',
    en: () => 'the coordinate digits are masked by asterisks ("****248.17") and cannot be read',
    help: { zh: '网站转载时遮盖了坐标；请从发布机关的原文获取完整坐标。', en: 'The site that reposted the notice masked the coordinates; get the full figures from the issuing office.' },
  },
  'run-points-reordered': {
    severity: 'info',
    zh: (p) => `点号的印刷顺序（${p.printed}）与点号顺序不同，已按点号排列（${p.ordered}）`,
    en: (p) => `the points were printed in the order ${p.printed}, not by number; they were put in number order (${p.ordered})`,
    help: { zh: '多为分栏表格被逐行读出所致，无需处理；若原文确按印刷顺序连线，请核对图形。', en: 'Usually a table with several point columns read row by row; nothing to do. If the original really connects the points in printed order, check the shape.' },
  },
  'run-too-short': {
    severity: 'warning',
    zh: (p) => `此处只有 ${p.count} 个坐标点，不足以构成图形，未生成地块`,
    en: (p) => `only ${p.count} point(s) here, too few for a polygon; no parcel was made`,
    help: { zh: '对照原文检查：坐标表可能被截断，或这些数字并非界址点。', en: 'Check the original: the coordinate table may be cut off, or these numbers are not boundary points.' },
  },
  'ring-incomplete': {
    severity: 'warning',
    zh: (p) => `坐标表在此被截断：该范围只列出 ${p.present} 个点（${p.whyZh}），缺少的点无从得知，未生成图形`,
    en: (p) => `the coordinate table is cut off here: this ring lists only ${p.present} point(s) (${p.whyEn}); the missing points cannot be known, so no polygon was made`,
    help: { zh: '取得完整的原文（公告原件或附件）后重新导入。', en: 'Import the complete original (the notice itself or its attachment).' },
  },
  'ring-incomplete-point': {
    severity: 'info',
    zh: () => '此点属于被截断的坐标表中不完整的范围，未用于图形',
    en: () => 'this point belongs to a ring of a cut-off coordinate table and was not used for a polygon',
    help: { zh: '见同一范围的“坐标表被截断”提示。', en: 'See the "table cut off" warning of the same ring.' },
  },
  'part-point-unused': {
    severity: 'warning',
    zh: (p) => `点 ${p.label} 列在坐标表中，但文中按点号定义的各部分（如“护岸(2-3-…-10-2)”）都不经过它`,
    en: (p) => `point ${p.label} is in the coordinate table, but none of the parts the text defines by point sequences (such as "护岸(2-3-…-10-2)") runs through it`,
    help: { zh: '对照原文检查各部分的点号序列是否漏写了此点。', en: 'Check whether a part\'s point sequence in the original leaves this point out.' },
  },
  'run-repeated': {
    severity: 'info',
    zh: () => '同一坐标表在文中再次出现（如中英文两版），只读取一次',
    en: () => 'the same coordinate table is printed again (a Chinese and an English half, say); it was read once',
    help: { zh: '无需处理。', en: 'Nothing to do.' },
  },
  'run-kind-inferred': {
    severity: 'info',
    zh: (p) => (p.word ? `未识别公文类别，按上下文中的“${p.word}”读作${p.kindZh}` : `未识别公文类别，上下文未说明用途，读作${p.kindZh}`),
    en: (p) => (p.word ? `the document is of no recognised kind; read as ${p.kindEn} from the word “${p.word}” around the coordinates` : `the document is of no recognised kind and says nothing of its use; read as ${p.kindEn}`),
    help: { zh: '如类别不对，请核对原文；坐标与面积核对不受影响。', en: 'If the kind is wrong, check the original; the coordinates and the area check are not affected.' },
  },
  'points-declared-mismatch': {
    severity: 'warning',
    zh: (p) => `文中写明 ${p.declared} 个拐点（界址点），实际列出 ${p.listed} 个`,
    en: (p) => `the text declares ${p.declared} points but lists ${p.listed}`,
    help: { zh: '可能漏列或多列了点，或文本被截断；对照原文补全坐标。', en: 'A point may be missing or repeated, or the text is cut off; complete the coordinates from the original.' },
  },
  'area-planar-figure': {
    severity: 'info',
    zh: (p) => `文载面积与平面面积 ${p.planar} 平方米相符，与椭球面积 ${p.ellipsoidal} 平方米不符：按 2022 年以前以平面面积计的规则核对`,
    en: (p) => `the stated figure agrees with the planar area ${p.planar} m², not the ellipsoidal ${p.ellipsoidal} m²: checked by the rule before 2022, when mining areas were stated on the plane`,
    help: { zh: '无需处理；2022 年起采矿权面积按椭球面积计算，新证请以椭球面积为准。', en: 'Nothing to do; since 2022 mining-right areas are ellipsoidal, so a new licence should state the ellipsoidal figure.' },
  },
  'area-total-match': {
    severity: 'info',
    zh: (p) => `各区段面积之和 ${p.sum} 平方米与文载总面积 ${p.total} 相符（允许误差 ${p.tolerance} 平方米）`,
    en: (p) => `the sections add up to ${p.sum} m², which agrees with the stated total ${p.total} (tolerance ${p.tolerance} m²)`,
    help: { zh: '无需处理。', en: 'Nothing to do.' },
  },
  'area-total-mismatch': {
    severity: 'warning',
    zh: (p) => `各区段面积之和 ${p.sum} 平方米与文载总面积 ${p.total} 不符（差 ${p.delta} 平方米，允许误差 ${p.tolerance} 平方米）`,
    en: (p) => `the sections add up to ${p.sum} m², which does not agree with the stated total ${p.total} (Δ ${p.delta} m², tolerance ${p.tolerance} m²)`,
    help: { zh: '核对各区段坐标和总面积：可能缺了一个区段，或总面积另含未列坐标的部分。', en: 'Check the sections and the total: a section may be missing, or the total includes land without coordinates.' },
  },
  'area-total-unverifiable': {
    severity: 'warning',
    zh: (p) => `文载总面积 ${p.total} 无法核对：${p.zh}`,
    en: (p) => `the stated total ${p.total} cannot be checked: ${p.en}`,
    help: { zh: '补全缺少的区段坐标后重新导入。', en: 'Complete the missing sections and import again.' },
  },
  'import-corrupt': {
    severity: 'error',
    zh: (p) => `${p.part} ${Number(p.record) > 0 ? `第 ${p.record} 条记录` : '文件头'}：${corruptField(p.field).zh} ${p.value} ${corruptProblem(p).zh}`,
    en: (p) => `${p.part} ${Number(p.record) > 0 ? `record ${p.record}` : 'header'}: ${corruptField(p.field).en} ${p.value} ${corruptProblem(p).en}`,
    help: { zh: '文件已损坏（长度、数量或偏移与实际字节不符）；损坏处之后的内容未读取。请用 GIS 软件打开并另存，或向提供方索取完好的文件。', en: 'The file is corrupt (a length, count or offset disagrees with the bytes present); nothing after the damage was read. Open and save it again in GIS software, or ask its sender for an intact copy.' },
  },
  'import-coordinate-not-finite': {
    severity: 'error',
    zh: (p) => `坐标 ${p.value} 不是有限数值，该要素未作为地块读取`,
    en: (p) => `the coordinate ${p.value} is not a finite number; the feature was not read as a parcel`,
    help: { zh: '坐标为 NaN、无穷大或超出双精度范围（如 1e309），多为导出软件出错；对照原始数据更正。', en: 'The coordinate is NaN, infinite or beyond double precision (such as 1e309), usually an exporting program’s fault; correct it from the original data.' },
  },
  'export-text-cut': {
    severity: 'warning',
    zh: (p) => `第 ${p.record} 条记录的字段 ${p.field} 长 ${p.bytes} 字节，超过 DBF 的 254 字节上限，已在字符边界截断为 ${p.kept} 字节`,
    en: (p) => `record ${p.record}, field ${p.field}: the text is ${p.bytes} bytes, over the DBF limit of 254; cut at a character boundary to ${p.kept} bytes`,
    help: { zh: 'Shapefile 的属性表每个文本字段最多 254 字节（约 84 个汉字）；完整内容请使用 GeoJSON 导出。', en: 'A Shapefile’s attribute table holds at most 254 bytes per text field (about 84 Chinese characters); export GeoJSON for the full text.' },
  },
  'export-control-character': {
    severity: 'warning',
    zh: (p) => `第 ${p.record} 条记录的字段 ${p.field} 含有控制字符（${p.char}），已替换为空格`,
    en: (p) => `record ${p.record}, field ${p.field} contains a control character (${p.char}); it was replaced by a space`,
    help: { zh: 'DBF 文本字段不能含有 NUL 等控制字符（读取软件会在此截断）；检查来源数据。', en: 'A DBF text field cannot hold NUL or other control characters (readers cut the text there); check the source data.' },
  },
  'export-zones-mixed': {
    severity: 'error',
    zh: (p) => `高斯-克吕格导出要求所有地块位于同一投影带，而它们位于 ${p.found}；未导出`,
    en: (p) => `a Gauss–Krüger export needs the parcels in one zone, they are in ${p.found}; nothing was exported`,
    help: { zh: '按投影带分别导出，或选择 WGS84 经纬度导出。', en: 'Export each zone separately, or choose WGS84.' },
  },
  'topology-overlap-not-computed': {
    severity: 'warning',
    zh: (p) => `${p.a} 与 ${p.b} 可能重叠，但两者的 ${p.vertices} 个界址点连同边界交点超过精确求交上限 ${p.limit}，重叠面积未计算`,
    en: (p) => `${p.a} and ${p.b} may overlap, but their ${p.vertices} vertices with the crossings of their boundaries are over the exact-overlap limit of ${p.limit}; the overlap area was not computed`,
    help: { zh: '在 GIS 软件中检查两宗地的重叠；确有需要时可按 README“资源上限”一节放宽上限。', en: 'Check the overlap of the two parcels in GIS software; if needed, raise the limit as the README section on resource limits explains.' },
  },
  'mining-block-unclosed': {
    severity: 'warning',
    zh: () => '最后一组拐点之后没有“标高”行，未构成矿区块段',
    en: () => 'the last points are not followed by a 标高 line, so they form no block',
    help: { zh: '在最后一组拐点后补上“标高”行。', en: 'Add the 标高 line after the last group of points.' },
  },
  'document-untitled': {
    severity: 'warning',
    zh: (p) => `未找到文号，已用文件名“${p.file}”标识这些界址点组成的宗地`,
    en: (p) => `no document number was found; the parcel these points form is named by the file name "${p.file}"`,
    help: { zh: '如属于某份公文，请把文号行（如“吕政发〔2022〕15 号”）和标题一并保存到文件中再导入。', en: 'If the points belong to a document, keep its number line (such as 吕政发〔2022〕15 号) and title in the file and import it again.' },
  },
  // One notice per imported file: what was read, and what to do next.
  'import-read': {
    severity: 'info',
    zh: (p) => `读到 ${p.points} 个界址点，组成 ${p.parcels} 宗地（${p.docs}）`,
    en: (p) => `read ${p.points} boundary point(s) forming ${p.parcels} parcel(s) (${p.docs})`,
    help: { zh: '无需处理；在表格或地图上选中宗地可查看核对结果和原文。', en: 'Nothing to do; select a parcel in the table or on the map to see its check and its original lines.' },
  },
  'import-read-untitled': {
    severity: 'warning',
    zh: (p) => `读到 ${p.points} 个界址点，组成 ${p.parcels} 宗地；未找到文号，已用文件名标识`,
    en: (p) => `read ${p.points} boundary point(s) forming ${p.parcels} parcel(s); no document number was found, so the file name identifies them`,
    help: { zh: '如属于某份公文，请把文号行和标题一并保存到文件中再导入。', en: 'If the points belong to a document, keep its number line and title in the file and import it again.' },
  },
  'import-read-no-points': {
    severity: 'warning',
    zh: (p) => `读到 ${p.parcels} 条用地记录（${p.docs}），但都没有界址点坐标，只能列出、无法上图`,
    en: (p) => `read ${p.parcels} land record(s) (${p.docs}) but none has boundary points: listed, not drawn`,
    help: { zh: '公报常把坐标印在附件或勘测定界报告中；找到后可作为坐标文件另行导入。', en: 'Gazettes often print the coordinates in an annex or the survey report; import those as a coordinate file.' },
  },
  'import-no-land-records': {
    severity: 'warning',
    zh: (p) => `找到 ${p.docs} 份公文，但没有带面积或界址点的用地公文（收回、确权、没收、成片开发）`,
    en: (p) => `found ${p.docs} document(s), none of them a land decision with an area or boundary points`,
    help: { zh: '只有收回、确权、没收违法建筑、成片开发等用地公文会生成宗地；其他公文不影响地图。', en: 'Only land decisions (take-back, land rights, confiscation, bulk development) make parcels; other documents leave the map as it is.' },
  },
  'import-nothing-found': {
    severity: 'warning',
    zh: () => '没有找到文号，也没有找到界址点坐标：文件不像公报，也不像坐标文件',
    en: () => 'neither a document number nor boundary points were found: the file looks like neither a gazette nor a coordinate file',
    help: { zh: '确认选择的是公报文本、国土 TXT、采矿权坐标、GeoJSON、Shapefile 压缩包、PDF 或 Word 文件。', en: 'Check that the file is a gazette text, a 国土 TXT, a mining-right coordinate file, GeoJSON, a zipped Shapefile, a PDF or a Word file.' },
  },
  'import-empty': {
    severity: 'warning',
    zh: () => '文件是空的，没有可读取的内容',
    en: () => 'the file is empty; there is nothing to read',
    help: { zh: '确认选择了正确的文件，或重新保存后再导入。', en: 'Check that you chose the right file, or save it again and import it.' },
  },
  'import-same-file': {
    severity: 'info',
    zh: (p) => `与已导入的“${p.other}”内容完全相同，未重复导入`,
    en: (p) => `the same content as "${p.other}", already imported; not imported again`,
    help: { zh: '无需处理；已导入的记录仍在表格中。', en: 'Nothing to do; the records imported before are still in the table.' },
  },
  'import-merged': {
    severity: 'info',
    zh: (p) => `${p.count} 宗已从其他文件载入（${p.docs}），内容相同，合并为一条记录、两处来源`,
    en: (p) => `${p.count} parcel(s) already loaded from another file (${p.docs}) with the same content: merged into one record with two sources`,
    help: { zh: '无需处理；详情中的“全部出处”列出两个文件。', en: 'Nothing to do; “All sources” in the details lists both files.' },
  },
  'import-problems': {
    severity: 'warning',
    zh: (p) => `${p.count} 处需要核对，首处在${p.where}：${p.first}`,
    en: (p) => `${p.count} thing(s) to check, the first at ${p.whereEn}: ${p.firstEn}`,
    help: { zh: '选中宗地查看每条诊断和对应的原文行。', en: 'Select the parcel to see each diagnostic with its original line.' },
  },
  // Why a dropped file was taken as parcels, planning blocks or mining zones.
  'role-chosen': {
    severity: 'info',
    zh: (p) => `按“导入为”的选择作为${p.roleZh}导入`,
    en: (p) => `imported as ${p.roleEn}, as chosen under “Import as”`,
    help: { zh: '如选择有误，把“导入为”改为“自动识别”后重新导入。', en: 'If that was wrong, set “Import as” to automatic and import again.' },
  },
  'role-document': {
    severity: 'info',
    zh: () => '作为宗地导入：文件是公文文本或宗地坐标',
    en: () => 'imported as parcels: the file is a document text or parcel coordinates',
    help: { zh: '如是规划地块或矿区图层，请在“导入为”中选择。', en: 'If it is a planning-block or mining-zone layer, choose so under “Import as”.' },
  },
  'role-planning-codes': {
    severity: 'info',
    zh: (p) => `作为规划地块导入：地块编号是控规地块编号（如 ${p.example}）`,
    en: (p) => `imported as planning blocks: the block codes are planning codes (such as ${p.example})`,
    help: { zh: '如这些是宗地，请在“导入为”中选择“宗地”。', en: 'If these are land parcels, choose “parcels” under “Import as”.' },
  },
  'role-mining-zone': {
    severity: 'info',
    zh: () => '作为矿区导入：文件是采矿权矿区范围拐点坐标',
    en: () => 'imported as mining zones: the file holds mining-right zone corner points',
    help: { zh: '如这些是宗地，请在“导入为”中选择“宗地”。', en: 'If these are land parcels, choose “parcels” under “Import as”.' },
  },
  'role-mining-names': {
    severity: 'info',
    zh: (p) => `作为矿区导入：要素带有矿山名称或采矿属性（如 ${p.example}）`,
    en: (p) => `imported as mining zones: the features carry mine names or mining attributes (such as ${p.example})`,
    help: { zh: '如这些是宗地，请在“导入为”中选择“宗地”。', en: 'If these are land parcels, choose “parcels” under “Import as”.' },
  },
  'role-parcel-features': {
    severity: 'info',
    zh: () => '作为宗地导入：要素没有控规地块编号或矿山名称',
    en: () => 'imported as parcels: the features carry no planning block code or mine name',
    help: { zh: '如是规划地块或矿区图层，请在“导入为”中选择。', en: 'If it is a planning-block or mining-zone layer, choose so under “Import as”.' },
  },
  // The page's layers (planning blocks, mining zones) after an import or at start-up.
  'layer-file-unreadable': {
    severity: 'error',
    zh: (p) => `无法读取图层文件：${p.reason}`,
    en: (p) => `the layer file cannot be read: ${p.reason}`,
    help: { zh: '重新运行 jiezhi extract --layers 生成图层文件，或检查服务器上的文件。', en: 'Run jiezhi extract --layers again to write the layer file, or check the file on the server.' },
  },
  'geojson-not-rfc7946': {
    severity: 'warning',
    zh: (p) => `GeoJSON 有 ${p.count} 处不符合 RFC 7946：${p.first}`,
    en: (p) => `${p.count} RFC 7946 problem(s): ${p.first}`,
    help: { zh: '图形仍已读取；用 GIS 软件另存为 GeoJSON（WGS84）可消除这些问题。', en: 'The shapes were still read; saving the file as GeoJSON (WGS84) in GIS software removes these problems.' },
  },
  'layer-features-not-polygons': {
    severity: 'warning',
    zh: (p) => `${p.count} 个要素不是面，未导入`,
    en: (p) => `${p.count} feature(s) are not polygons and were skipped`,
    help: { zh: '只读取面要素；点、线要素请用 GIS 软件另行处理。', en: 'Only polygon features are read; handle points and lines in GIS software.' },
  },
  'layer-planning-joined': {
    severity: 'info',
    zh: (p) => `规划地块 ${p.count} 个，${p.joined} 个与公报地块编号对应${p.unreferenced ? `，${p.unreferenced} 个公报未提及（${p.codes}）` : ''}；公报中仍有 ${p.unlocated} 个地块编号没有图形`,
    en: (p) => `${p.count} planning block(s), ${p.joined} matched to gazette block codes${p.unreferenced ? `, ${p.unreferenced} not named by any gazette (${p.codes})` : ''}; ${p.unlocated} gazette block code(s) still without geometry`,
    help: { zh: '“未定位”列表列出公报提到但还没有图形的地块编号。', en: 'The “unlocated” list names the block codes the gazettes mention that still have no geometry.' },
  },
  'layer-mining-joined': {
    severity: 'info',
    zh: (p) => `矿区 ${p.count} 个：单独保留 ${p.retain}，整合 ${p.consolidate}，待定 ${p.unknown}${p.unmatched ? `；${p.unmatched} 个未在公报中出现（${p.names}）` : ''}；公报中仍有 ${p.unlocated} 个矿山没有图形`,
    en: (p) => `${p.count} mining zone(s): retain ${p.retain}, consolidate ${p.consolidate}, unknown ${p.unknown}${p.unmatched ? `; ${p.unmatched} not named by any gazette (${p.names})` : ''}; ${p.unlocated} gazette mine(s) still without geometry`,
    help: { zh: '选中矿区查看每项保留条件的取值和政策原文。', en: 'Select a zone to see each retention criterion with its value and the policy’s line.' },
  },
  'layer-unclassified': {
    severity: 'warning',
    zh: (p) => `${p.count} 个要素既没有地块编号也没有矿山名称，未作为图层导入（可在“导入为”中选择“宗地”）`,
    en: (p) => `${p.count} feature(s) carry neither a block code nor a mine name and were not imported as a layer (choose “parcels” under “Import as”)`,
    help: { zh: '给要素补上地块编号或矿山名称字段，或作为宗地导入。', en: 'Add a block-code or mine-name field to the features, or import them as parcels.' },
  },
  'layer-features-skipped': {
    severity: 'warning',
    zh: (p) => `${p.count} 个要素未导入（${p.source}：${p.reason}）`,
    en: (p) => `${p.count} feature(s) skipped (${p.source}: ${p.reason})`,
    help: { zh: '图层要素须为经纬度（WGS84/CGCS2000）的面。', en: 'Layer features must be polygons in lon/lat (WGS84/CGCS2000).' },
  },
  'layer-no-polygons': {
    severity: 'warning',
    zh: () => '文件中没有可作为图层的面要素',
    en: () => 'no polygon feature to use as a layer',
    help: { zh: '确认文件含有面要素，或作为宗地导入。', en: 'Check that the file holds polygon features, or import it as parcels.' },
  },
  // Writers: what stops a download or a conversion.
  'export-no-geometry': {
    severity: 'error',
    zh: () => '没有可以写出的带坐标宗地（所选记录都没有界址点坐标）',
    en: () => 'no parcel with geometry to write (none of the chosen records has boundary points)',
    help: { zh: '选择带坐标的宗地（地图上有图形的记录）后再下载。', en: 'Choose parcels with coordinates (records drawn on the map) and download again.' },
  },
  'export-gbk-unencodable': {
    severity: 'error',
    zh: (p) => `字符“${p.char}”（U+${p.codePoint}）无法用 GBK 编码写出，请选择 UTF-8`,
    en: (p) => `"${p.char}" (U+${p.codePoint}) cannot be written in GBK; use UTF-8`,
    help: { zh: '选择 UTF-8 编码的国土 TXT，或在原文中改用 GBK 能表示的字。', en: 'Choose the UTF-8 国土 TXT, or use a character GBK can hold.' },
  },
} satisfies Record<string, CodeSpec>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diagnose(code: DiagnosticCode, source?: SourceSpan, params: Params = {}): Diagnostic {
  const spec: CodeSpec = DIAGNOSTIC_CODES[code];
  const d: Diagnostic = { code, severity: spec.severity, message: { zh: spec.zh(params), en: spec.en(params) } };
  if (source) d.source = source;
  return d;
}

// What a limit-exceeded diagnostic names: a ResourceLimits field; anything else is shown as given.
const LIMIT_NAMES: Record<string, { zh: string; en: string }> = {
  inputBytes: { zh: '读取的字节数', en: 'the bytes read' },
  archiveBytes: { zh: '压缩包解压后的字节数', en: 'the bytes inflated from the archive' },
  archiveEntries: { zh: '压缩包的条目数', en: 'the number of archive entries' },
  xmlElements: { zh: 'XML 元素数', en: 'the number of XML elements' },
  ringVertices: { zh: '一个坐标串的界址点数', en: 'the number of vertices of one ring' },
  crossingsListed: { zh: '列出的自相交点数', en: 'the self-intersections listed' },
  overlapVertices: { zh: '精确求交的界址点数', en: 'the vertices of an exact overlap' },
};

function limitName(what: string | number): { zh: string; en: string } {
  return LIMIT_NAMES[what] ?? { zh: String(what), en: String(what) };
}

// The fields and faults import-corrupt names, for the binary formats (.shp, .shx, .dbf, zip).
const CORRUPT_FIELDS: Record<string, { zh: string; en: string }> = {
  'file-code': { zh: '文件标识', en: 'file code' },
  'shape-type': { zh: '图形类型', en: 'shape type' },
  'content-length': { zh: '内容长度', en: 'content length' },
  'part-count': { zh: '环数', en: 'part count' },
  'point-count': { zh: '点数', en: 'point count' },
  'part-start': { zh: '环起点', en: 'part start' },
  'record-offset': { zh: '记录偏移', en: 'record offset' },
  'header-length': { zh: '文件头长度', en: 'header length' },
  'record-length': { zh: '记录长度', en: 'record length' },
  'record-count': { zh: '记录数', en: 'record count' },
  'entry-count': { zh: '条目数', en: 'entry count' },
  'directory-offset': { zh: '目录偏移', en: 'directory offset' },
  'entry-offset': { zh: '条目偏移', en: 'entry offset' },
  'compression-method': { zh: '压缩方式', en: 'compression method' },
  'compressed-data': { zh: '压缩数据', en: 'compressed data' },
  'xml-element': { zh: 'XML 元素', en: 'XML element' },
  checksum: { zh: '校验和', en: 'checksum' },
};

function corruptField(field: string | number): { zh: string; en: string } {
  return CORRUPT_FIELDS[field] ?? { zh: String(field), en: String(field) };
}

function corruptProblem(p: Params): { zh: string; en: string } {
  switch (p.problem) {
    case 'negative':
      return { zh: '是负数', en: 'is negative' };
    case 'past-end':
      return { zh: `超出文件末尾（文件共 ${p.size} 字节）`, en: `runs past the end of the file (${p.size} bytes)` };
    case 'past-record':
      return { zh: `超出该记录的内容（${p.size} 字节）`, en: `runs past the record's content (${p.size} bytes)` };
    case 'too-small':
      return { zh: `小于最小值 ${p.expected}`, en: `is below the minimum of ${p.expected}` };
    case 'out-of-range':
      return { zh: `不在 ${p.expected} 范围内`, en: `is outside ${p.expected}` };
    case 'mismatch':
      return { zh: `与 ${p.other} 的 ${p.expected} 不符`, en: `disagrees with ${p.expected} in ${p.other}` };
    case 'checksum':
      return { zh: `与解压后数据的校验和 ${p.expected} 不符`, en: `disagrees with ${p.expected}, the checksum of the inflated data` };
    case 'unclosed':
      return { zh: '没有正确闭合', en: 'is not closed properly' };
    case 'unsupported':
      return { zh: '不受支持', en: 'is not supported' };
    default:
      return { zh: `无效（${p.reason ?? p.problem}）`, en: `is invalid (${p.reason ?? p.problem})` };
  }
}
