import { describe, expect, it } from 'vitest';
import { decimalsIn, statedFromText } from '../src/core/gazette/statedArea.js';

describe('stated areas back from their text', () => {
  it('reads the figure as printed, its unit and its decimals', () => {
    expect(statedFromText('7416.9 平方米')).toEqual({ text: '7416.9 平方米', value: 7416.9, unit: '平方米', m2: 7416.9, decimals: 1 });
    expect(statedFromText('380.6386 公顷')).toMatchObject({ unit: '公顷', decimals: 4, m2: 3806386 });
    expect(statedFromText('12 亩')?.decimals).toBe(0);
    expect(statedFromText('about 12 亩')).toBeNull();
    expect(statedFromText('')).toBeNull();
  });

  it('keeps in another unit no more decimals than the print carries', () => {
    const ha = statedFromText('380.6386 公顷')!;
    expect(decimalsIn(ha, '平方米', 2)).toBe(0);
    expect(decimalsIn(ha, '亩', 2)).toBe(2);
    const mu = statedFromText('292.0682 亩')!;
    expect(decimalsIn(mu, '平方米', 2)).toBe(1);
    expect(decimalsIn(mu, '公顷', 4)).toBe(4);
    const m2 = statedFromText('7416.9 平方米')!;
    expect(decimalsIn(m2, '公顷', 4)).toBe(4);
    expect(decimalsIn(m2, '平方米', 2)).toBe(1);
    expect(decimalsIn(statedFromText('1 平方公里')!, '公顷', 4)).toBe(0);
  });
});
