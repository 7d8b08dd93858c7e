// 控规 block codes named in the gazettes (BF-09-03, XC-79, …) with the documents that approve or cite them.
// The texts carry codes only, never a block's boundary: geometry comes from the planner's layers (joinLayers).
// Codes are read from each document's running text, so a code broken across lines ("BF\n－09－03") is whole
// again, and NFKC has already folded the full-width hyphen to "-".
import { join } from '../text/clean.js';
import type { GazetteDocument } from '../text/segment.js';
import type { SourceSpan } from '../model/types.js';
import type { BlockDocument, BlockLevel, BlockRole, PlanningBlock } from '../model/planning.js';

/**
 * Two or three letters, then one or two groups of exactly two digits. Exactly two digits keep report numbers
 * (LD-2023-SC-(001), HYKJ2021-25), dates (2021-03) and years out; the guards keep the code from starting or
 * ending inside a longer token.
 */
const BLOCK_CODE = /(?<![A-Za-z0-9-])([A-Z]{2,3}) ?- ?(\d{2})(?: ?- ?(\d{2}))?(?![0-9]| ?- ?\d)/g;

/** A two-part code is a plot when the text calls it one ("XC-79 地块"); otherwise it names a 街区 ("BF-07 BF-09 BF-11 局部地块"). */
const PLOT_WORD = /^ ?地块/;

const APPROVAL_TITLE = /(?:控规|控制性详细规划).*批复/;
const PROJECT = /关于(\p{Script=Han}+?项目)/u;

export function normalizeBlockCode(text: string): string | null {
  const folded = text.normalize('NFKC').toUpperCase().replace(/[\s\u2010-\u2015\u2212\uFE63]/g, (c) => (/\s/.test(c) ? '' : '-'));
  const m = /^([A-Z]{2,3})-?(\d{2})(?:-(\d{2}))?(?:地块)?$/.exec(folded);
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

/** The block codes one document names, with where; combineBlockMentions makes the blocks of many documents. */
export interface BlockMentions {
  doc: string;
  title: string;
  date: string | null;
  role: BlockRole;
  project: string | null;
  /** Each code in the order first named, with its level and every place it is printed. */
  codes: [string, { level: BlockLevel; sources: SourceSpan[] }][];
}

export function blockMentions(d: GazetteDocument): BlockMentions {
  const text = join(d.lines);
  const found = new Map<string, { level: BlockLevel; sources: SourceSpan[] }>();
  for (const m of text.text.matchAll(BLOCK_CODE)) {
    const code = [m[1], m[2], m[3]].filter(Boolean).join('-');
    const end = m.index + m[0].length;
    const level: BlockLevel = m[3] || PLOT_WORD.test(text.text.slice(end, end + 3)) ? 'plot' : 'street';
    const source: SourceSpan = { file: d.file, line: text.lineAt(m.index) };
    const lastLine = text.lineAt(end - 1);
    if (lastLine !== source.line) source.endLine = lastLine;
    const entry = found.get(code) ?? { level, sources: [] };
    // A code printed once as a plot ("XC-79 地块") is a plot wherever else it appears.
    if (level === 'plot') entry.level = 'plot';
    entry.sources.push(source);
    found.set(code, entry);
  }
  const role: BlockRole = APPROVAL_TITLE.test(d.title) ? 'approval' : 'mention';
  const project = PROJECT.exec(d.title)?.[1] ?? null;
  return { doc: d.doc, title: d.title, date: d.date, role, project, codes: [...found] };
}

/** The blocks of the documents whose mentions are given, in the documents' order. */
export function combineBlockMentions(documents: readonly BlockMentions[]): PlanningBlock[] {
  const blocks = new Map<string, PlanningBlock>();
  for (const d of documents) {
    for (const [code, { level, sources }] of d.codes) {
      const block = blocks.get(code) ?? newBlock(code, level);
      if (level === 'plot') block.level = 'plot';
      const same = block.documents.find((x) => x.doc === d.doc);
      if (same) same.sources.push(...sources);
      else block.documents.push({ doc: d.doc, title: d.title, date: d.date, role: d.role, project: d.project, sources });
      blocks.set(code, block);
    }
  }
  addGroups(blocks);
  const out = [...blocks.values()];
  for (const b of out) b.documents.sort((a, c) => (a.date ?? '').localeCompare(c.date ?? ''));
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

function newBlock(code: string, level: BlockLevel): PlanningBlock {
  const parts = code.split('-');
  return { code, level, group: parts[0]!, street: parts.length === 3 ? `${parts[0]}-${parts[1]}` : null, documents: [] };
}

// Every plot implies its 组团 and 街区: they are listed (without documents of their own unless the text
// names them) so a planner's layer of street blocks or groups has something to join to.
function addGroups(blocks: Map<string, PlanningBlock>): void {
  for (const b of [...blocks.values()]) {
    if (!blocks.has(b.group)) blocks.set(b.group, { code: b.group, level: 'group', group: b.group, street: null, documents: [] });
    if (b.street && !blocks.has(b.street)) blocks.set(b.street, newBlock(b.street, 'street'));
  }
}

/** The approval documents of a block, newest last. */
export function approvalsOf(block: PlanningBlock): BlockDocument[] {
  return block.documents.filter((d) => d.role === 'approval');
}

/**
 * The plot a land document is about, when the text says so: a document that names exactly one plot
 * (吕政发〔2023〕4号 cites the application to hand back "XC-79 地块"). Documents naming several plots give no link.
 */
export function plotNamedBy(doc: string, blocks: readonly PlanningBlock[]): string | null {
  const plots = blocks.filter((b) => b.level === 'plot' && b.documents.some((d) => d.doc === doc));
  return plots.length === 1 ? plots[0]!.code : null;
}
