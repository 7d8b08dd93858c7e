// Which geodetic datum a text names for its coordinates. Chinese documents name it in many spellings: the official
// 2000国家大地坐标系 / 1980西安坐标系 / 1954北京坐标系, the short 国家2000 / 西安80 / 北京54 / 80坐标系, full-width
// digits, spaces between the characters, traditional 坐標係, and the ESRI names of a .prj (GCS_Xian_1980).
// Reading a Xian 1980 or Beijing 1954 text as CGCS2000 puts it tens of metres off without any sign of it, so the
// detection is deliberately generous in spelling and strict in meaning: each pattern needs the year and a word that
// makes it a coordinate system, never a bare "1980".
import type { Datum } from '../model/types.js';

export interface DatumMention {
  datum: Datum;
  /** The words as printed in the text, e.g. "1980 西安坐標系". */
  text: string;
  /** Offset of the mention in the text (UTF-16 code units). */
  index: number;
}

// The traditional forms of the characters the patterns use; the others (西安, 北京, 大地, 年) are the same in both.
const TRADITIONAL: Record<string, string> = { 標: '标', 係: '系', 國: '国', 傢: '家', 座: '坐' };

const SEP = "[-_'’·.]?";
const NOT_DIGIT_BEFORE = '(?<![0-9])';
const NOT_DIGIT_AFTER = '(?![0-9])';
// A short name with nothing after it must not be the start of an amount: "西安80万吨", "北京54号".
const BARE_END = '(?![0-9.万千百十号米亩元%个月日])';

// Matched against the compact form of the text (see compact): lower case, no white space, simplified characters.
const PATTERNS: readonly { datum: Datum; source: string }[] = [
  {
    datum: 'CGCS2000',
    source: [
      `cgcs${SEP}2000${NOT_DIGIT_AFTER}(?:国家)?(?:大地)?(?:坐标系?)?`,
      `chin(?:a|ese)${SEP}(?:geodetic${SEP}coordinate${SEP}system${SEP})?2000`,
      `(?:中国)?${NOT_DIGIT_BEFORE}2000(?:年)?(?:国家|中国)?(?:大地)?坐标系?`,
      `国家${SEP}2000(?:年?(?:大地)?坐标系?|${BARE_END})`,
    ].join('|'),
  },
  {
    datum: 'Xian80',
    source: [
      `${NOT_DIGIT_BEFORE}(?:19)?80(?:年)?${SEP}西安(?:大地)?(?:坐标系?)?`,
      `西安${SEP}(?:19)?80(?:年?(?:大地)?坐标系?|${BARE_END})`,
      `${NOT_DIGIT_BEFORE}(?:19)?80(?:年)?(?:国家)?(?:大地)?坐标系`,
      `xi${SEP}an${SEP}(?:19)?80${NOT_DIGIT_AFTER}`,
      `${NOT_DIGIT_BEFORE}xa${SEP}80${NOT_DIGIT_AFTER}`,
    ].join('|'),
  },
  {
    datum: 'Beijing54',
    source: [
      `${NOT_DIGIT_BEFORE}(?:19)?54(?:年)?${SEP}北京(?:大地)?(?:坐标系?)?`,
      `北京${SEP}(?:19)?54(?:年?(?:大地)?坐标系?|${BARE_END})`,
      `${NOT_DIGIT_BEFORE}(?:19)?54(?:年)?(?:大地)?坐标系`,
      // "New Beijing" is a different datum (EPSG:4555); it is not read as Beijing 1954.
      `(?<!new${SEP})beijing${SEP}(?:19)?54${NOT_DIGIT_AFTER}`,
      `${NOT_DIGIT_BEFORE}bj${SEP}54${NOT_DIGIT_AFTER}`,
    ].join('|'),
  },
];

const ANY = new RegExp(PATTERNS.map((p, i) => `(?<d${i}>${p.source})`).join('|'), 'g');

/**
 * The text reduced to what the patterns need, with the offset in the original of each kept character:
 * NFKC (full-width digits and letters), lower case, simplified characters, white space removed.
 */
function compact(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!.normalize('NFKC').toLowerCase();
    if (/^\s*$/u.test(ch)) continue;
    const folded = TRADITIONAL[ch] ?? ch;
    for (const c of folded) {
      out += c;
      offsets.push(i);
    }
  }
  return { text: out, offsets };
}

/** Every datum the text names, in text order. */
export function findDatums(text: string): DatumMention[] {
  const { text: flat, offsets } = compact(text);
  const mentions: DatumMention[] = [];
  for (const m of flat.matchAll(ANY)) {
    const i = PATTERNS.findIndex((_, k) => m.groups?.[`d${k}`] !== undefined);
    const start = offsets[m.index!]!;
    const end = offsets[m.index! + m[0].length - 1]! + 1;
    mentions.push({ datum: PATTERNS[i]!.datum, text: text.slice(start, end), index: start });
  }
  return mentions;
}

/**
 * The datum the text names first, with its words as printed; null when it names none. A text that names two
 * (a conversion note "由1980西安坐标系转换为2000国家大地坐标系") gives the first: callers that know where the
 * coordinates are should prefer the mention nearest to them (findDatums).
 */
export function detectDatum(text: string): { datum: Datum; text: string } | null {
  const first = findDatums(text)[0];
  return first ? { datum: first.datum, text: first.text } : null;
}
