// Reads a 国土 "电子报盘" coordinate TXT (docs/domain.md §4) into land records: [属性描述] header (带号, 几度分带, 坐标系),
// then under [地块坐标] per parcel a block line ending in @ and its point lines "J1,圈号,X,Y". Real files vary:
// extra sections, 【】 brackets, 8–13 block fields, 3-column points, east-first columns, a unit after the area,
// a header 带号 that contradicts the coordinates or is empty, 分带=3度带 for 几度分带=3, 中央子午线 instead of
// 带号, spaces inside keys, a block line without its 界址点数, 地块面积 written in m² although the format says
// 公顷, rings left open, a last line ending in a bare CR. Every line becomes header, block, point or a diagnostic.
import { clipLine, coordinateRecord, firstLines, integerDigits, printedDecimals } from '../../gazette/coordinateRecord.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import { detectDatum } from '../../geodesy/datum.js';
import { SQUARE_METRES } from '../../gazette/statedArea.js';
import { netPlanarArea } from '../../geometry/nestRings.js';
import type { AreaUnit, BoundaryPoint, Diagnostic, LandRecord, StatedArea } from '../../model/types.js';

export interface CoordinateFileRead {
  records: LandRecord[];
  diagnostics: Diagnostic[];
  /** Line numbers of every coordinate line, each of which became a point or a diagnostic. */
  pointLines: number[];
  lines: number;
}

const SECTION = /^[[【]\s*([^\]】]+?)\s*[\]】]$/;
const KEY_VALUE = /^([^=]+)=(.*)$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const AREA = /^(\d+(?:\.\d+)?)\s*(公顷|平方米|亩|平方公里|m2|ha)?$/i;
const AREA_UNITS: Record<string, AreaUnit> = { 公顷: '公顷', ha: '公顷', 平方米: '平方米', m2: '平方米', 亩: '亩', 平方公里: '平方公里' };

// The file must open with a section header ([属性描述], or an extra section such as [项目信息] before it),
// so that a gazette quoting "[地块坐标]" somewhere is not taken for a coordinate file.
export function isGuotuTxt(text: string): boolean {
  const head = text.slice(0, 4096).normalize('NFKC');
  return /^[[【][^\]】]{1,20}[\]】]$/.test(firstLines(text, 1)[0] ?? '') && /^\s*[[【]\s*(属性描述|地块坐标)\s*[\]】]/m.test(head);
}

interface Block {
  header: string[];
  headerLine: number;
  points: { point: BoundaryPoint; ring: number; eastFirst: boolean }[];
  pointLines: number[];
}

