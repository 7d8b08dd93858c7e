// The mineral plan's (矿产资源总体规划) planning blocks as a summary table: how many blocks of each category
// and mineral, and their area, as the plan states them. The plan gives no block boundaries, so these are
// figures to show beside the map, not features on it.
import { join } from '../text/clean.js';
import type { GazetteDocument } from '../text/segment.js';
import type { MineralPlan, MineralPlanRow } from '../model/mining.js';

const PLAN_TITLE = /矿产资源总体规划/;
const AREA = String.raw`面积(?:为)?\s*(\d+(?:\.\d+)?)\s*(平方公里|平方千米|km2)`;
/** "探矿权转采矿权 16 处，面积 461 平方公里" */
const LABEL_FIRST = new RegExp(String.raw`([\p{Script=Han}]{2,30})\s*(\d+)\s*处,\s*${AREA}`, 'gu');
/** "另有 10 处煤层气探转采拟设置开采规划区块，面积为 7011 平方公里" */
const COUNT_FIRST = new RegExp(String.raw`另有\s*(\d+)\s*处([\p{Script=Han}]{2,30}),\s*${AREA}`, 'gu');
/** Words that introduce a figure rather than name what it counts. */
const LEAD_IN = /^(?:其中|另有)|共$/gu;
const HEADING = /^(?:\d+\.|\(\d+\)|[一二三四五六七八九十]+、)\p{Script=Han}[^。]{0,30}$/u;

export function extractMineralPlan(documents: readonly GazetteDocument[]): MineralPlan | null {
  const d = documents.find((x) => PLAN_TITLE.test(x.title));
  if (!d) return null;
  const body = d.lines.slice(d.bodyStart);
  const headings = body.filter((l) => HEADING.test(l.text));
  // A heading ends where its line ends; without the stop, joining would glue it onto the sentence below.
  const text = join(body.map((l) => (HEADING.test(l.text) ? { ...l, text: `${l.text}。` } : l)));
  const sectionAt = (line: number) => headings.filter((h) => h.line <= line).pop()?.text ?? '';
  const rows: MineralPlanRow[] = [];
  // 平方公里, 平方千米 and km2 are one unit.
  const add = (label: string, count: string, area: string, m: RegExpMatchArray) => {
    const line = text.lineAt(m.index!);
    const endLine = text.lineAt(m.index! + m[0].length - 1);
    rows.push({
      section: sectionAt(line),
      label: label.replace(LEAD_IN, ''),
      count: Number(count),
      areaKm2: Number(area),
      text: m[0],
      source: endLine === line ? { file: d.file, line } : { file: d.file, line, endLine },
    });
  };
  for (const m of text.text.matchAll(LABEL_FIRST)) add(m[1]!, m[2]!, m[3]!, m);
  for (const m of text.text.matchAll(COUNT_FIRST)) add(m[2]!, m[1]!, m[3]!, m);
  rows.sort((a, b) => a.source.line - b.source.line);
  return { doc: d.doc, title: d.title, date: d.date, rows };
}
