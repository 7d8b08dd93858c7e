// The figures a notice states around its coordinates: areas with their wording ("矿区面积约为0.0231平方公里",
// "一矿段面积17269㎡", "开采范围面积:1.0685平方千米") and the declared number of points ("由18个拐点圈定",
// "共12个界址点"). An area whose wording names a section belongs to that section; the others are the
// document's own figure for all its land.
import { printedArea, SQUARE_METRES } from './statedArea.js';
import type { ContextLine } from './readRunContext.js';
import type { AreaUnit, SourceSpan, StatedArea } from '../model/types.js';

export interface AreaMention {
  /** The words before 面积 in its clause: 一矿段, 矿区, 开采范围, 用海, or empty. */
  label: string;
  stated: StatedArea;
  /** "其中，护岸用海面积…": a part of the figure stated before it, not a section of its own. */
  part: boolean;
}

const UNITS: Record<string, AreaUnit> = { 平方米: '平方米', m2: '平方米', 公顷: '公顷', 亩: '亩', 平方公里: '平方公里', 平方千米: '平方公里', km2: '平方公里' };
// A bilingual notice may print its figure only in the English half ("a total area of 2.96km2").
const AREA = /(?:面积|\barea\s+of)\s*(?:约为|约|为|是|共计|共|合计|:)?\s*:?\s*(\d+(?:\.\d+)?)\s*(平方米|平方公里|平方千米|公顷|亩|[kK][mM]2|m2)/giu;
const CLAUSE_START = /[,;:。、(\s]/u;
const DECLARED = /(?:由|共)\s*(\d{1,4})\s*个\s*(?:拐点|界址点|坐标点|顶点|点)|(\d{1,4})\s*个\s*(?:拐点|界址点)(?:圈定|构成|组成|围成)/gu;

/**
 * Mentions in the order of `lines`; within a line above `nearLine` the last first, being the nearest to the
 * coordinates below it ("由11个拐点圈定，面积0.9402平方公里，…缩减调整后…面积0.6752平方公里").
 */
export function readAreaMentions(file: string, lines: readonly ContextLine[], nearLine = 0): AreaMention[] {
  const out: AreaMention[] = [];
  for (const l of lines) {
    const inLine: AreaMention[] = [];
    AREA.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AREA.exec(l.text)) !== null) {
      let start = m.index;
      while (start > 0 && !CLAUSE_START.test(l.text[start - 1]!)) start--;
      const label = l.text.slice(start, m.index).replace(/^\d+、/, '');
      const unit = UNITS[/^k/i.test(m[2]!) ? 'km2' : m[2]!]!;
      const value = Number(m[1]);
      const dot = m[1]!.indexOf('.');
      const sentence = l.text.slice(0, m.index);
      const part = /其中[^。]*$/.test(sentence);
      const source: SourceSpan = { file, line: l.line };
      inLine.push({
        label,
        part,
        stated: {
          text: `${m[1]} ${unit}`,
          value,
          unit,
          m2: value * SQUARE_METRES[unit],
          decimals: dot < 0 ? 0 : m[1]!.length - dot - 1,
          source,
          wording: l.original.slice(start, m.index + m[0].length),
        },
      });
    }
    out.push(...(l.line < nearLine ? inLine.reverse() : inLine));
  }
  return out;
}

// A table with an area column ("| 面积(㎞2) |", NFKC "面积(km2)") flattened one cell per line: the number cell
// right after a ring's coordinates is that ring's figure.
const AREA_HEADER = /^面积\s*\(\s*(平方米|平方公里|平方千米|公顷|亩|km2|m2)\s*\)\s*\|?$/iu;
const NUMBER_CELL = /^(\d+(?:\.\d+)?)\s*\|?$/;

/**
 * The figure in the area column for the ring whose points end on `lastLine`: the header is the nearest area
 * header above `firstLine`, the value the first bare number among `after` (the run's lines after the ring).
 */
export function readAreaColumn(file: string, lines: readonly ContextLine[], firstLine: number, after: readonly ContextLine[]): StatedArea | null {
  let header: RegExpExecArray | null = null;
  for (const l of lines) if (l.line < firstLine) header = AREA_HEADER.exec(l.text) ?? header;
  if (!header) return null;
  const cell = after.map((l) => ({ l, m: NUMBER_CELL.exec(l.text) })).find((c) => c.m);
  if (!cell) return null;
  const printed = cell.m![1]!;
  const unit = UNITS[/^k/i.test(header[1]!) ? 'km2' : header[1]!]!;
  return {
    ...printedArea(printed, unit),
    source: { file, line: cell.l.line },
    wording: `${header[0].replace(/\s*\|$/, '')} ${printed}`,
  };
}

export function readDeclaredPoints(file: string, lines: readonly ContextLine[], nearLine = 0): { count: number; source: SourceSpan } | null {
  for (const l of lines) {
    const all = [...l.text.matchAll(DECLARED)];
    const m = l.line < nearLine ? all[all.length - 1] : all[0];
    if (m) return { count: Number(m[1] ?? m[2]), source: { file, line: l.line } };
  }
  return null;
}