export function readGuotuTxt(file: string, text: string): CoordinateFileRead {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const header = new Map<string, string>();
  const blocks: Block[] = [];
  const pointLines: number[] = [];
  let section = '';
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.normalize('NFKC').replace(/^\ufeff/, '').trim();
    if (line === '') return;
    const sectionMatch = SECTION.exec(line);
    if (sectionMatch) {
      section = sectionMatch[1]!;
      return;
    }
    if (section === '地块坐标') {
      const fields = line.split(',').map((f) => f.trim());
      if (fields[fields.length - 1] === '@' || (fields[fields.length - 1] === '' && fields.includes('@'))) {
        blocks.push({ header: fields.slice(0, fields.lastIndexOf('@')), headerLine: n, points: [], pointLines: [] });
        return;
      }
      pointLines.push(n);
      const point = parsePoint(fields, { file, line: n });
      const block = blocks[blocks.length - 1];
      if (!point || !block) {
        diagnostics.push(diagnose(block ? 'point-unparsed' : 'import-line-unrecognized', { file, line: n }, { text: clipLine(line) }));
        return;
      }
      block.points.push(point);
      block.pointLines.push(n);
      return;
    }
    // [属性描述] and extra sections ([项目信息], [扩展信息], …) are key=value lines.
    const kv = KEY_VALUE.exec(line);
    if (kv) {
      if (section === '属性描述') header.set(kv[1]!.replace(/\s+/g, ''), kv[2]!.trim());
      return;
    }
    diagnostics.push(diagnose('import-line-unrecognized', { file, line: n }, { text: clipLine(line) }));
  });

  // 坐标系=80西安坐标系 puts every block on that datum's plane; buildParcel says how approximate its map position is.
  const datum = detectDatum(header.get('坐标系') ?? '')?.datum;
  const headerZone = zoneOfHeader(header);
  let zoneWarned = false;
  const records: LandRecord[] = [];
  const bareAreas = new Set<LandRecord>();
  blocks.forEach((block, b) => {
    const span = { file, line: block.headerLine, endLine: block.pointLines[block.pointLines.length - 1] ?? block.headerLine };
    const own: Diagnostic[] = [];
    const shape = block.header[4] ?? '面';
    if (shape !== '' && shape !== '面') {
      for (const l of block.pointLines) diagnostics.push(diagnose('import-not-polygon', { file, line: l }, { shape }));
      return;
    }
    if (block.points.some((p) => p.eastFirst)) own.push(diagnose('import-columns-east-first', { file, line: block.pointLines[0]! }));
    for (const { point } of block.points) {
      if (point.y >= 1e6) {
        const prefix = Math.floor(point.y / 1e6);
        if (Number.isInteger(headerZone) && headerZone > 0 && prefix !== headerZone && !zoneWarned) {
          diagnostics.push(diagnose('import-zone-disagrees', { file, line: lineOf(lines, '带号') }, { header: headerZone, prefix }));
          zoneWarned = true;
        }
      } else if (Number.isInteger(headerZone) && headerZone > 0) {
        // An unprefixed easting takes the header's 带号 as its prefix (3° and 6° zone numbers do not overlap).
        point.y += headerZone * 1e6;
      }
    }
    // A block line that leaves out 界址点数 starts with the area: every later field moves one place left.
    const fields = isShifted(block.header) ? ['', ...block.header] : block.header;
    const stated = fields[0] === '' ? NaN : Number(fields[0]);
    const withoutClosing = block.points.length - closingRepeats(block.points);
    if (Number.isInteger(stated) && stated !== block.points.length && stated !== withoutClosing) {
      own.push(diagnose('import-point-count', { file, line: block.headerLine }, { stated, found: block.points.length }));
    }
    const area = parseArea(fields[1] ?? '', { file, line: block.headerLine });
    const ringNumbers = [...new Set(block.points.map((p) => p.ring))];
    const attributes: Record<string, string> = {};
    (['地块编号', '地块名称', '图形属性', '图幅号', '地块用途', '地类编码'] as const).forEach((k, i) => {
      const v = fields[i + 2];
      if (v) attributes[k] = v;
    });
    for (const ring of ringNumbers) {
      const pts = block.points.filter((p) => p.ring === ring);
      const first = pts[0]!.point;
      const last = pts[pts.length - 1]!.point;
      if (pts.length > 2 && (first.x !== last.x || first.y !== last.y)) own.push(diagnose('ring-not-closed', last.source));
    }
    records.push(
      coordinateRecord({
        id: `${file}#${b + 1}`,
        kind: 'coordinate-file',
        doc: attributes['地块编号'] ?? file,
        title: attributes['地块名称'] ?? '',
        parcelIndex: blocks.length > 1 ? b + 1 : null,
        span,
        rings: ringNumbers.map((ring) => ({ ring, points: block.points.filter((p) => p.ring === ring).map((p) => p.point) })),
        statedArea: area,
        diagnostics: own,
        attributes,
      }),
    );
    const record = records[records.length - 1]!;
    if (datum) record.datum = datum;
    if (area && !/[^\d.]/.test((fields[1] ?? '').replace(/\s+/g, ''))) bareAreas.add(record);
  });
  areaInSquareMetres(records, bareAreas, diagnostics);
  return { records, diagnostics, pointLines, lines: lines.length };
}

// The format's 地块面积 is in 公顷, but some producers write m². Decided per file, and only when every block
// with a bare figure agrees: read as 公顷 it is 10⁴ times its rings' area, read as m² it is their area. One block
// that does not fit keeps the whole file in 公顷, where the mismatch and its unit hypothesis show it.
const UNIT_AGREEMENT = 1e-3;

