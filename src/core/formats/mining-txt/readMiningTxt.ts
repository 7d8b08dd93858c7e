// Reads a mining-right registration TXT (矿区范围, DOMAIN.md §4): "XY001=1,X,Y" corner points, and a
// "XY005=标高,top,bottom,,n" line closing each block with its elevation range. Each block becomes a mining-zone
// record, verified on the ellipsoid (TD/T 1055-2019 附录D) by buildParcel. A stated area (a key containing 面积,
// km² unless a unit follows) belongs to the zone; it is verified when the file has one block.
import { clipLine, coordinateRecord, firstLines, integerDigits, printedDecimals } from '../../gazette/coordinateRecord.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import { nonFiniteCoordinate } from '../corrupt.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import { SQUARE_METRES } from '../../gazette/statedArea.js';
import type { AreaUnit, BoundaryPoint, Diagnostic, LandRecord, StatedArea } from '../../model/types.js';

const POINT_KEY = /^XY\d+$/i;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const ELEVATION = /^(标高|\*)$/;

// Judged by how the file begins, not by one line anywhere in it: a gazette with a garbled point line
// ("XY1＝…") must stay a gazette. A mining-right file is key=value lines from the start: an optional header
// such as 矿区范围拐点坐标与标高的总行数=5, then XY001=… lines.
export function isMiningTxt(text: string): boolean {
  const head = firstLines(text, 10);
  return head.some((l) => /^XY\d+\s*=/i.test(l)) && head.every((l) => /^[^=]{1,60}=/.test(l));
}


export function readMiningTxt(file: string, text: string): CoordinateFileRead {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const pointLines: number[] = [];
  const blocks: { points: BoundaryPoint[]; elevation: { top: number; bottom: number }; number: number; lines: number[]; eastFirst: boolean }[] = [];
  let pending: BoundaryPoint[] = [];
  let pendingLines: number[] = [];
  let eastFirst = false;
  let name = '';
  let stated: StatedArea | null = null;
  let declaredRows: { count: number; line: number } | null = null;
  let rows = 0;

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.normalize('NFKC').replace(/^\ufeff/, '').trim();
    if (line === '') return;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    const value = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!key) {
      diagnostics.push(diagnose('import-line-unrecognized', { file, line: n }, { text: clipLine(line) }));
      return;
    }
    if (!POINT_KEY.test(key)) {
      if (/总行数/.test(key)) declaredRows = { count: Number(value), line: n };
      else if (/面积/.test(key)) stated = parseKm2(value, { file, line: n }) ?? stated;
      else if (/名称/.test(key) && !name) name = value;
      return;
    }
    rows++;
    const fields = value.split(',').map((f) => f.trim());
    // The 标高 line closes a block: a line of the file's own, not a point, so not counted among point lines.
    if (ELEVATION.test(fields[0] ?? '')) {
      const top = Number(fields[1]);
      const bottom = Number(fields[2]);
      if (!NUMBER.test(fields[1] ?? '') || !NUMBER.test(fields[2] ?? '') || pending.length === 0) {
        diagnostics.push(diagnose('point-unparsed', { file, line: n }, { text: clipLine(line) }));
        return;
      }
      const number = Number(fields[4]);
      blocks.push({ points: pending, elevation: { top, bottom }, number: Number.isInteger(number) && number > 0 ? number : blocks.length + 1, lines: [...pendingLines, n], eastFirst });
      pending = [];
      pendingLines = [];
      eastFirst = false;
      return;
    }
    pointLines.push(n);
    const [label, a, b] = fields;
    if (fields.length < 3 || !NUMBER.test(a ?? '') || !NUMBER.test(b ?? '')) {
      diagnostics.push(diagnose('point-unparsed', { file, line: n }, { text: clipLine(line) }));
      return;
    }
    if (!Number.isFinite(Number(a)) || !Number.isFinite(Number(b))) {
      diagnostics.push(nonFiniteCoordinate({ file, line: n }, Number.isFinite(Number(a)) ? b! : a!));
      return;
    }
    // Corner points are 序号,X,Y; some exports put the easting first, which its digit count gives away.
    const swap = integerDigits(Number(a)) !== 7 && integerDigits(Number(b)) === 7;
    eastFirst ||= swap;
    const [xText, yText] = swap ? [b!, a!] : [a!, b!];
    pending.push({ label: Number(label) || pending.length + 1, x: Number(xText), y: Number(yText), xDecimals: printedDecimals(xText), yDecimals: printedDecimals(yText), source: { file, line: n } });
    pendingLines.push(n);
  });
  for (const l of pendingLines) diagnostics.push(diagnose('mining-block-unclosed', { file, line: l }));
  const declared = declaredRows as { count: number; line: number } | null;
  if (declared && declared.count !== rows) {
    diagnostics.push(diagnose('import-point-count', { file, line: declared.line }, { stated: declared.count, found: rows }));
  }

  const records: LandRecord[] = blocks.map((block) => {
    const own: Diagnostic[] = block.eastFirst ? [diagnose('import-columns-east-first', { file, line: block.lines[0]! })] : [];
    return coordinateRecord({
      id: `${file}#${block.number}`,
      kind: 'mining-zone',
      doc: file,
      title: name || file,
      parcelIndex: block.number,
      span: { file, line: block.lines[0]!, endLine: block.lines[block.lines.length - 1]! },
      rings: [{ ring: 1, points: block.points }],
      statedArea: blocks.length === 1 ? stated : null,
      diagnostics: own,
      elevation: block.elevation,
      attributes: name ? { 矿区名称: name } : {},
    });
  });
  return { records, diagnostics, pointLines, lines: lines.length };
}

function parseKm2(text: string, source: { file: string; line: number }): StatedArea | null {
  const m = /^(\d+(?:\.\d+)?)\s*(平方公里|平方千米|km2|公顷|平方米|m2)?$/i.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const unit: AreaUnit = !m[2] || /公里|千米|km/i.test(m[2]) ? '平方公里' : /公顷/.test(m[2]) ? '公顷' : '平方米';
  const value = Number(m[1]);
  return { text: `${m[1]} ${unit}`, value, unit, m2: value * SQUARE_METRES[unit], decimals: printedDecimals(m[1]!), source };
}
