// Turns one land document (take-back decision, land-rights decision, confiscation, 成片开发 approval) into
// records: one per parcel, with the fields a planner checks against the survey report, the boundary
// points, and the source lines of each. Documents of other kinds yield nothing.
import { join, type JoinedText } from '../text/clean.js';
import { diagnose } from '../diagnostics/catalogue.js';
import type { SourceLine } from '../text/normalize.js';
import { assembleRings, isPointLine, parsePointLine, type ParsedPoint } from './parseCoordinates.js';
import type { GazetteDocument } from '../text/segment.js';
import { parseStatedArea } from './statedArea.js';
import type { Diagnostic, LandRecord, RecordKind, SourceSpan } from '../model/types.js';

const KINDS: [RecordKind, RegExp][] = [
  ['take-back', /收回.*国有建设用地使用权的决定/],
  ['land-rights', /确定.*土地权属的决定/],
  ['confiscation', /没收违法建筑物的决定/],
  ['bulk-development', /土地征收成片开发方案的批复/],
];

function classifyDocument(title: string): RecordKind | null {
  for (const [kind, pattern] of KINDS) if (pattern.test(title)) return kind;
  return null;
}

export interface LandExtraction {
  records: LandRecord[];
  /** Physical line numbers of every boundary-point line of the document that became a point or a diagnostic. */
  pointLines: number[];
}

interface Item {
  lines: SourceLine[];
  text: JoinedText;
  points: ParsedPoint[];
  diagnostics: Diagnostic[];
}

const ITEM_MARK = /^[一二三四五六七八九十]{1,3}、/;

/** `as` reads a text that names no document (its points saved alone) as that kind instead of by its title. */
export function extractLandRecords(doc: GazetteDocument, as?: RecordKind): LandExtraction | null {
  const kind = as ?? classifyDocument(doc.title);
  if (!kind) return null;
  const body = doc.lines.slice(doc.bodyStart);
  const pointLines: number[] = [];
  const items = splitItems(doc.file, body, pointLines);
  const whole = join(body.filter((l) => !isPointLine(l.text)));
  const docSpan: SourceSpan = { file: doc.file, line: doc.lines[0]!.line, endLine: doc.lines[doc.lines.length - 1]!.line };

  // A take-back decision lists its parcels as numbered items, each with its own area sentence; the
  // other kinds describe one piece of land in the whole body.
  let parcelItems = kind === 'take-back' ? items.filter((it) => /收回/.test(it.text.text) && /面积/.test(it.text.text)) : [];
  if (parcelItems.length === 0) parcelItems = [mergeItems(items)];
  else attachStrayPoints(items, parcelItems);

  const shared = {
    holder: findHolder(kind, doc.title, whole.text, body),
    reportNumbers: findReportNumbers(whole.text),
    // Item by item, so that "宗地坐标如下：" before a point list does not run into the next item's sentence.
    compensation: findCompensation(items.map((it) => it.text.text).join('。')),
  };

  const drafts: Omit<LandRecord, 'id' | 'parcelIndex'>[] = [];
  for (const item of parcelItems) {
    // A document can stop at its number (a heading with no body): the record then points at the heading.
    const spanLines = item.lines.length > 0 ? item.lines : doc.lines;
    const span: SourceSpan = { file: doc.file, line: spanLines[0]!.line, endLine: spanLines[spanLines.length - 1]!.line };
    const area = parseStatedArea(item.text, doc.file, kind);
    const diagnostics = [...item.diagnostics];
    // Points saved without their document have no area sentence to miss.
    if (!area && !as) diagnostics.push(diagnose('area-not-found', span));
    const { location, fourSides } = findLocation(kind, item.text.text);
    const rings = assembleRings(item.points);
    const ringsOrNone = rings.length > 0 ? rings : [null];
    ringsOrNone.forEach((ring, r) => {
      drafts.push({
        kind,
        doc: doc.doc,
        title: doc.title,
        issuer: doc.issuer,
        date: doc.date,
        holder: shared.holder,
        location,
        fourSides,
        // A second ring printed under one area sentence has no area of its own.
        statedArea: r === 0 ? area : null,
        reportNumbers: shared.reportNumbers,
        compensation: shared.compensation,
        points: ring ? ring.points.map(stripTerminator) : [],
        closingPoint: ring?.closing ? stripTerminator(ring.closing) : null,
        sources: [docSpan],
        span,
        diagnostics: r === 0 ? [...diagnostics, ...(ring?.diagnostics ?? [])] : (ring?.diagnostics ?? []),
      });
    });
  }
  const records = drafts.map((d, i) => ({
    ...d,
    id: drafts.length > 1 ? `${doc.doc}#${i + 1}` : doc.doc,
    parcelIndex: drafts.length > 1 ? i + 1 : null,
  }));
  return { records, pointLines };
}

