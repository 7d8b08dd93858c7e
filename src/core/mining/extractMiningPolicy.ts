// The quarry consolidation policy as data, read from the text that sets it (吕政发〔2023〕9号 in these gazettes):
// the thresholds of the single-retention test (单独保留) and the reduction target, each with the lines it was
// read from, so a rule outcome can always point back at the sentence that decides it. Nothing is typed in:
// a gazette without the policy yields null and every criterion evaluates to unknown.
import { join, type JoinedText } from '../text/clean.js';
import type { GazetteDocument } from '../text/segment.js';
import type { SourceSpan } from '../model/types.js';
import type { Criterion, MiningPolicy, Threshold } from '../model/mining.js';

const ANCHOR = '单独保留';
const AREA = /矿区面积不(?:小|少)于\s*(\d+(?:\.\d+)?)\s*(平方公里|平方千米|km2|公顷)/u;
const CAPACITY = /产能不(?:低|少)于\s*(\d+(?:\.\d+)?)\s*万吨\/年(?:\((\p{Script=Han}+?)\s*(\d+(?:\.\d+)?)\s*万吨\/年\))?/u;
const YEARS = /剩余服务年限不(?:少|低|小)于\s*(\d+(?:\.\d+)?)\s*年/u;
const REDUCTION = /压减(?:比例不低于\s*(\d+(?:\.\d+)?)\s*%|\s*(\d+(?:\.\d+)?)\s*%以上)/gu;
/** How far after 单独保留 the test's sentence may run; the gazette's is about 120 characters. */
const SENTENCE_REACH = 300;

export function extractMiningPolicy(documents: readonly GazetteDocument[]): MiningPolicy | null {
  for (const d of documents) {
    const text = join(d.lines.slice(d.bodyStart));
    const at = findRetentionSentence(text.text);
    if (at < 0) continue;
    const window = text.text.slice(at, at + SENTENCE_REACH);
    const thresholds: Threshold[] = [];
    const area = AREA.exec(window);
    if (area) {
      const factor = area[2] === '公顷' ? 0.01 : 1;
      thresholds.push(threshold(d.file, text, at, area, 'area', Number(area[1]) * factor, '平方公里', null));
    }
    const capacity = CAPACITY.exec(window);
    if (capacity) {
      thresholds.push(threshold(d.file, text, at, capacity, 'capacity', Number(capacity[1]), '万吨/年', null));
      if (capacity[2] && capacity[3]) thresholds.push(threshold(d.file, text, at, capacity, 'capacity', Number(capacity[3]), '万吨/年', capacity[2]));
    }
    const years = YEARS.exec(window);
    if (years) thresholds.push(threshold(d.file, text, at, years, 'remaining-years', Number(years[1]), '年', null));
    if (thresholds.length === 0) continue;
    const reductionTargets = [...text.text.matchAll(REDUCTION)].map((m) => ({
      minPercent: Number(m[1] ?? m[2]),
      text: m[0],
      source: span(d.file, text, m.index, m.index + m[0].length),
    }));
    return { doc: d.doc, title: d.title, date: d.date, singleRetention: thresholds, reductionTargets };
  }
  return null;
}

// "1.单独保留。…矿区面积不小于…": the clause that defines the test, not a passing mention like
// "（符合条件的可单独保留）", which is followed by no threshold.
function findRetentionSentence(text: string): number {
  for (let at = text.indexOf(ANCHOR); at >= 0; at = text.indexOf(ANCHOR, at + 1)) {
    if (AREA.test(text.slice(at, at + SENTENCE_REACH)) || YEARS.test(text.slice(at, at + SENTENCE_REACH))) return at;
  }
  return -1;
}

function threshold(file: string, text: JoinedText, offset: number, m: RegExpExecArray, criterion: Criterion, min: number, unit: string, mineral: string | null): Threshold {
  const start = offset + m.index;
  return { criterion, min, unit, mineral, text: m[0], source: span(file, text, start, start + m[0].length) };
}

function span(file: string, text: JoinedText, start: number, end: number): SourceSpan {
  const line = text.lineAt(start);
  const endLine = text.lineAt(end - 1);
  return endLine === line ? { file, line } : { file, line, endLine };
}
