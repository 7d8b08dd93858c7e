// End-to-end: imported files are kept in the browser (IndexedDB) and imported again on reload, with the same record
// ids (a shared #sel= link finds them); they can be removed one by one or all; a link to an imported record that is
// no longer here says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drop, openPage, sampleDocument, type Session } from './harness.js';

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

const shown = () => s.page.locator('[data-testid=rows-shown]').innerText();
const storedNames = () => s.page.locator('[data-testid=stored-file] .name').allInnerTexts();
async function reload(url?: string): Promise<void> {
  // A link that differs only in its hash navigates within the page: the reload opens it afresh.
  if (url) await s.page.goto(url);
  await s.page.reload();
  await s.page.evaluate(() => (window as any).__jiezhi.ready);
}

// 吕政发〔2022〕12号 is published already: dropped as it is, it would merge into the published record. A renumbered
// copy is a new document, so that the import adds a row of its own.
const newDocument = () => Buffer.from(sampleDocument().replace('吕政发〔2022〕12 号', '吕政发〔2022〕912 号'), 'utf8');

describe('imports survive a reload', () => {
  let link = '';

  it('a dropped file is imported again after a reload, with the same ids', async () => {
    await drop(s.page, [{ name: '吕政发2022-12号.txt', bytes: newDocument(), type: 'text/plain' }]);
    await expect.poll(shown).toContain('22 / 22');
    await expect.poll(storedNames).toEqual(['吕政发2022-12号.txt']);

    await s.page.locator('[data-testid=search]').fill('2022-912');
    const row = s.page.locator('.tr').filter({ has: s.page.locator('.tag', { hasText: '导入' }) }).first();
    const id = (await row.getAttribute('data-id'))!;
    await row.click();
    await expect.poll(() => s.page.evaluate(() => decodeURIComponent(location.hash))).toContain(`sel=${id}`);
    link = s.page.url();
    expect(id.startsWith('导入')).toBe(true);

    await reload(link);
    await expect.poll(shown).toContain('22 / 22');
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕912号');
    expect(await s.page.locator(`.tr[data-id="${id}"]`).getAttribute('aria-selected')).toBe('true');
  });

  it('the same file dropped again is not kept twice; files are removed one by one', async () => {
    await s.page.locator('[data-testid=details-close]').click();
    await s.page.locator('[data-testid=details-toggle]').click();
    await s.page.locator('[data-testid=map]').click({ position: { x: 5, y: 300 } }); // nothing there: clears the selection
    await drop(s.page, [
      { name: '吕政发2022-12号.txt', bytes: newDocument(), type: 'text/plain' },
      { name: '另一份.txt', bytes: Buffer.from(sampleDocument().replace('吕政发〔2022〕12 号', '吕政发〔2022〕99 号'), 'utf8'), type: 'text/plain' },
    ]);
    await expect.poll(storedNames).toEqual(['吕政发2022-12号.txt', '另一份.txt']);

    await Promise.all([s.page.waitForEvent('load'), s.page.getByRole('button', { name: '移除 吕政发2022-12号.txt' }).click()]);
    await s.page.evaluate(() => (window as any).__jiezhi.ready);
    await expect.poll(storedNames).toEqual(['另一份.txt']);
    expect(await shown()).toContain('22 / 22');
  });

  it('a shared link to an imported record that is gone says so', async () => {
    await reload(link);
    const notice = s.page.locator('.msg').filter({ hasText: '不在本页' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain(decodeURIComponent(link).split('sel=')[1]!);
  });

  it('全部移除 forgets every kept file', async () => {
    await s.page.locator('[data-testid=map]').click({ position: { x: 5, y: 300 } });
    await Promise.all([s.page.waitForEvent('load'), s.page.locator('[data-testid=stored-clear]').click()]);
    await s.page.evaluate(() => (window as any).__jiezhi.ready);
    await expect.poll(shown).toContain('21 / 21');
    expect(await s.page.locator('[data-testid=stored-imports]').count()).toBe(0);
  });
});
