// One notice per imported file: what was read from it and what to do next, in one sentence built from coded
// phrases ("读到 4 个界址点，组成 1 宗地；未找到文号，已用文件名标识"), instead of one message per diagnostic.
// The diagnostics themselves stay on the records, where the details panel lists them with their lines.
import { diagnose, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Diagnostic, ExtractResult, Severity, SourceSpan } from '../model/types.js';

export interface ImportNotice {
  /** The code of the main phrase (import-read, import-empty, …). */
  code: DiagnosticCode;
  level: Severity;
  file: string;
  zh: string;
  en: string;
}

export interface ImportNoticeInit {
  file: string;
  /** The extraction the file took part in (possibly with other files of the same import). */
  result: ExtractResult;
  /** Why the file was taken as what it is (classifyInput). */
  reason?: Diagnostic | null;
  /** Records of this file that were already loaded from another file and merged into that record. */
  merged?: readonly { doc: string }[];
  /** Diagnostics of the file outside the extraction (decoding, …). */
  diagnostics?: readonly Diagnostic[];
}

/** Codes that mean the file itself could not be read. */
const UNREAD = new Set<string>(['input-binary', 'input-undecodable', 'input-too-large', 'input-pdf-no-text', 'import-unreadable', 'limit-exceeded']);

export function importNotice({ file, result, reason, merged: before = [], diagnostics: extra = [] }: ImportNoticeInit): ImportNotice {
  let merged = before;
  const at: SourceSpan = { file, line: 0 };
  const parcels = result.parcels.filter((p) => p.span.file === file);
  // A document this file shares with another of the same extraction is that file's record, with this one's source.
  const shared = result.parcels.filter((p) => p.span.file !== file && p.sources.some((s) => s.file === file));
  merged = [...merged, ...shared.map((p) => ({ doc: p.doc }))];
  const own = [...extra, ...result.diagnostics.filter((d) => d.source?.file === file), ...parcels.flatMap((p) => p.diagnostics)];
  const input = result.inputs.find((i) => i.file === file);
  const points = parcels.reduce((n, p) => n + p.points.length + (p.extraRings ?? []).reduce((m, r) => m + r.points.length, 0), 0);
  const docs = listOf([...new Set([...parcels.map((p) => p.doc), ...merged.map((m) => m.doc)])]);
  const count = parcels.length + merged.length;
  const untitled = own.some((d) => d.code === 'document-untitled');
  const unread = own.find((d) => UNREAD.has(d.code));

  let main: Diagnostic;
  if (input && input.bytes === 0) main = diagnose('import-empty', at);
  else if (unread && count === 0) main = unread;
  else if (count > 0 && points > 0) main = diagnose(untitled ? 'import-read-untitled' : 'import-read', at, { points, parcels: count, docs });
  else if (count > 0) main = diagnose('import-read-no-points', at, { parcels: count, docs });
  else if (input && input.lines === 0) main = diagnose('import-empty', at);
  else if (input && input.documents > 0) main = diagnose('import-no-land-records', at, { docs: input.documents });
  else main = diagnose('import-nothing-found', at);

  const tails: Diagnostic[] = [];
  if (merged.length > 0) tails.push(diagnose('import-merged', at, { count: merged.length, docs: listOf(merged.map((m) => m.doc)) }));
  const problems = own.filter((d) => d !== main && d.severity !== 'info' && d.code !== 'document-untitled');
  const first = problems.find((d) => d.severity === 'error') ?? problems[0];
  if (first && main.code !== 'import-nothing-found') {
    const where = whereOf(first.source);
    tails.push(diagnose('import-problems', at, { count: problems.length, where: where.zh, whereEn: where.en, first: first.message.zh, firstEn: first.message.en }));
  }
  if (reason && count > 0) tails.push(reason);
  const level: Severity = main.severity === 'error' || (main.severity === 'info' && problems.length === 0) ? main.severity : 'warning';
  return {
    code: main.code as DiagnosticCode,
    level,
    file,
    zh: [main, ...tails].map((d) => d.message.zh).join('；'),
    en: [main, ...tails].map((d) => d.message.en).join('; '),
  };
}

function listOf(items: readonly string[]): string {
  return items.length <= 3 ? items.join('、') : `${items.slice(0, 3).join('、')} 等 ${items.length} 份`;
}

function whereOf(span: SourceSpan | undefined): { zh: string; en: string } {
  if (span?.feature !== undefined) return { zh: `第 ${span.feature} 个要素`, en: `feature ${span.feature}` };
  if (span && span.line > 0) return { zh: `第 ${span.line} 行`, en: `line ${span.line}` };
  return { zh: '文件中', en: 'the file' };
}
