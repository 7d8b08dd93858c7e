// The whole extraction: bytes of gazette files → land records with their sources → verified parcels.
// Pure: the CLI reads files and the page reads dropped files, both hand the bytes here.
import { analyzeTopology } from './verify/analyzeTopology.js';
import { buildParcel } from './verify/buildParcel.js';
import { clean } from './text/clean.js';
import { decode, type DecodeOutcome } from './text/decode.js';
import { diagnose } from './diagnostics/catalogue.js';
import { extractLandRecords } from './gazette/extractLandRecords.js';
import { extractMineralPlan } from './mining/extractMineralPlan.js';
import { combineMineMentions, mineMentions, type KindedMention } from './mining/extractMines.js';
import { extractMiningPolicy } from './mining/extractMiningPolicy.js';
import { blockMentions, combineBlockMentions, plotNamedBy, type BlockMentions } from './planning/extractPlanningBlocks.js';
import { normalize } from './text/normalize.js';
import { readCoordinateBytes, readCoordinateText, type CoordinateFileRead } from './formats/readCoordinateFile.js';
import { tooLarge } from './diagnostics/limitDiagnostics.js';
import { resolveLimits } from './model/limits.js';
import { readRuns } from './gazette/readRuns.js';
import { verifySectionTotals } from './verify/verifySectionTotals.js';
import { isPointLine } from './gazette/parseCoordinates.js';
import { segment, type GazetteDocument } from './text/segment.js';
import type { MineralPlan, MiningPolicy } from './model/mining.js';
import type { BoundaryPoint, Diagnostic, ExtractOptions, ExtractResult, LandRecord, Parcel } from './model/types.js';

export interface InputFile {
  /** The name shown in sources and diagnostics (a path relative to what the user named). */
  file: string;
  bytes: Uint8Array;
  /**
   * Text a shell has already taken out of a PDF text layer or a Word document (those libraries are
   * asynchronous and environment-specific); `bytes` are then the original file. Line numbers refer to
   * this text.
   */
  text?: { content: string; from: 'pdf' | 'docx' };
}

/**
 * What one input file yields on its own, before the files are brought together: its records in reading order
 * (not yet merged with those of other files), its point lines, and what the text-wide extractors read in its
 * documents. Plain data, so that a worker thread can compute it and post it to the thread that merges.
 */
export interface FileExtraction {
  file: string;
  summary: ExtractResult['inputs'][number];
  diagnostics: Diagnostic[];
  records: LandRecord[];
  /** Numbers of the file's lines that hold a boundary point. */
  pointLines: number[];
  /** The file's documents by number, first copy in the file; findings are null for a number already known. */
  documents: { doc: string; findings: DocumentFindings | null }[];
}

/**
 * What the text-wide extractors (planning blocks, named mines, the mining policy, the mineral plan) read in one
 * document. The merge combines them over the first copy of every document, so the documents' text need not be
 * kept: memory stays bounded by the largest file.
 */
export interface DocumentFindings {
  blocks: BlockMentions;
  mines: KindedMention[];
  policy: MiningPolicy | null;
  plan: MineralPlan | null;
}

export function extract(inputs: InputFile[], options: ExtractOptions = {}): ExtractResult {
  const merge = new ExtractionMerge(options);
  const known = new Set<string>();
  for (const input of inputs) merge.add(extractFile(input, options, known));
  return merge.result();
}

/**
 * One file's extraction. `known` holds the document numbers whose findings files given earlier in the same
 * run already carry: a document printed in several gazettes (or the same gazette given twice) says the same
 * thing each time, and only its first copy is read by the text-wide extractors. The numbers of this file's
 * documents are added to it.
 */
