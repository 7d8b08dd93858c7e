// Reads a plain coordinate list: one point per line, "id,x,y" (CSV, tabs or spaces) or just "x y", with or
// without a header line. X is the northing whatever the column order: the 7-digit number is the northing, as
// in the other readers. A ring ends where a point repeats the ring's first one or at a blank line; each ring
// is a parcel. Lists rarely name a zone, and an unprefixed Y with no --zone still gets its planar area
// checked by buildParcel, it is only not drawn. A datum named in a header or comment line is honoured.
import { clipLine, coordinateRecord, firstLines, integerDigits, printedDecimals } from '../../gazette/coordinateRecord.js';
import { diagnose } from '../../diagnostics/catalogue.js';
import { detectDatum } from '../../geodesy/datum.js';
import type { CoordinateFileRead } from '../guotu-txt/readGuotuTxt.js';
import type { BoundaryPoint, Diagnostic, LandRecord } from '../../model/types.js';

const SEPARATOR = /\s*[,，;；\t]\s*|\s+/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const LABEL = /^[A-Za-z]{0,3}\d+$/;
// Header cells that name the northing and easting columns.
const NORTH = /^(?:x|n|north|northing|x坐标|纵坐标|北|北坐标)$/i;
const EAST = /^(?:y|e|east|easting|y坐标|横坐标|东|东坐标)$/i;
const MIN_ROWS = 3;

interface Row {
  label: string | null;
  a: string;
  b: string;
}

function cells(line: string): string[] {
  return line.split(SEPARATOR).filter((c) => c !== '');
}

/** "x y", "id x y", with an optional height or code after, every cell but the label a number. */
function parseRow(line: string): Row | null {
  const c = cells(line);
  if (c.length < 2 || c.length > 5) return null;
  const numeric = c.map((v) => NUMBER.test(v));
  // The coordinates are the two numbers after an optional label: a 7-digit northing, a 6- to 8-digit easting.
  const start = c.length >= 3 && LABEL.test(c[0]!) && numeric[1] && numeric[2] ? 1 : 0;
  if (!numeric[start] || !numeric[start + 1]) return null;
  const [a, b] = [c[start]!, c[start + 1]!];
  const digits = [integerDigits(Number(a)), integerDigits(Number(b))];
  if (!digits.includes(7) || !digits.every((d) => d >= 6 && d <= 8)) return null;
  // What may follow is a height, never text: "1,X,Y,备注" is not a plain list.
  if (c.slice(start + 2).some((v) => !NUMBER.test(v))) return null;
  return { label: start === 1 ? c[0]! : null, a, b };
}

function isHeader(line: string): boolean {
  const c = cells(line);
  return c.some((v) => NORTH.test(v)) && c.some((v) => EAST.test(v));
}

// Content decides: after at most one header line (and # comments), the first lines are all coordinate rows.
export function isCoordinateList(text: string): boolean {
  const head = firstLines(text, 12).filter((l) => !l.startsWith('#'));
  const rows = isHeader(head[0] ?? '') ? head.slice(1) : head;
  return rows.length >= MIN_ROWS && rows.every((l) => parseRow(l) !== null);
}

export function readCoordinateList(file: string, text: string): CoordinateFileRead {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const pointLines: number[] = [];
  const rings: { points: BoundaryPoint[]; eastFirst: boolean }[] = [];
  let ring: BoundaryPoint[] = [];
  let eastFirst = false;
  let northFirst: boolean | null = null;
  let datum: LandRecord['datum'];
  const close = () => {
    if (ring.length > 0) rings.push({ points: ring, eastFirst });
    ring = [];
    eastFirst = false;
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.normalize('NFKC').replace(/^\ufeff/, '').trim();
    if (line === '') return close();
    const row = parseRow(line);
    if (!row) {
      // A header or comment: it may name the columns' order or the datum, and is not a point.
      datum ??= detectDatum(line)?.datum;
      if (isHeader(line)) {
        const c = cells(line);
        northFirst = c.findIndex((v) => NORTH.test(v)) < c.findIndex((v) => EAST.test(v));
      } else if (!line.startsWith('#')) {
        diagnostics.push(diagnose('import-line-unrecognized', { file, line: n }, { text: clipLine(line) }));
      }
      return;
    }
    pointLines.push(n);
    // The 7-digit northing gives the order away; a header naming the columns decides only when both have 7 digits.
    const [da, db] = [integerDigits(Number(row.a)), integerDigits(Number(row.b))];
    const swap = da === db ? northFirst === false : db === 7;
    eastFirst ||= swap;
    const [xText, yText] = swap ? [row.b, row.a] : [row.a, row.b];
    const label = Number(/\d+/.exec(row.label ?? '')?.[0] ?? ring.length + 1);
    const point: BoundaryPoint = { label, x: Number(xText), y: Number(yText), xDecimals: printedDecimals(xText), yDecimals: printedDecimals(yText), source: { file, line: n } };
    const first = ring[0];
    ring.push(point);
    if (first && ring.length > 1 && first.x === point.x && first.y === point.y) close();
  });
  close();

  const records: LandRecord[] = rings.map((r, k) => {
    const lines = r.points.map((p) => p.source.line);
    const span = { file, line: lines[0]!, endLine: lines[lines.length - 1]! };
    const own: Diagnostic[] = r.eastFirst ? [diagnose('import-columns-east-first', { file, line: lines[0]! })] : [];
    const first = r.points[0]!;
    const last = r.points[r.points.length - 1]!;
    if (r.points.length > 2 && (first.x !== last.x || first.y !== last.y)) own.push(diagnose('ring-not-closed', last.source));
    const record = coordinateRecord({
      id: rings.length > 1 ? `${file}#${k + 1}` : file,
      kind: 'coordinate-file',
      doc: file,
      title: '',
      parcelIndex: rings.length > 1 ? k + 1 : null,
      span,
      rings: [{ ring: 1, points: r.points }],
      diagnostics: own,
    });
    if (datum) record.datum = datum;
    return record;
  });
  return { records, diagnostics, pointLines, lines: lines.length };
}
