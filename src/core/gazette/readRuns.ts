// The coordinates-first reader: every run of coordinate lines a text holds outside the recognised land
// documents becomes rings, and each ring a record with the context the text gives around it. One document
// (or the whole file, when it has no document-number line) is one context: its number, title, holder and
// datum apply to all its rings, its section figures to their sections, its total to their sum.
import { detectDatum } from '../geodesy/datum.js';
import { diagnose } from '../diagnostics/catalogue.js';
import { findCoordinateRuns, type CoordinateRun } from './findCoordinateRuns.js';
import { normalizeKeepingCircled, type SourceLine } from '../text/normalize.js';
import { pairRunPoints, type RingDraft } from './pairRunPoints.js';
import { readAreaMentions, readDeclaredPoints, type AreaMention } from './readRunAreas.js';
import { readRunContext, type ContextLine, type RunContext } from './readRunContext.js';
import { ringPoints } from './ringPoints.js';
import { toSimplified } from '../text/simplify.js';
import type { GazetteDocument } from '../text/segment.js';
import type { BoundaryPoint, Diagnostic, ExtractOptions, LandRecord, SourceSpan, StatedArea } from '../model/types.js';

export interface RunReading {
  records: LandRecord[];
  /** Physical lines of every coord line of every run: each ends in a point or a diagnostic. */
  pointLines: number[];
  diagnostics: Diagnostic[];
}

interface Ring {
  draft: RingDraft;
  run: CoordinateRun;
  points: BoundaryPoint[];
  closing: BoundaryPoint | null;
  diagnostics: Diagnostic[];
}

/** A section named on the line just after or before a ring's points ("*,363,10,远东采区,1,", "地块2坐标："). */
const NAMED_SECTION = /([\p{Script=Han}]{1,8}?(?:采区|矿段|矿体|地块|区块)|地块\s*\d{1,3}|[A-H]区)/u;
const MIN_POINTS = 3;

export function readRuns(
  file: string,
  lines: readonly SourceLine[],
  rawLines: readonly string[],
  documents: readonly GazetteDocument[],
  skip: ReadonlySet<number>,
  taken: (id: string) => boolean,
  options: ExtractOptions,
): RunReading {
  const contextLines = new Map<number, ContextLine>();
  const contextOf = (l: SourceLine): ContextLine => {
    let c = contextLines.get(l.line);
    if (!c) {
      const original = normalizeKeepingCircled(rawLines[l.line - 1] ?? l.text);
      c = { line: l.line, text: toSimplified(original), original };
      contextLines.set(l.line, c);
    }
    return c;
  };
  const runs = findCoordinateRuns(file, lines, (l) => contextOf(l).text, skip);
  const out: RunReading = { records: [], pointLines: runs.flatMap((r) => r.coordLines), diagnostics: [] };
  if (runs.length === 0) return out;

  for (const { doc, from, to, runs: regionRuns } of regions(lines, documents, runs)) {
    const context = lines.slice(from, to + 1).map(contextOf);
    const ctx = readRunContext(context, doc, (text) => detectDatum(text)?.datum);
    const rings = regionRuns.flatMap((run) => pairRunPoints(file, run.lines).flatMap((draft) => toRings(draft, run, options)));
    for (const run of regionRuns) out.diagnostics.push(...run.diagnostics);
    const usable = dropRepeats(rings.filter((r) => r.points.length >= MIN_POINTS), out.diagnostics);
    for (const r of rings.filter((q) => q.points.length < MIN_POINTS)) {
      out.diagnostics.push(...r.diagnostics);
      for (const p of [...r.points, ...(r.closing ? [r.closing] : [])]) {
        for (const line of linesOf(p.source)) out.diagnostics.push(diagnose('run-too-short', { file, line }, { count: r.points.length }));
      }
    }
    if (usable.length === 0) continue;
    // The figures nearest the coordinates are theirs: a notice may first state the area it replaces.
    const at = usable[0]!.points[0]!.source.line;
    const near = byDistance(context, at);
    const mentions = readAreaMentions(file, near, at);
    const declared = readDeclaredPoints(file, near, at);
    const records = toRecords(file, ctx, usable, mentions, lines, taken);
    const regionSpan: SourceSpan = { file, line: lines[from]!.line, endLine: lines[to]!.line };
    for (const r of records) r.sources = [regionSpan];
    checkCounts(records, rings, declared);
    checkTotal(records, rings, mentions, usable);
    const kindNote = diagnose('run-kind-inferred', records[0]!.span, kindParams(ctx));
    records[0]!.diagnostics.unshift(kindNote);
    out.records.push(...records);
  }
  return out;
}