export function extractFile(input: InputFile, options: ExtractOptions = {}, known: Set<string> = new Set()): FileExtraction {
  const diagnostics: Diagnostic[] = [];
  const records: LandRecord[] = [];
  const pointLines: number[] = [];
  const gazetteDocuments = new Map<string, GazetteDocument>();
  const done = (summary: FileExtraction['summary']): FileExtraction => ({ file: input.file, summary, diagnostics, records, pointLines, documents: [...gazetteDocuments.values()].map((d) => read(d, known)) });

  // Coordinate files (Shapefile zip, GeoJSON, 国土 and mining-right TXT) have their own readers; their records
  // join the gazettes' and are verified by the same buildParcel.
  const addCoordinateFile = (encoding: string, read: CoordinateFileRead) => {
    diagnostics.push(...read.diagnostics);
    pointLines.push(...read.pointLines);
    records.push(...read.records);
    return done({ file: input.file, encoding, lines: read.lines, bytes: input.bytes.length, documents: read.records.length });
  };

  const limit = resolveLimits(options.limits).inputBytes;
  if (input.bytes.length > limit) {
    diagnostics.push(tooLarge(input.file, input.bytes.length, limit));
    return done({ file: input.file, encoding: 'unread', lines: 0, bytes: input.bytes.length, documents: 0 });
  }
  const binary = input.text ? null : readCoordinateBytes(input.file, input.bytes, options);
  if (binary) return addCoordinateFile('binary', binary);
  const { decoded, diagnostics: decodeDiagnostics } = input.text ? fromShell(input) : decode(input.file, input.bytes);
  diagnostics.push(...decodeDiagnostics);
  if (!decoded) return done({ file: input.file, encoding: 'unreadable', lines: 0, bytes: input.bytes.length, documents: 0 });
  const coordinates = readCoordinateText(input.file, decoded.text, options);
  if (coordinates) return addCoordinateFile(decoded.encoding, coordinates);
  const lines = clean(normalize(decoded.text));
  const documents = segment(input.file, lines);
  const consumed = new Set<number>();
  const fileIds = new Set<string>();
  for (const doc of documents) if (!gazetteDocuments.has(doc.doc)) gazetteDocuments.set(doc.doc, doc);
  for (const doc of documents) {
    const land = extractLandRecords(doc);
    if (!land) continue;
    for (const n of land.pointLines) consumed.add(n);
    for (const record of land.records) {
      fileIds.add(record.id);
      records.push(record);
    }
  }
  // Coordinates first: the runs of coordinate lines the land documents did not place, wherever they stand.
  const runs = readRuns(input.file, lines, decoded.text.split(/\r\n|\r|\n/), documents, consumed, (id) => fileIds.has(id), options);
  diagnostics.push(...runs.diagnostics);
  records.push(...runs.records);
  const inRuns = new Set(runs.pointLines);
  const summary = { file: input.file, encoding: decoded.encoding, lines: lines.length ? lines[lines.length - 1]!.line : 0, bytes: input.bytes.length, documents: documents.length };
  if (documents.length === 0 && runs.records.length === 0) diagnostics.push(diagnose('input-no-documents', { file: input.file, line: 0 }));
  pointLines.push(...runs.pointLines);
  for (const l of lines) {
    if (inRuns.has(l.line) || !isPointLine(l.text)) continue;
    pointLines.push(l.line);
    if (!consumed.has(l.line)) diagnostics.push(diagnose('point-outside-parcel', { file: input.file, line: l.line }));
  }
  return done(summary);
}

function read(d: GazetteDocument, known: Set<string>): FileExtraction['documents'][number] {
  if (known.has(d.doc)) return { doc: d.doc, findings: null };
  known.add(d.doc);
  return { doc: d.doc, findings: { blocks: blockMentions(d), mines: mineMentions(d), policy: extractMiningPolicy([d]), plan: extractMineralPlan([d]) } };
}

/**
 * Brings the files' extractions together, in the order the files were given: the same document in several
 * files becomes one record, then planning blocks, the mining policy and named mines are read across all
 * documents, and every record is verified. Adding the files one at a time keeps only their results in memory.
 */
export class ExtractionMerge {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly records = new Map<string, LandRecord>();
  private readonly placedLines = new Set<string>();
  private readonly pointLines: string[] = [];
  private readonly summary: ExtractResult['inputs'] = [];
  /** The findings of the first copy of each document, in the order first met. */
  private readonly findings = new Map<string, DocumentFindings>();

  constructor(private readonly options: ExtractOptions = {}) {}

  /** Files must come in the order given, each extracted with the document numbers known from those before it. */
  add(extraction: FileExtraction): void {
    this.diagnostics.push(...extraction.diagnostics);
    for (const n of extraction.pointLines) this.pointLines.push(key(extraction.file, n));
    for (const record of extraction.records) mergeRecord(this.records, record, this.placedLines);
    for (const { doc, findings } of extraction.documents) {
      if (this.findings.has(doc)) continue;
      if (!findings) throw new Error(`${extraction.file}: the findings of ${doc} were skipped, but no earlier file gave them`);
      this.findings.set(doc, findings);
    }
    this.summary.push(extraction.summary);
  }