function splitItems(file: string, body: SourceLine[], pointLines: number[]): Item[] {
  const groups: SourceLine[][] = [[]];
  for (const l of body) {
    if (ITEM_MARK.test(l.text) && groups[groups.length - 1]!.length > 0) groups.push([]);
    groups[groups.length - 1]!.push(l);
  }
  return groups.filter((g) => g.length > 0).map((lines) => {
    const points: ParsedPoint[] = [];
    const diagnostics: Diagnostic[] = [];
    const prose: SourceLine[] = [];
    for (const l of lines) {
      if (!isPointLine(l.text)) {
        prose.push(l);
        continue;
      }
      pointLines.push(l.line);
      const parsed = parsePointLine(file, l);
      points.push(...parsed.points);
      diagnostics.push(...parsed.diagnostics);
    }
    return { lines, text: join(prose), points, diagnostics };
  });
}

function mergeItems(items: Item[]): Item {
  const lines = items.flatMap((it) => it.lines);
  return {
    lines,
    text: join(lines.filter((l) => !isPointLine(l.text))),
    points: items.flatMap((it) => it.points),
    diagnostics: items.flatMap((it) => it.diagnostics),
  };
}

// Points printed in an item of their own ("二、宗地坐标如下：…") belong to the parcel item before it.
function attachStrayPoints(items: Item[], parcelItems: Item[]): void {
  let owner: Item = parcelItems[0]!;
  for (const item of items) {
    if (parcelItems.includes(item)) {
      owner = item;
      continue;
    }
    if (item.points.length === 0 && item.diagnostics.length === 0) continue;
    owner.points.push(...item.points);
    owner.diagnostics.push(...item.diagnostics);
    item.points = [];
    item.diagnostics = [];
  }
}

function stripTerminator(p: ParsedPoint) {
  const { terminator: _ignored, ...point } = p;
  return point;
}

function findHolder(kind: RecordKind, title: string, text: string, body: SourceLine[]): string | null {
  if (kind === 'take-back') {
    const m = /关于(?:无偿)?收回(.+?)(?:[一二三四五六七八九十两\d]+宗)?国有建设用地使用权/.exec(title);
    if (m) return m[1]!;
  }
  if (kind === 'land-rights') {
    const m = /使用权人(?:为|是)(.+?)[,。;]/.exec(text);
    if (m) return m[1]!;
  }
  if (kind === 'confiscation') {
    const m = /(?:^|[,。;])(?:现对)?([^,。;]+?)违法占用/.exec(text);
    if (m) return m[1]!.replace(/^现对/, '');
  }
  return findAddressee(body);
}

function findAddressee(body: SourceLine[]): string | null {
  for (const l of body.slice(0, 3)) {
    const m = /^([^:,。;]{2,60}):/.exec(l.text);
    if (m) return m[1]!.trim();
  }
  return null;
}

function findLocation(kind: RecordKind, text: string): { location: string | null; fourSides: string | null } {
  let location: string | null = null;
  if (kind === 'confiscation') {
    location = /违法占用(.+?)(?:集体)?土地/.exec(text)?.[1] ?? null;
  } else {
    location = /位于(.+?)(?:的)?(?:国有建设用地使用权|国有建设用地|土地使用权|[,;](?:占地)?面积)/.exec(text)?.[1] ?? null;
  }
  let fourSides = /四至(?:为|是)?:?\s*([东西南北](?:至|邻)[^。]+。?)/.exec(text)?.[1] ?? null;
  if (location) {
    // "永宁东路 438 号(西至…，北至永宁东路)": the bracket is the four sides, not the address.
    const bracket = /\(([^()]*[东西南北](?:至|邻)[^()]*)\)/.exec(location);
    if (bracket) {
      fourSides ??= bracket[1]!;
      location = location.replace(bracket[0], '');
    }
    location = location.trim();
  }
  fourSides ??= findDirectionSentence(text);
  return { location, fourSides: fourSides?.trim() ?? null };
}

// Some decisions give the four sides without the word 四至: "东邻小路;南邻…;西邻…;北邻永宁中路。"
function findDirectionSentence(text: string): string | null {
  for (const sentence of text.split('。')) {
    const marks = sentence.match(/[东西南北](?:至|邻)/g);
    if (marks && new Set(marks.map((m) => m[0])).size >= 3) return `${sentence.replace(/^.*?(?=[东西南北](?:至|邻))/, '')}。`;
  }
  return null;
}

function findReportNumbers(text: string): string[] {
  const m = /编号:?\s*(.+?)\s*为准/.exec(text);
  if (!m) return [];
  return m[1]!
    .split('、')
    .map((s) => balance(s.trim().replace(/\s*号$/, '')))
    .filter((s) => s.length > 0);
}

// "(编号:YCKJ202227) 为准" leaves a closing bracket that belongs to the sentence, not the number.
function balance(s: string): string {
  let depth = 0;
  for (const c of s) depth += c === '(' ? 1 : c === ')' ? -1 : 0;
  return depth < 0 && s.endsWith(')') ? s.slice(0, -1).trim() : s;
}

function findCompensation(text: string): string | null {
  const found: string[] = [];
  for (const sentence of text.split(/[。;]/)) {
    if (!/补偿|价款/.test(sentence)) continue;
    const clauses = /面积/.test(sentence) ? sentence.split(',').filter((c) => /补偿|价款/.test(c)) : [sentence];
    for (const c of clauses) found.push(c.replace(ITEM_MARK, '').trim());
  }
  return found.length > 0 ? found.join(';') : null;
}
