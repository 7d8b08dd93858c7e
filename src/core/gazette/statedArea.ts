// Finds the area a document states for a piece of land and records it with its printed precision, which
// sets how closely the computed area can be expected to agree.
import type { JoinedText } from '../text/clean.js';
import type { AreaUnit, RecordKind, StatedArea } from '../model/types.js';

export const SQUARE_METRES: Record<AreaUnit, number> = {
  平方米: 1,
  公顷: 10_000,
  亩: 10_000 / 15,
  平方公里: 1_000_000,
};

const UNIT_ALIASES: Record<string, AreaUnit> = {
  平方米: '平方米',
  m2: '平方米',
  公顷: '公顷',
  亩: '亩',
  平方公里: '平方公里',
  平方千米: '平方公里',
  km2: '平方公里',
};

const NUMBER = String.raw`(\d+(?:\.\s?\d+)?)\s*(平方米|平方公里|平方千米|公顷|亩|km2|m2)`;
// Take-back and land-rights decisions: "面积为 51599.96 平方米", "占地面积为 5405.84 平方米（合 8.11 亩）",
// "总面积 380.6386 公顷". Confiscations state the occupied land first: "违法占用…集体土地 292.0682 亩".
const AREA_SENTENCE = new RegExp(String.raw`面积(?:为|是|约)?\s*` + NUMBER);
const OCCUPIED_LAND = new RegExp(String.raw`违法占用[^。]*?土地\s*` + NUMBER);

export function parseStatedArea(text: JoinedText, file: string, kind: RecordKind): StatedArea | null {
  const m = (kind === 'confiscation' ? OCCUPIED_LAND.exec(text.text) : null) ?? AREA_SENTENCE.exec(text.text);
  if (!m) return null;
  const numberAt = m.index + m[0].indexOf(m[1]!);
  return { ...printedArea(m[1]!.replace(/\s/g, ''), UNIT_ALIASES[m[2]!]!), source: { file, line: text.lineAt(numberAt) } };
}

/** A figure as printed ("7416.9") in its unit: its value in m² and the decimals it is exact to. */
export function printedArea(printed: string, unit: AreaUnit): Omit<StatedArea, 'source'> {
  const value = Number(printed);
  const dot = printed.indexOf('.');
  return { text: `${printed} ${unit}`, value, unit, m2: value * SQUARE_METRES[unit], decimals: dot < 0 ? 0 : printed.length - dot - 1 };
}

/** The form every reader gives a stated area's text: the figure as printed, a space, the unit ("380.6386 公顷"). */
const STATED_TEXT = /^(\d+(?:\.\d+)?)\s*(平方米|公顷|亩|平方公里)$/;

/** A stated area read back from its text (an export's stated_area_text, a table row): figure, unit, precision. */
export function statedFromText(text: string): Omit<StatedArea, 'source'> | null {
  const m = STATED_TEXT.exec(text.trim());
  if (!m) return null;
  return printedArea(m[1]!, m[2] as AreaUnit);
}

/**
 * Decimals a stated area keeps in another unit: no more than its printed precision allows (380.6386 公顷 is exact
 * to the square metre, not the square centimetre), and no more than `most`.
 */
export function decimalsIn(stated: Pick<StatedArea, 'unit' | 'decimals'>, unit: AreaUnit, most: number): number {
  const shift = Math.log10(SQUARE_METRES[stated.unit] / SQUARE_METRES[unit]);
  return Math.max(0, Math.min(most, Math.floor(stated.decimals - shift + 1e-9)));
}
