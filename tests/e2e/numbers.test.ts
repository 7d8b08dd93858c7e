// End-to-end: stated areas appear as the document printed them (7416.9, not 7416.90; 380.6386 公顷, not
// 3806386.00 m²), their conversions claim no more precision than the print, and the ± under Δ says 允许误差.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Session } from './harness.js';

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

const cells = async (id: string) => (await s.page.locator(`.tr[data-id="${id}"] .td`).allInnerTexts()).map((c) => c.trim());

describe('numbers as printed', () => {
  it('the table shows the printed figure in its printed unit, and conversions within its precision', async () => {
    // 7416.9 平方米: one decimal printed.
    const m2 = await cells('吕政发〔2022〕9号');
    expect(m2[3]).toBe('7416.9 m²');
    expect(m2[4]).toBe('0.7417');
    expect(m2[5]).toBe('11.13');
    // 380.6386 公顷: exact to the square metre; 292.0682 亩: to a tenth of a square metre.
    const ha = await cells('吕政函〔2023〕37号');
    expect(ha[3]).toBe('380.6386 公顷');
    expect(ha[4]).toBe('380.6386');
    expect(ha[5]).toBe('5709.58');
    await s.page.locator('[data-testid=search]').fill('离政发〔2025〕12号');
    await expect.poll(() => cells('离政发〔2025〕12号')).toContain('292.0682 亩');
    expect((await cells('离政发〔2025〕12号')).slice(4, 6)).toEqual(['19.4712', '292.07']);
    await s.page.locator('[data-testid=search]').fill('');
  });

  it('the details show the printed figure first, its conversions without false decimals, and 允许误差 under Δ', async () => {
    await s.page.locator('.tr[data-id="吕政函〔2023〕37号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政函〔2023〕37号');
    const stated = await s.page.locator('[data-testid=details-stated]').innerText();
    expect(stated).toContain('380.6386 公顷');
    expect(stated).toContain('3806386 m²');
    expect(stated).not.toContain('3806386.00');

    await s.page.locator('.tr[data-id="吕政发〔2022〕9号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕9号');
    expect(await s.page.locator('[data-testid=details-stated]').innerText()).toMatch(/^7416\.9 m²\s/);
    expect(await s.page.locator('[data-testid=details-stated]').innerText()).not.toContain('7416.90');
    expect(await s.page.locator('[data-testid=details-tolerance]').innerText()).toMatch(/^允许误差 ± \d+\.\d{4} m²$/);
  });
});