/** Context lines nearest `line` first; at equal distance the line above (a figure usually precedes its table). */
function byDistance(context: ContextLine[], line: number): ContextLine[] {
  const distance = (l: ContextLine) => (l.line < line ? line - l.line : 2 * (l.line - line));
  return [...context].sort((a, b) => distance(a) - distance(b));
}

/** A table printed twice (a Chinese and an English half) is one ring: the copy is named, not read again. */
function dropRepeats(rings: Ring[], diagnostics: Diagnostic[]): Ring[] {
  const seen = new Set<string>();
  return rings.filter((r) => {
    const key = r.points.map((p) => `${p.label}:${p.x}:${p.y}`).join(';');
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    for (const p of [...r.points, ...(r.closing ? [r.closing] : [])]) for (const line of linesOf(p.source)) diagnostics.push(diagnose('run-repeated', { file: p.source.file, line }));
    return false;
  });
}

interface Region {
  doc: GazetteDocument | null;
  from: number;
  to: number;
  runs: CoordinateRun[];
}

// A run belongs to the document it stands in; the lines above the first document number (a web page's title
// and metadata) belong to the first document.
function regions(lines: readonly SourceLine[], documents: readonly GazetteDocument[], runs: CoordinateRun[]): Region[] {
  const starts = documents.map((d) => lines.findIndex((l) => l.line === d.lines[0]!.line));
  const out: Region[] = [];
  for (const run of runs) {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > run.from) k--;
    const doc = k >= 0 ? documents[k]! : null;
    const from = k <= 0 ? 0 : starts[k]!;
    const to = k >= 0 && k + 1 < starts.length ? starts[k + 1]! - 1 : lines.length - 1;
    const last = out[out.length - 1];
    if (last && last.from === from) last.runs.push(run);
    else out.push({ doc, from, to, runs: [run] });
  }
  return out;
}

function toRings(draft: RingDraft, run: CoordinateRun, options: ExtractOptions): Ring[] {
  const rings = ringPoints(draft, options).map((r, i) => ({ draft, run, ...r, diagnostics: [...(i === 0 ? draft.diagnostics : []), ...r.diagnostics] }));
  // A draft with no points still carries what was wrong with its lines (masked or unpaired coordinates).
  return rings.length > 0 ? rings : [{ draft, run, points: [], closing: null, diagnostics: draft.diagnostics }];
}

