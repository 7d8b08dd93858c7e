// End-to-end: the search box finds a document however its number is typed (〔〕, [], (), full-width, year-number),
// as the planner types it, and the map keeps the same parcels as the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, openPage, renderedIds, type Session } from './harness.js';

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

async function shownIds(): Promise<string[]> {
  return (await s.page.locator('.tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!))).sort();
}

describe('search as people type', () => {
  it('吕政发〔2022〕15号, [2022], (2022), full-width and 2022-15 find the same parcels, in the table and on the map', async () => {
    const box = s.page.locator('[data-testid=search]');
    await box.fill('吕政发〔2022〕15号');
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('4 / 21');
    const expected = await shownIds();
    expect(expected.every((id) => id.startsWith('吕政发〔2022〕15号'))).toBe(true);
    await s.page.click('[data-testid=zoom-all]');
    await mapIdle(s.page);
    expect(await renderedIds(s.page, ['parcels-fill', 'label-dots'])).toEqual(expected);

    for (const typed of ['吕政发[2022]15号', '吕政发(2022)15号', '吕政发（２０２２）１５号', '2022-15']) {
      await box.fill('');
      // Key by key, as a planner types (an input method commits the characters one by one too).
      await box.pressSequentially(typed);
      await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText(), { message: typed }).toContain('4 / 21');
      expect(await shownIds(), typed).toEqual(expected);
      await mapIdle(s.page);
      expect(await renderedIds(s.page, ['parcels-fill', 'label-dots']), typed).toEqual(expected);
    }

    await box.fill('');
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('21 / 21');
  });
});
