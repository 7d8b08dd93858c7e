// The figures a notice states around its coordinates: areas with their wording ("矿区面积约为0.0231平方公里",
// "一矿段面积17269㎡", "开采范围面积:1.0685平方千米") and the declared number of points ("由18个拐点圈定",
// "共12个界址点"). An area whose wording names a section belongs to that section; the others are the
// document's own figure for all its land.
import { SQUARE_METRES } from './statedArea.js';
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
const AREA = /面积\s*(?:约为|约|为|是|共计|共|合计|:)?\s*:?\s*(\d+(?:\.\d+)?)\s*(平方米|平方公里|平方千米|公顷|亩|[kK][mM]2|m2)/gu;
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

export function readDeclaredPoints(file: string, lines: readonly ContextLine[], nearLine = 0): { count: number; source: SourceSpan } | null {
  for (const l of lines) {
    const all = [...l.text.matchAll(DECLARED)];
    const m = l.line < nearLine ? all[all.length - 1] : all[0];
    if (m) return { count: Number(m[1] ?? m[2]), source: { file, line: l.line } };
  }
  return null;
}
