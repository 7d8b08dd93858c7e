// Sea-use and mining notices may print one shared point table and then define each part by the points it runs
// through: "护岸(2-3-…-10-2) 用海面积0.0147公顷; 码头(1-2-10-11-1) 用海面积0.0178公顷". Each part is then its own
// ring, built from the listed labels, with the figure that follows its definition.
import { readAreaMentions } from './readRunAreas.js';
import type { ContextLine } from './readRunContext.js';
import type { SourceSpan, StatedArea } from '../model/types.js';

export interface PartSequence {
  name: string;
  /** The labels in ring order, the closing repeat of the first removed; "…" expanded to the labels between. */
  labels: number[];
  closed: boolean;
  stated: StatedArea | null;
  source: SourceSpan;
}

const SEQUENCE = /([\p{Script=Han}A-Za-z0-9]{1,12}?)\s*\(\s*(\d{1,4}(?:\s*[-—]\s*(?:\d{1,4}|…+|\.{3,}))+)\s*\)/gu;
const CLAUSE_END = /[;。]|$/u;

export function readPartSequences(file: string, lines: readonly ContextLine[]): PartSequence[] {
  const out: PartSequence[] = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(SEQUENCE)) {
      const labels = expand(m[2]!.split(/\s*[-—]\s*/));
      if (!labels || labels.length < 3) continue;
      const closed = labels.length > 3 && labels[labels.length - 1] === labels[0];
      const ring = closed ? labels.slice(0, -1) : labels;
      const from = m.index + m[0].length;
      const end = from + l.text.slice(from).search(CLAUSE_END);
      const clause: ContextLine = { line: l.line, text: l.text.slice(from, end), original: l.original.slice(from, end) };
      const stated = readAreaMentions(file, [clause])[0]?.stated ?? null;
      const name = l.original.slice(m.index, m.index + m[1]!.length);
      out.push({ name, labels: ring, closed, stated: stated && { ...stated, wording: `${name}${stated.wording ?? ''}` }, source: { file, line: l.line } });
    }
  }
  return out;
}

/** ["2", "3", "…", "10", "2"] → [2, 3, 4, …, 10, 2]; null when an ellipsis does not stand between two labels. */
function expand(parts: string[]): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (/^\d+$/.test(p)) {
      out.push(Number(p));
      continue;
    }
    const before = out[out.length - 1];
    const after = Number(parts[i + 1]);
    if (before === undefined || !Number.isInteger(after) || after <= before) return null;
    for (let n = before + 1; n < after; n++) out.push(n);
  }
  return out;
}