function areaInSquareMetres(records: LandRecord[], bare: Set<LandRecord>, diagnostics: Diagnostic[]): void {
  const stated = records.filter((r) => r.statedArea);
  if (stated.length === 0 || stated.some((r) => !bare.has(r))) return;
  const inSquareMetres = stated.every((r) => {
    const rings = [r.points, ...(r.extraRings ?? []).map((e) => e.points)];
    return rings.every((ring) => ring.length >= 3) && Math.abs(netPlanarArea(rings) - r.statedArea!.value) <= UNIT_AGREEMENT * r.statedArea!.value;
  });
  if (!inSquareMetres) return;
  for (const r of stated) {
    const a = r.statedArea!;
    r.statedArea = { ...a, text: `${a.text.replace(/\s*公顷$/, '')} 平方米`, unit: '平方米', m2: a.value };
  }
  diagnostics.push(diagnose('import-area-square-metres', stated[0]!.statedArea!.source, { blocks: stated.length }));
}

/** 带号, or the zone of 中央子午线 with the width of 几度分带 / 分带 ("3度带"); NaN when the header names none. */
function zoneOfHeader(header: Map<string, string>): number {
  const zone = Number(header.get('带号') || NaN);
  if (Number.isInteger(zone) && zone > 0) return zone;
  const cm = Number(/\d+(?:\.\d+)?/.exec(header.get('中央子午线') ?? header.get('中央经线') ?? '')?.[0] ?? NaN);
  const width = Number(/[36]/.exec(header.get('几度分带') ?? header.get('分带') ?? '')?.[0] ?? NaN);
  if (!Number.isFinite(cm) || (width !== 3 && width !== 6)) return NaN;
  return width === 3 ? cm / 3 : (cm + 3) / 6;
}

/** "0.0515,1,收回地块,面,…": the first field is an area (a decimal or with a unit), not the integer 界址点数. */
function isShifted(fields: string[]): boolean {
  const first = (fields[0] ?? '').replace(/\s+/g, '');
  return !/^\d+$/.test(first) && AREA.test(first);
}

/** "J1,1,X,Y" or "J1,X,Y"; the 7-digit number is the northing whichever column it is in. */
function parsePoint(fields: string[], source: { file: string; line: number }): Block['points'][number] | null {
  if (fields.length !== 3 && fields.length !== 4) return null;
  const [a, b] = fields.slice(-2) as [string, string];
  const ring = fields.length === 4 ? Number(fields[1]) : 1;
  if (!NUMBER.test(a) || !NUMBER.test(b) || !Number.isInteger(ring) || ring < 1) return null;
  const eastFirst = integerDigits(Number(a)) !== 7 && integerDigits(Number(b)) === 7;
  const [xText, yText] = eastFirst ? [b, a] : [a, b];
  const label = Number(/\d+/.exec(fields[0]!)?.[0] ?? NaN);
  return {
    point: { label, x: Number(xText), y: Number(yText), xDecimals: printedDecimals(xText), yDecimals: printedDecimals(yText), source },
    ring,
    eastFirst,
  };
}

/** How many rings end by repeating their first point. */
function closingRepeats(points: Block['points']): number {
  let n = 0;
  for (const ring of new Set(points.map((p) => p.ring))) {
    const pts = points.filter((p) => p.ring === ring);
    const first = pts[0]!.point;
    const last = pts[pts.length - 1]!.point;
    if (pts.length > 1 && first.x === last.x && first.y === last.y) n++;
  }
  return n;
}

/** The block's area: 公顷 unless a unit follows the number. */
function parseArea(text: string, source: { file: string; line: number }): StatedArea | null {
  const m = AREA.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const unit = AREA_UNITS[(m[2] ?? '公顷').toLowerCase()]!;
  const value = Number(m[1]);
  return { text: `${m[1]} ${unit}`, value, unit, m2: value * SQUARE_METRES[unit], decimals: printedDecimals(m[1]!), source };
}

function lineOf(lines: string[], key: string): number {
  return lines.findIndex((l) => l.normalize('NFKC').trim().startsWith(`${key}=`)) + 1;
}
