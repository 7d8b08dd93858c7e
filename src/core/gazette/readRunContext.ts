// The context of coordinates: what the text around a run of coordinate lines says about the land or the
// mining right they bound. Read from the document the run stands in (or the whole file when it has no
// document-number line), skipping web-page furniture, in the simplified spelling; each field is cut from the
// original line so that a traditional-character notice shows its own characters.
import { isWebFurniture } from '../text/webFurniture.js';
import type { Datum, RecordKind } from '../model/types.js';

export interface ContextLine {
  line: number;
  /** Simplified, NFKC, trimmed: what patterns match. */
  text: string;
  /** The same line as printed (NFKC), same length: what fields are cut from. */
  original: string;
}

export interface RunContext {
  doc: string | null;
  title: string;
  issuer: string;
  date: string | null;
  holder: string | null;
  location: string | null;
  datum: Datum | undefined;
  kind: RecordKind;
  /** The word the kind was inferred from, or null when nothing pointed either way. */
  kindWord: string | null;
}

const DOC_NUMBER = /^[(]?(?:(?:公示|公告|公开)?文号\s*:\s*)?([\p{Script=Han}A-Za-z]{1,14}?)\s*[〔[(【]\s*(\d{4})\s*[〕\])】]\s*(\d{1,4})\s*号[)]?$/u;
const TITLE_END = /(?:公示|公告|公开|通知|决定|批复|意见书|意见|通告|方案|报告|函)$/u;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const PAGE_DATE = /(?:发布日期|发布时间|发表时间|公开日期|成文日期)\s*:\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/;
const ISSUER_END = /(?:局|厅|人民政府|委员会|中心|办公室|办公厅)$/u;
const HOLDER = /(?:使用权人|受让人|采矿权人|探矿权人|申请人|用海单位|海域使用权人|竞得人|权利人)\s*(?:为|是|:)\s*([^,。;]{2,60})/u;
const HOLDER_HEADING = /(?:^|、)(?:受让人|出让人|采矿权人|探矿权人|申请人|竞得人)$/u;
const LOCATION = /(?:地理位置|矿区位置|用海位置|项目位置|宗地位置|土地位置|坐落|位置)\s*:\s*(?:矿区|项目|宗地)?(?:位于)?([^,。;]{2,60})/u;
const SITED = /位于([^,。;]{2,40})/u;

/** Lines a web page wraps around the notice, and debris of lost characters ("??? 清遠市…"). */
export function contentLines(lines: readonly ContextLine[]): ContextLine[] {
  return lines.filter((l) => !isWebFurniture(l.text) && /[^?\s]/.test(l.text));
}

export function readRunContext(lines: readonly ContextLine[], segmentDoc: { doc: string; title: string; issuer: string; date: string | null } | null, datumOf: (text: string) => Datum | undefined): RunContext {
  const content = contentLines(lines);
  const whole = content.map((l) => l.text).join('\n');
  const { kind, word } = inferKind(whole);
  return {
    doc: segmentDoc?.doc ?? findDocNumber(content),
    title: segmentDoc?.title && !hasFurniture(segmentDoc.title) ? segmentDoc.title : findTitle(content),
    issuer: segmentDoc?.issuer || findIssuer(content),
    date: segmentDoc?.date ?? findDate(content, lines),
    holder: findHolder(content),
    location: findLocation(content),
    datum: datumOf(whole),
    kind,
    kindWord: word,
  };
}

function hasFurniture(title: string): boolean {
  return /浏览次数|发布日期|当前位置|索引号|字体|信息来源|公开日期/.test(title);
}

function cut(l: ContextLine, from: number, to: number): string {
  return stripDebris(l.original.slice(from, to));
}

function stripDebris(text: string): string {
  return text.replace(/^[?\s]+|[?\s。]+$/g, '');
}

function findDocNumber(lines: readonly ContextLine[]): string | null {
  for (const l of lines) {
    const m = DOC_NUMBER.exec(stripDebris(l.text));
    if (!m) continue;
    const at = l.text.indexOf(m[1]!);
    const prefix = l.original.slice(at, at + m[1]!.length);
    const hao = l.original.includes('號') ? '號' : '号';
    return `${prefix}〔${m[2]}〕${m[3]}${hao}`;
  }
  return null;
}