function toRecords(file: string, ctx: RunContext, rings: Ring[], mentions: AreaMention[], lines: readonly SourceLine[], taken: (id: string) => boolean): LandRecord[] {
  const sections = rings.map((r) => sectionOf(r, rings.length, lines));
  const own = sections.map((s) => (s ? mentions.find((m) => !m.part && matchesSection(m.label, s)) : undefined));
  const total = mentions.find((m) => !m.part && !own.includes(m));
  let base = ctx.doc ?? (ctx.title || file);
  if (taken(base) || taken(`${base}#1`)) base = `${base}·坐标`;
  return rings.map((r, i): LandRecord => {
    const first = r.points[0]!;
    const last = r.closing ?? r.points[r.points.length - 1]!;
    const span: SourceSpan = { file, line: first.source.line, endLine: last.source.endLine ?? last.source.line };
    const stated: StatedArea | null = own[i]?.stated ?? (rings.length === 1 ? (total?.stated ?? null) : null);
    const record: LandRecord = {
      id: rings.length > 1 ? `${base}#${i + 1}` : base,
      kind: ctx.kind,
      doc: ctx.doc ?? '',
      title: ctx.title,
      issuer: ctx.issuer,
      date: ctx.date,
      parcelIndex: rings.length > 1 ? i + 1 : null,
      holder: ctx.holder,
      location: ctx.location,
      fourSides: null,
      statedArea: stated,
      reportNumbers: [],
      compensation: null,
      points: r.points,
      closingPoint: r.closing,
      sources: [span],
      span,
      diagnostics: [
        // Neither a document number nor a title: the file name is all that names the parcel.
        ...(ctx.doc === null && !ctx.title ? [diagnose('document-untitled', span, { file })] : []),
        ...r.diagnostics,
        ...(stated ? [] : rings.length === 1 ? [diagnose('area-not-found', span)] : []),
      ],
    };
    const section = own[i]?.label || sections[i];
    if (section) record.section = section;
    if (ctx.datum) record.datum = ctx.datum;
    if (rings.length > 1 && total) record.documentArea = total.stated;
    return record;
  });
}

function sectionOf(ring: Ring, ringCount: number, lines: readonly SourceLine[]): string | null {
  if (ring.draft.section) return ring.draft.section;
  if (ringCount === 1) return null;
  for (const i of [ring.run.to + 1, ring.run.from - 1]) {
    const m = lines[i] ? NAMED_SECTION.exec(toSimplified(lines[i]!.text)) : null;
    if (m) return lines[i]!.text.slice(m.index, m.index + m[0].length);
  }
  return null;
}

/** "一矿段" is section 一's figure; "金藏采区" is 金藏采区's. */
function matchesSection(label: string, section: string): boolean {
  const s = toSimplified(section);
  return label === s || (label.startsWith(s) && /^(?:号)?(?:矿段|采区|区|地块|块段|段)/.test(label.slice(s.length)));
}

function checkCounts(records: LandRecord[], rings: Ring[], declared: { count: number; source: SourceSpan } | null): void {
  if (!declared) return;
  const listed = rings.reduce((n, r) => n + r.points.length, 0);
  if (records.length === 1 && rings.length === 1) records[0]!.declaredPoints = declared.count;
  if (listed !== declared.count) records[0]!.diagnostics.push(diagnose('points-declared-mismatch', declared.source, { declared: declared.count, listed }));
}

// A total is checked against the sum of its sections only when every section is there to be summed.
function checkTotal(records: LandRecord[], rings: Ring[], mentions: AreaMention[], usable: Ring[]): void {
  const total = records[0]!.documentArea;
  if (!total) return;
  const matched = new Set(records.map((r) => r.section).filter(Boolean));
  const unmatchedSection = mentions.find((m) => !m.part && m.stated !== total && /矿段|采区|地块|块段/.test(m.label) && !matched.has(m.label));
  const short = rings.length - usable.length;
  const why = short > 0 ? { zh: `${short} 个区段坐标不全`, en: `${short} section(s) without a complete ring` } : unmatchedSection ? { zh: `“${unmatchedSection.label}”没有坐标`, en: `"${unmatchedSection.label}" has no coordinates` } : null;
  if (!why) return;
  for (const r of records) delete r.documentArea;
  records[0]!.diagnostics.push(diagnose('area-total-unverifiable', total.source, { total: total.text, zh: why.zh, en: why.en }));
}

function kindParams(ctx: RunContext): Record<string, string> {
  const kind = ctx.kind === 'mining-zone' ? { zh: '矿区范围', en: 'a mining zone' } : { zh: '宗地', en: 'a parcel' };
  return { kindZh: kind.zh, kindEn: kind.en, word: ctx.kindWord ?? '' };
}

function linesOf(source: SourceSpan): number[] {
  return source.endLine && source.endLine !== source.line ? [source.line, source.endLine] : [source.line];
}
