// Named mines and quarries in the gazettes, with every document that mentions them. The texts name mines in
// four ways, and only those four are read, so that generic phrases ("停产煤矿", "保供煤矿") never become mines:
//   1. counted lists: "推动东江、永聚、贾家沟、锦瑞 4 座矿井…", "实现龙达、南山 2座煤矿复工建设";
//   2. enterprise lists: "推动新升凯建材、天利和建材、…、山水水泥等企业";
//   3. coal companies: any name ending in 煤业 (in these texts 煤业 is only ever part of a company name);
//   4. a county name followed by a mine or mining area: "兴县肖家洼煤矿", "岚县袁家村矿区".
// Mentions of one mine under different names ("永聚", "吕梁离石永聚煤业有限公司") are merged on mineNameKey.
import { join } from '../text/clean.js';
import type { GazetteDocument } from '../text/segment.js';
import { COUNTY_PATTERN, PLACE_PREFIXES } from '../places/places.js';
import type { SourceSpan } from '../model/types.js';
import type { Mine, MineKind, MineMention } from '../model/mining.js';

/** 组织形式 at the end of a registered name (企业名称登记管理规定: 行政区划 + 字号 + 行业 + 组织形式). */
const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/u;
/** 行业 words that end a mine's name. */
const TRADE = /(?:煤业|煤矿|矿业|矿井|矿区|铁矿|石料厂|采石场|石场|建材|水泥)$/u;
/** A holding group in front of the distinctive name: "山西楼俊集团担炭沟煤业" → 担炭沟. */
const GROUP_PREFIX = /^\p{Script=Han}+?集团(?=\p{Script=Han}{2})/u;
/** Words that end the clause before a name: the name starts after the last of them. */
const LEAD_IN = /^.*(?:确定|实现|依托|推动|推进|加快|的|为|和|与|及)/u;

const COUNTED_LIST = /(?:推动|推进|实现)((?:\p{Script=Han}{2,6}、)+\p{Script=Han}{2,6})\s*(\d+)\s*座(智能化)?(矿井|煤矿)/gu;
const ENTERPRISE_LIST = /(?:推动|推进)((?:\p{Script=Han}{2,12}、)+\p{Script=Han}{2,12})等企业/gu;
const COAL_COMPANY = /\p{Script=Han}{2,24}?煤业(?:集团)?(?:有限责任公司|有限公司)?/gu;
const COUNTY_MINE = new RegExp(`${COUNTY_PATTERN}\\p{Script=Han}{2,6}?(?:煤矿|矿区)`, 'gu');

/**
 * The distinctive part of a mine's or enterprise's name, for merging and joining: NFKC, no spaces, quotes or
 * bracketed notes, then the registered name's 组织形式, 行业 and 行政区划 parts and any holding-group prefix removed.
 * "山西吕梁离石永聚煤业有限公司", "永聚煤业" and "永聚" all give "永聚". If stripping would leave less than two
 * characters, the longer form is kept ("交口煤业" → "交口").
 */
export function mineNameKey(name: string): string {
  // A bracketed part is a note ("（合成示例）", "（一期）") or the optional "（集团）" of a registered name: not the 字号.
  let key = name.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '').replace(/[\s"'“”]/g, '');
  const strip = (re: RegExp) => {
    const next = key.replace(re, '');
    if (next.length >= 2 && next !== key) {
      key = next;
      return true;
    }
    return false;
  };
  while (strip(LEGAL_FORM) || strip(TRADE));
  for (let again = true; again; ) {
    again = false;
    for (const place of PLACE_PREFIXES) if (key.startsWith(place) && strip(new RegExp(`^${place}`))) again = true;
    if (strip(GROUP_PREFIX)) again = true;
  }
  return key;
}

/** A mine named by a document, with the kind its name says; combineMineMentions makes the mines of many documents. */
export type KindedMention = MineMention & { kind: MineKind };

export function mineMentions(d: GazetteDocument): KindedMention[] {
  const mentions: KindedMention[] = [];
  const seen = new Set<string>();
  const text = join(d.lines.slice(d.bodyStart));
  const add = (name: string, kind: MineKind, offset: number) => {
    const source: SourceSpan = { file: d.file, line: text.lineAt(offset) };
    const key = mineNameKey(name);
    if (seen.has(key)) return;
    seen.add(key);
    mentions.push({ doc: d.doc, title: d.title, date: d.date, name, source, kind });
  };
  for (const m of text.text.matchAll(COUNTED_LIST)) {
    const names = m[1]!.split('、');
    if (names.length !== Number(m[2])) continue;
    for (const n of names) add(n, 'coal', m.index + m[0].indexOf(n));
  }
  for (const m of text.text.matchAll(ENTERPRISE_LIST)) {
    for (const n of m[1]!.split('、')) if (TRADE.test(n)) add(n, kindOf(n), m.index + m[0].indexOf(n));
  }
  for (const [re, keyword] of [[COAL_COMPANY, '煤业'], [COUNTY_MINE, '矿']] as const) {
    // The patterns scan every position of the text; most documents never name a mine at all.
    if (!text.text.includes(keyword)) continue;
    for (const m of text.text.matchAll(re)) {
      const name = m[0].replace(LEAD_IN, '');
      if (name.length > 2) add(name, kindOf(name), m.index + m[0].length - name.length);
    }
  }
  return mentions;
}

/** The mines of the documents whose mentions are given, in the documents' order. */
export function combineMineMentions(documents: readonly KindedMention[][]): Mine[] {
  // A document printed twice (a re-dump, a second gazette) mentions a mine once.
  const seen = new Set<string>();
  const mentions = documents.flat().filter((m) => {
    const id = `${m.doc}|${mineNameKey(m.name)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return mergeMentions(mentions);
}

function kindOf(name: string): MineKind {
  if (/煤/.test(name)) return 'coal';
  if (/石料|采石|石场|建材|水泥/.test(name)) return 'quarry';
  return 'mine';
}

// One mine per key; a key that is the tail of a longer one ("晋邦德" of "西山晋邦德", where 西山 is the
// holding group's name, not a place) is the same mine when exactly one longer key ends with it.
function mergeMentions(mentions: KindedMention[]): Mine[] {
  const byKey = new Map<string, Mine>();
  for (const m of mentions) {
    const key = mineNameKey(m.name);
    const mine = byKey.get(key) ?? { name: m.name, key, kind: m.kind, aliases: [], mentions: [] };
    addMention(mine, m);
    byKey.set(key, mine);
  }
  for (const [key, mine] of [...byKey]) {
    const longer = [...byKey.keys()].filter((k) => k !== key && k.endsWith(key));
    if (longer.length !== 1) continue;
    const target = byKey.get(longer[0]!)!;
    for (const m of mine.mentions) addMention(target, { ...m, kind: mine.kind });
    byKey.delete(key);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

function addMention(mine: Mine, m: KindedMention): void {
  const { kind, ...mention } = m;
  mine.mentions.push(mention);
  if (kind !== 'mine' && mine.kind === 'mine') mine.kind = kind;
  // The fullest printed name represents the mine; the others are aliases.
  const names = new Set([mine.name, ...mine.aliases, m.name]);
  mine.name = [...names].sort((a, b) => b.length - a.length)[0]!;
  mine.aliases = [...names].filter((n) => n !== mine.name);
}
