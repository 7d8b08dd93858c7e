// The whole extraction: bytes of gazette files → land records with their sources → verified parcels.
// Pure: the CLI reads files and the page reads dropped files, both hand the bytes here.
import { analyzeTopology } from './verify/analyzeTopology.js';
import { buildParcel } from './verify/buildParcel.js';
import { clean } from './text/clean.js';
import { decode, type DecodeOutcome } from './text/decode.js';
import { diagnose } from './diagnostics/catalogue.js';
import { extractLandRecords } from './gazette/extractLandRecords.js';
import { extractMineralPlan } from './mining/extractMineralPlan.js';
import { extractMines } from './mining/extractMines.js';
import { extractMiningPolicy } from './mining/extractMiningPolicy.js';
import { extractPlanningBlocks, plotNamedBy } from './planning/extractPlanningBlocks.js';
import { normalize } from './text/normalize.js';
import { readCoordinateBytes, readCoordinateText, type CoordinateFileRead } from './formats/readCoordinateFile.js';
import { tooLarge } from './diagnostics/limitDiagnostics.js';
import { DEFAULT_LIMITS } from './model/limits.js';
import { readRuns } from './gazette/readRuns.js';
import { verifySectionTotals } from './verify/verifySectionTotals.js';
import { isPointLine } from './gazette/parseCoordinates.js';
import { segment, type GazetteDocument } from './text/segment.js';
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

export function extract(inputs: InputFile[], options: ExtractOptions = {}): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  const records = new Map<string, LandRecord>();
  const placedLines = new Set<string>();
  const pointLines: string[] = [];
  const summary: ExtractResult['inputs'] = [];
  // Planning blocks, the mining policy and named mines are read across all documents of all gazettes.
  // One copy of each document for the text-wide extractors: a document printed in several gazettes (or the
  // same gazette given twice) says the same thing each time, and scanning it again only costs time.
  const gazetteDocuments = new Map<string, GazetteDocument>();

  // Coordinate files (Shapefile zip, GeoJSON, 国土 and mining-right TXT) have their own readers; their records
  // join the gazettes' and are verified by the same buildParcel.
  const addCoordinateFile = (input: InputFile, encoding: string, read: CoordinateFileRead) => {
    diagnostics.push(...read.diagnostics);
    for (const n of read.pointLines) pointLines.push(key(input.file, n));
    for (const record of read.records) mergeRecord(records, record, placedLines);
    summary.push({ file: input.file, encoding, lines: read.lines, bytes: input.bytes.length, documents: read.records.length });
  };

  const limit = options.maxInputBytes ?? DEFAULT_LIMITS.inputBytes;
  for (const input of inputs) {
    if (input.bytes.length > limit) {
      diagnostics.push(tooLarge(input.file, input.bytes.length, limit));
      summary.push({ file: input.file, encoding: 'unread', lines: 0, bytes: input.bytes.length, documents: 0 });
      continue;
    }
    const binary = input.text ? null : readCoordinateBytes(input.file, input.bytes, options);
    if (binary) {
      addCoordinateFile(input, 'binary', binary);
      continue;
    }
    const { decoded, diagnostics: decodeDiagnostics } = input.text ? fromShell(input) : decode(input.file, input.bytes);
    diagnostics.push(...decodeDiagnostics);
    if (!decoded) {
      summary.push({ file: input.file, encoding: 'unreadable', lines: 0, bytes: input.bytes.length, documents: 0 });
      continue;
    }
    const coordinates = readCoordinateText(input.file, decoded.text, options);
    if (coordinates) {
      addCoordinateFile(input, decoded.encoding, coordinates);
      continue;
    }
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
        mergeRecord(records, record, placedLines);
      }
    }
    // Coordinates first: the runs of coordinate lines the land documents did not place, wherever they stand.
    const runs = readRuns(input.file, lines, decoded.text.split(/\r\n|\r|\n/), documents, consumed, (id) => fileIds.has(id), options);
    diagnostics.push(...runs.diagnostics);
    for (const record of runs.records) mergeRecord(records, record, placedLines);
    const inRuns = new Set(runs.pointLines);
    summary.push({ file: input.file, encoding: decoded.encoding, lines: lines.length ? lines[lines.length - 1]!.line : 0, bytes: input.bytes.length, documents: documents.length });
    if (documents.length === 0 && runs.records.length === 0) diagnostics.push(diagnose('input-no-documents', { file: input.file, line: 0 }));
    for (const n of runs.pointLines) pointLines.push(key(input.file, n));
    for (const l of lines) {
      if (inRuns.has(l.line) || !isPointLine(l.text)) continue;
      pointLines.push(key(input.file, l.line));
      if (!consumed.has(l.line)) diagnostics.push(diagnose('point-outside-parcel', { file: input.file, line: l.line }));
    }
  }

  const uniqueDocuments = [...gazetteDocuments.values()];
  const planningBlocks = extractPlanningBlocks(uniqueDocuments);
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
    topology: analyzeTopology(parcels, options.limits, diagnostics),
    diagnostics,
    inputs: summary,
    pointLines: { total: pointLines.length, inParcels, inDiagnostics },
    planningBlocks,
    miningPolicy: extractMiningPolicy(uniqueDocuments),
    mines: extractMines(uniqueDocuments),
    mineralPlan: extractMineralPlan(uniqueDocuments),
  };
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
