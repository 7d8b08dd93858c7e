// One spelling for search: what a planner types and what a record holds are compared after the same folding.
// NFKC makes full-width and half-width forms equal (ＡＢＣ１２３ = ABC123, （）= ()); the brackets around a document's
// year (〔2022〕, [2022], (2022), 【2022】), dashes and white space then become one separator, so
// 吕政发〔2022〕15号, 吕政发[2022]15号, 吕政发(2022)15号 and 2022-15 all read as …2022-15….

// Brackets of every kind, dashes and hyphens (ASCII, en, em, horizontal bar, minus, wave dash) and white space.
const SEPARATORS = /[\s()[\]{}<>〔〕【】〖〗〘〙「」『』《》〈〉‐‑‒–—―−~～〜·・_-]+/g;

/** Lower-case text with one separator ("-") between its parts, no separator at either end. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '-').replace(/^-|-$/g, '');
}
