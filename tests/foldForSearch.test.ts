import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../src/core/text/foldForSearch.js';

describe('foldForSearch', () => {
  const doc = foldForSearch('吕政发〔2022〕15号');

  it('the ways a document number is typed fold to one spelling', () => {
    for (const typed of ['吕政发[2022]15号', '吕政发(2022)15号', '吕政发（2022）15号', '吕政发【2022】15号', '吕政发 〔 2022 〕 15号', '吕政发［２０２２］１５号']) {
      expect(foldForSearch(typed), typed).toBe(doc);
    }
    expect(doc).toBe('吕政发-2022-15号');
  });

  it('year-number with a dash finds the document, and not another number', () => {
    expect(doc).toContain(foldForSearch('2022-15'));
    expect(doc).toContain(foldForSearch('2022—15'));
    expect(doc).toContain(foldForSearch('(2022)15'));
    expect(foldForSearch('吕政发〔2022〕12号')).not.toContain(foldForSearch('2022-15'));
  });

  it('full-width and half-width letters and digits are equal, and case does not matter', () => {
    expect(foldForSearch('ＨＹ２０２３－０１')).toBe(foldForSearch('hy2023-01'));
    expect(foldForSearch('ＸＣ－７９地块')).toBe('xc-79地块');
  });

  it('a parcel suffix folds like the brackets around the year', () => {
    expect(foldForSearch('吕政发〔2022〕15号（3）')).toBe('吕政发-2022-15号-3');
    expect(foldForSearch('吕政发〔2022〕15号（3）')).toContain(foldForSearch('15号(3)'));
  });

  it('nothing but separators folds to nothing', () => {
    expect(foldForSearch(' 〔 〕 - ')).toBe('');
    expect(foldForSearch('')).toBe('');
  });
});
