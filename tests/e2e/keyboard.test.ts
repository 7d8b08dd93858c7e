// End-to-end keyboard walk: the search box and the filters have names, Tab reaches the sort headers (which say how
// the table is sorted) and one table row, the arrow keys move along the rows and Enter selects; the downloads menu
// and the settings dialog keep the focus inside while open, move it with the arrow keys and close with Esc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Session } from './harness.js';

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

const focused = () => s.page.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  return { tag: e?.tagName.toLowerCase(), id: e?.getAttribute('data-id') ?? null, testid: e?.getAttribute('data-testid') ?? null, text: e?.innerText?.trim() ?? '', role: e?.getAttribute('role') ?? null };
});
const focusInside = (selector: string) => s.page.evaluate((sel) => !!document.querySelector(sel)?.contains(document.activeElement), selector);

async function tabUntil(test: () => Promise<boolean>, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await test()) return;
    await s.page.keyboard.press('Tab');
  }
  throw new Error('never reached with Tab');
}

describe('keyboard and screen readers', () => {
  it('the search box and the filters have labels', async () => {
    expect(await s.page.getByRole('searchbox', { name: '搜索记录' }).count()).toBe(1);
    expect(await s.page.getByRole('combobox', { name: '按核对状态筛选' }).count()).toBe(1);
    expect(await s.page.getByRole('combobox', { name: '按图层筛选' }).count()).toBe(1);
    expect(await s.page.getByRole('combobox', { name: '按公文筛选' }).count()).toBe(1);
  });

  it('Tab reaches the sort headers, which announce the order, and one row; arrows move; Enter selects', async () => {
    await s.page.locator('body').click({ position: { x: 5, y: 5 } });
    await tabUntil(async () => (await focused()).testid === 'search');
    await tabUntil(async () => (await focused()).text.startsWith('文号'));
    const docHeader = s.page.getByRole('columnheader', { name: '文号' });
    expect(await docHeader.getAttribute('aria-sort')).toBe('none');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => docHeader.getAttribute('aria-sort')).toBe('ascending');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => docHeader.getAttribute('aria-sort')).toBe('descending');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => docHeader.getAttribute('aria-sort')).toBe('none');

    // One row in the Tab order, the first one.
    const ids = await s.page.locator('.tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    await tabUntil(async () => (await focused()).role === 'row');
    expect((await focused()).id).toBe(ids[0]);
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('ArrowUp');
    expect((await focused()).id).toBe(ids[2]);
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe(ids[2]);
    expect(await s.page.locator(`.tr[data-id="${ids[2]}"]`).getAttribute('aria-selected')).toBe('true');
    await s.page.keyboard.press('End');
    const last = await s.page.locator('.tr').evaluateAll((rows) => rows.at(-1)!.getAttribute('data-id'));
    await expect.poll(async () => (await focused()).id).toBe(last);
    await s.page.keyboard.press('Home');
    await expect.poll(async () => (await focused()).id).toBe(ids[0]);
  });

  it('the downloads menu: focus inside while open, arrows move, Esc closes and gives the focus back', async () => {
    await s.page.locator('[data-testid=downloads]').focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => focusInside('[data-testid=downloads-menu]')).toBe(true);
    const first = await s.page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-download'));
    await s.page.keyboard.press('ArrowDown');
    const second = await s.page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-download'));
    expect(second).not.toBe(first);
    await s.page.keyboard.press('ArrowUp');
    expect(await s.page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('data-download'))).toBe(first);
    for (let i = 0; i < 30; i++) await s.page.keyboard.press('Tab');
    expect(await focusInside('[data-testid=downloads-menu]')).toBe(true);
    await s.page.keyboard.press('Shift+Tab');
    expect(await focusInside('[data-testid=downloads-menu]')).toBe(true);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.locator('[data-testid=downloads-menu]').count()).toBe(0);
    expect((await focused()).testid).toBe('downloads');
  });

  it('the settings dialog: focus inside while open, arrows move between its controls, Esc closes', async () => {
    const opener = s.page.getByRole('button', { name: '设置' });
    await opener.focus();
    await s.page.keyboard.press('Enter');
    const dialog = s.page.getByRole('dialog', { name: '设置' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => focusInside('[role=dialog]')).toBe(true);
    // The first control is the basemap switch; the arrow moves to the tile URL field.
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await s.page.keyboard.press('ArrowDown');
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('text');
    for (let i = 0; i < 12; i++) await s.page.keyboard.press('Tab');
    expect(await focusInside('[role=dialog]')).toBe(true);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await opener.evaluate((e) => e === document.activeElement)).toBe(true);
  });
});