  result(): ExtractResult {
    const { diagnostics, records, placedLines, pointLines, options } = this;
    const findings = [...this.findings.values()];
    const planningBlocks = combineBlockMentions(findings.map((f) => f.blocks));
    for (const r of records.values()) {
      const plot = plotNamedBy(r.doc, planningBlocks);
      if (plot) r.planningBlock = plot;
    }
    const parcels = [...records.values()].map((r) => buildParcel(r, options));
    diagnostics.push(...zoneAssumptions(parcels));
    verifySectionTotals(parcels);
    const place = (q: BoundaryPoint) => {
      placedLines.add(key(q.source.file, q.source.line));
      // A point of a table flattened one cell per line spans the lines of its X and its Y.
      if (q.source.endLine !== undefined) placedLines.add(key(q.source.file, q.source.endLine));
    };
    for (const p of parcels) for (const q of [...p.points, ...(p.closingPoint ? [p.closingPoint] : [])]) place(q);
    for (const p of parcels) for (const r of p.extraRings ?? []) for (const q of [...r.points, ...(r.closingPoint ? [r.closingPoint] : [])]) place(q);
    const diagnosedLines = new Set<string>();
    for (const d of [...diagnostics, ...parcels.flatMap((p) => p.diagnostics)]) {
      if (d.source) diagnosedLines.add(key(d.source.file, d.source.line));
    }
    const inParcels = pointLines.filter((k) => placedLines.has(k)).length;
    const inDiagnostics = pointLines.filter((k) => !placedLines.has(k) && diagnosedLines.has(k)).length;
    return {
      parcels,
      topology: analyzeTopology(parcels, this.options.limits, diagnostics),
      diagnostics,
      inputs: this.summary,
      pointLines: { total: pointLines.length, inParcels, inDiagnostics },
      planningBlocks,
      miningPolicy: findings.find((f) => f.policy)?.policy ?? null,
      mines: combineMineMentions(findings.map((f) => f.mines)),
      mineralPlan: findings.find((f) => f.plan)?.plan ?? null,
    };
  }
}

function fromShell(input: InputFile): DecodeOutcome {
  const { content, from } = input.text!;
  if (from === 'pdf' && content.trim().length === 0) {
    return { decoded: null, diagnostics: [diagnose('input-pdf-no-text', { file: input.file, line: 0 })] };
  }
  return { decoded: { file: input.file, text: content, encoding: from === 'pdf' ? 'pdf-text' : 'docx-text', hadBom: false }, diagnostics: [] };
}

function key(file: string, line: number): string {
  return `${file}:${line}`;
}

// The same document printed in two gazettes is one record with two sources. If the copies disagree, both
// are kept and flagged: which one is right is for a person to decide. The page merges what a planner imports
// into what is already loaded the same way.
export function mergeRecord<R extends LandRecord>(records: Map<string, R>, record: R, placedLines: Set<string>): MergeOutcome<R> {
  const existing = records.get(record.id);
  if (!existing) {
    records.set(record.id, record);
    return { added: record };
  }
  if (sameContent(existing, record)) {
    existing.sources.push(...record.sources);
    existing.diagnostics.push(diagnose('document-duplicate', record.sources[0], { doc: record.doc }));
    for (const p of record.points) placedLines.add(key(p.source.file, p.source.line));
    if (record.closingPoint) placedLines.add(key(record.closingPoint.source.file, record.closingPoint.source.line));
    return { mergedInto: existing };
  }
  const conflict = diagnose('document-conflict', record.sources[0], { doc: record.doc });
  existing.diagnostics.push(conflict);
  record.diagnostics.push({ ...conflict, source: existing.sources[0] });
  let n = 2;
  while (records.has(`${record.id}@${n}`)) n++;
  const copy = { ...record, id: `${record.id}@${n}` };
  records.set(copy.id, copy);
  return { added: copy };
}

/** The record as stored (a conflicting copy under id@n), or the record it was merged into. */
export type MergeOutcome<R> = { added: R } | { mergedInto: R };

function sameContent(a: LandRecord, b: LandRecord): boolean {
  if (a.statedArea?.m2 !== b.statedArea?.m2 || a.points.length !== b.points.length) return false;
  return a.points.every((p, i) => p.label === b.points[i]!.label && p.x === b.points[i]!.x && p.y === b.points[i]!.y);
}

// Most texts never name their CRS; say once per zone what was assumed, where it was first relied on. A record
// whose text names its datum assumed nothing.
function zoneAssumptions(parcels: Parcel[]): Diagnostic[] {
  const seen = new Map<number, Parcel>();
  // Points printed in 度分秒 name their own datum; their zone is only the plane of the planar check.
  for (const p of parcels) if (p.zone?.prefixed && !p.datum && !p.points[0]?.lonLat && !seen.has(p.zone.epsg)) seen.set(p.zone.epsg, p);
  return [...seen.values()].map((p) =>
    diagnose('zone-assumed-cgcs2000', p.span, { width: p.zone!.width, zone: p.zone!.zone, epsg: p.zone!.epsg }),
  );
}