function findTitle(lines: readonly ContextLine[]): string {
  for (const l of lines.slice(0, 12)) {
    const t = stripDebris(l.text);
    if (t.length < 6 || t.length > 90 || /[。,;:]/.test(t)) continue;
    if (TITLE_END.test(t) || t.startsWith('关于')) return cut(l, 0, l.original.length);
  }
  return '';
}

function findIssuer(lines: readonly ContextLine[]): string {
  for (let i = 0; i + 1 < lines.length; i++) {
    // "一、出让人 / 名称：辽宁省自然资源厅"
    if (/(?:^|、)出让人$/.test(lines[i]!.text)) {
      const m = /^名称\s*:\s*(.+)$/.exec(lines[i + 1]!.text);
      if (m) return cut(lines[i + 1]!, lines[i + 1]!.text.length - m[1]!.length, lines[i + 1]!.text.length);
    }
  }
  // The signature: an office's name just above the date line at the end.
  for (let i = lines.length - 1; i > 0; i--) {
    if (!DATE_LINE.test(stripDebris(lines[i]!.text))) continue;
    const above = lines[i - 1]!;
    const t = stripDebris(above.text);
    if (ISSUER_END.test(t) && t.length <= 30) return stripDebris(above.original);
  }
  return '';
}

function findDate(content: readonly ContextLine[], all: readonly ContextLine[]): string | null {
  for (let i = content.length - 1; i >= 0; i--) {
    const m = DATE_LINE.exec(stripDebris(content[i]!.text));
    if (m) return iso(m[1]!, m[2]!, m[3]!);
  }
  for (const l of all) {
    const m = PAGE_DATE.exec(l.text);
    if (m) return iso(m[1]!, m[2]!, m[3]!);
  }
  return null;
}

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function findHolder(lines: readonly ContextLine[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = HOLDER.exec(l.text);
    if (m) return cut(l, m.index + m[0].length - m[1]!.length, m.index + m[0].length) || null;
    // "二、受让人 / 名称：海城远东菱镁建材有限公司"
    if (HOLDER_HEADING.test(l.text) && !/出让人$/.test(l.text) && i + 1 < lines.length) {
      const next = lines[i + 1]!;
      const n = /^名称\s*:\s*(.+)$/.exec(next.text);
      if (n) return cut(next, next.text.length - n[1]!.length, next.text.length) || null;
    }
  }
  return null;
}

function findLocation(lines: readonly ContextLine[]): string | null {
  for (const pattern of [LOCATION, SITED]) {
    for (const l of lines) {
      const m = pattern.exec(l.text);
      if (!m) continue;
      const end = m.index + m[0].length;
      const start = end - m[1]!.length;
      const sited = /^(?:矿区|项目|宗地)?位于/.exec(l.text.slice(start, end));
      return cut(l, start + (sited ? sited[0].length : 0), end) || null;
    }
  }
  return null;
}

// Words that say what the coordinates bound. A mining right's own words decide first; land words (a port's
// 征地, a sea area's 用海) outrank the 拐点 that both kinds print; 拐点 or 矿 alone still point to a mine.
const MINING_WORDS = /采矿权|探矿权|矿区范围|矿区面积|矿段|采区|开采标高|开采范围|开采矿种|勘查矿种|矿山名称|采矿许可/u;
const LAND_WORDS = /宗地|建设用地|征地|用海|海域|地块|界址点|土地/u;
const WEAK_MINING = /拐点|矿/u;

export function inferKind(text: string): { kind: RecordKind; word: string | null } {
  const mining = MINING_WORDS.exec(text);
  if (mining) return { kind: 'mining-zone', word: mining[0] };
  const land = LAND_WORDS.exec(text);
  if (land) return { kind: 'parcel', word: land[0] };
  const weak = WEAK_MINING.exec(text);
  if (weak) return { kind: 'mining-zone', word: weak[0] };
  return { kind: 'parcel', word: null };
}
