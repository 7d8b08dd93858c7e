// Mining-right documents in a gazette (an approval of a 采矿权, a consolidation plan) can list the 矿区范围 as
// boundary points: "X1=…，Y1=…" lines, a 拐点 table (点号 X Y), or the registration form's "XY001=1,X,Y"
// lines. Each ring becomes a mining zone, verified on the ellipsoid like a mining-right file
// (TD/T 1055-2019 附录D), with its stated 矿区面积 and 标高 range when the text gives them.
import { join } from '../text/clean.js';
import { coordinateRecord } from '../gazette/coordinateRecord.js';
import type { LandExtraction } from '../gazette/extractLandRecords.js';
import type { SourceLine } from '../text/normalize.js';
import { assembleRings, isPointLine, parsePointLine, type ParsedPoint } from '../gazette/parseCoordinates.js';
import type { GazetteDocument } from '../text/segment.js';
import { parseStatedArea } from '../gazette/statedArea.js';
import type { Diagnostic } from '../model/types.js';

const MINING_DOCUMENT = /矿区范围|拐点坐标|采矿权|采矿许可/;
/** The registration form's point line: XY001=<point number>,<X>,<Y>. */
const XY_LINE = /^XY\d+\s*=\s*(\d+)\s*,\s*(\d+(?:\.(\d+))?)\s*,\s*(\d+(?:\.(\d+))?)\s*$/i;
const ELEVATION = /标高\s*(?:由|从|自|为)?\s*(-?\d+(?:\.\d+)?)\s*(?:米|m)?\s*(?:至|到|~|-|—)\s*(-?\d+(?:\.\d+)?)\s*(?:米|m)/i;
const MINE_NAME = /([\p{Script=Han}]{2,30}?(?:煤业|煤矿|矿业|石料厂|采石场|建材|铁矿|铝土矿)(?:有限(?:责任)?公司)?)/u;

export function extractMiningZones(doc: GazetteDocument): LandExtraction | null {
  const body = doc.lines.slice(doc.bodyStart);
  // Points first: few documents list any, and that test looks at one character of most lines.
  if (!body.some((l) => isPointLine(l.text) || XY_LINE.test(l.text))) return null;
  if (!MINING_DOCUMENT.test(doc.title) && !body.some((l) => MINING_DOCUMENT.test(l.text))) return null;
  const pointLines: number[] = [];
  const points: ParsedPoint[] = [];
  const diagnostics: Diagnostic[] = [];
  const prose: SourceLine[] = [];
  for (const l of body) {
    const xy = XY_LINE.exec(l.text);
    if (xy) {
      pointLines.push(l.line);
      points.push({ label: Number(xy[1]), x: Number(xy[2]), y: Number(xy[4]), xDecimals: xy[3]?.length ?? 0, yDecimals: xy[5]?.length ?? 0, terminator: '', source: { file: doc.file, line: l.line } });
    } else if (isPointLine(l.text)) {
      pointLines.push(l.line);
      const parsed = parsePointLine(doc.file, l);
      points.push(...parsed.points);
      diagnostics.push(...parsed.diagnostics);
    } else {
      prose.push(l);
    }
  }

  const text = join(prose);
  const rings = assembleRings(points);
  const stated = parseStatedArea(text, doc.file, 'mining-zone');
  const elevation = ELEVATION.exec(text.text);
  // "同意合成示例石料厂有限公司…": the verb before the name is not part of it.
  const name = MINE_NAME.exec(text.text)?.[1]?.replace(/^(?:同意|批准|关于|对|将|由)/, '') ?? null;
  const records = rings.map((ring, i) => {
    const first = ring.points[0] ?? ring.closing;
    const last = ring.closing ?? ring.points[ring.points.length - 1];
    return coordinateRecord({
      id: rings.length > 1 ? `${doc.doc}#${i + 1}` : doc.doc,
      kind: 'mining-zone',
      doc: doc.doc,
      title: doc.title,
      parcelIndex: rings.length > 1 ? i + 1 : null,
      span: { file: doc.file, line: first?.source.line ?? doc.lines[0]!.line, endLine: last?.source.line },
      rings: [{ ring: 1, points: [...ring.points, ...(ring.closing ? [ring.closing] : [])].map(({ terminator: _t, ...p }) => p) }],
      // One 矿区面积 for several blocks is their total, which no single block can be checked against.
      statedArea: rings.length === 1 ? stated : null,
      diagnostics: [...(i === 0 ? diagnostics : []), ...ring.diagnostics],
      elevation: elevation ? { top: Math.max(Number(elevation[1]), Number(elevation[2])), bottom: Math.min(Number(elevation[1]), Number(elevation[2])) } : undefined,
      attributes: name ? { 矿区名称: name } : {},
      fields: { holder: name, date: doc.date },
    });
  });
  return { records: records.map((r) => ({ ...r, issuer: doc.issuer })), pointLines };
}
