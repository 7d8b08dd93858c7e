// Reads a mining-right registration TXT (矿区范围, docs/domain.md §4) in its two spellings: "XY001=1,X,Y" corner points with a
// "XY005=标高,top,bottom,,n" line closing each block, and the 报盘 rows without keys, "1,X,Y,,," with a
// "*,top,bottom,name,n," line closing each block. The elevations (start, end) are the block's attributes, never
// coordinates. Each block becomes a mining-zone record, verified on the ellipsoid (TD/T 1055-2019 附录D) by
// buildParcel. A stated area (a key containing 面积, km² unless a unit follows) belongs to the zone; it is
// verified when the file has one block.
import { clipLine, coordinateRecord, firstLines, integerDigits, printedDecimals } from '../../gazette/coordinateRecord.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import { SQUARE_METRES } from '../../gazette/statedArea.js';
import type { AreaUnit, BoundaryPoint, Diagnostic, LandRecord, StatedArea } from '../../model/types.js';

const POINT_KEY = /^XY\d+$/i;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const ELEVATION = /^(标高|\*)$/;

// A 报盘 row: a point "1,3301234.56,41401234.56,,," or a block end "*,320,150,一采区,1,".
const ROW_POINT = /^\d+\s*,\s*\d+(?:\.\d+)?\s*,\s*\d+(?:\.\d+)?\s*(?:,[^,]*)*$/;
const ROW_END = /^(?:\*|标高)\s*,/;

// Judged by how the file begins, not by one line anywhere in it: a gazette with a garbled point line
// ("XY1＝…") must stay a gazette. A mining-right file is key=value lines from the start: an optional header
// such as 矿区范围拐点坐标与标高的总行数=5, then XY001=… lines; or 报盘 rows, of which a block end "*,…" is
// what tells them from a plain coordinate list.
export function isMiningTxt(text: string): boolean {
  const head = firstLines(text, 10);
  const keyed = /^[^=,]{1,60}=/;
  if (head.some((l) => /^XY\d+\s*=/i.test(l)) && head.every((l) => keyed.test(l))) return true;
  const rows = head.filter((l) => !keyed.test(l));
  return rows.length > 0 && rows.every((l) => ROW_POINT.test(l) || ROW_END.test(l)) && /^\s*(?:\*|标高)\s*,/m.test(text.normalize('NFKC'));
}


export function readMiningTxt(file: string, text: string): CoordinateFileRead {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const pointLines: number[] = [];
  const blocks: { points: BoundaryPoint[]; elevation: { top: number; bottom: number }; number: number; name: string; lines: number[]; eastFirst: boolean }[] = [];
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
    // A 报盘 row is its own value, read like the value of an XYnnn= key.
    const row = ROW_POINT.test(line) || ROW_END.test(line);
    const key = eq > 0 && !row ? line.slice(0, eq).trim() : '';
    const value = row ? line : eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!key && !row) {
      diagnostics.push(diagnose('import-line-unrecognized', { file, line: n }, { text: clipLine(line) }));
      return;
    }
    if (!row && !POINT_KEY.test(key)) {
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
      blocks.push({
        points: pending,
        elevation: { top, bottom },
        number: Number.isInteger(number) && number > 0 ? number : blocks.length + 1,
        name: fields[3] ?? '',
        lines: [...pendingLines, n],
        eastFirst,
      });
      pending = [];
      pendingLines = [];
      eastFirst = false;
      return;
    }
    pointLines.push(n);
    const [label, a, b, ...rest] = fields;
    // Trailing empty fields are the 报盘 layout's; anything else after X and Y is not a corner point.
    if (fields.length < 3 || !NUMBER.test(a ?? '') || !NUMBER.test(b ?? '') || (row && rest.some((f) => f !== ''))) {
      diagnostics.push(diagnose('point-unparsed', { file, line: n }, { text: clipLine(line) }));
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
    const attributes: Record<string, string> = name ? { 矿区名称: name } : {};
    if (block.name) attributes['块段名称'] = block.name;
    return coordinateRecord({
      id: `${file}#${block.number}`,
      kind: 'mining-zone',
      doc: file,
      title: [name, block.name].filter(Boolean).join(' ') || file,
      parcelIndex: block.number,
      span: { file, line: block.lines[0]!, endLine: block.lines[block.lines.length - 1]! },
      rings: [{ ring: 1, points: block.points }],
      statedArea: blocks.length === 1 ? stated : null,
      diagnostics: own,
      elevation: block.elevation,
      attributes,
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
