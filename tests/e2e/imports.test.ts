// End-to-end: imports that say what happened. One notice per file with what was read and what to do next; the
// same content or the same document is not added twice; a 国土 TXT block is named by its 地块名称 and 地块编号
// and no internal code reaches the screen; a 国土 TXT imported as 规划地块 is a planning-block layer, and the
// notice says which role was chosen and why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drop, mapIdle, openPage, renderedProps, root, sampleDocument, type Session } from './harness.js';

const DIR = path.join(root, 'tests/fixtures/synthetic');
const fixture = (name: string) => readFileSync(path.join(DIR, name));

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

const rowsShown = () => s.page.locator('[data-testid=rows-shown]').innerText();
/** The notices about one file. */
const noticesOf = (file: string) => s.page.locator('.msg', { hasText: file }).allInnerTexts();
/** The table shows only the rows in view: a search brings the wanted ones to the top. */
const search = (q: string) => s.page.locator('[data-testid=search]').fill(q);
const dismissAll = () => s.page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.msg .x').forEach((b) => b.click()));

/** The four boundary-point lines of 吕政发〔2022〕12号, saved without the document around them. */
function pointsOnly(): string {
  return sampleDocument()
    .split('\n')
    .filter((l) => /^X\d+＝/.test(l.trim()))
    .slice(0, 4)
    .join('\n');
}

describe('imports that explain themselves', () => {
  it('says in one notice per file what was read: points without a document number, and an empty file', async () => {
    await drop(s.page, [
      { name: '界址点.txt', bytes: Buffer.from(pointsOnly(), 'utf8'), type: 'text/plain' },
      { name: '空白.txt', bytes: Buffer.alloc(0), type: 'text/plain' },
    ]);
    await expect.poll(() => noticesOf('界址点.txt').then((n) => n.length)).toBe(1);
    const [points] = await noticesOf('界址点.txt');
    expect(points).toContain('读到 4 个界址点，组成 1 宗地；未找到文号，已用文件名标识');
    // A problem is placed by its line.
    expect(points).toMatch(/第 \d+ 行/);
    expect(await noticesOf('空白.txt')).toEqual([expect.stringContaining('文件是空的')]);
    await expect.poll(rowsShown).toContain('22 / 22');
    await dismissAll();
  });

  it('merges a document already loaded into its record, and recognises the same file under another name', async () => {
    // 吕政发〔2022〕12号 is in the published gazettes: the saved document is the same record, now with two sources.
    await drop(s.page, [{ name: '吕政发2022-12号.txt', bytes: Buffer.from(sampleDocument(), 'utf8'), type: 'text/plain' }]);
    await expect.poll(() => noticesOf('吕政发2022-12号.txt').then((n) => n.join())).toContain('合并为一条记录');
    expect(await rowsShown()).toContain('22 / 22');
    await s.page.locator('.tr[data-id="吕政发〔2022〕12号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=source-text]').count()).toBe(2);
    await drop(s.page, [{ name: '副本.txt', bytes: Buffer.from(sampleDocument(), 'utf8'), type: 'text/plain' }]);
    await expect.poll(() => noticesOf('副本.txt').then((n) => n.join())).toContain('与已导入的“吕政发2022-12号.txt”内容完全相同，未重复导入');
    expect(await rowsShown()).toContain('22 / 22');
    await dismissAll();
  });
});

describe('names a planner recognises', () => {
  it('lists a 国土 TXT block by its 地块名称 and 地块编号, in Chinese, without empty attribute rows', async () => {
    await drop(s.page, [{ name: 'synthetic-parcels.txt', bytes: fixture('synthetic-parcels.txt'), type: 'text/plain' }]);
    await expect.poll(rowsShown).toContain('25 / 25');
    await search('合成示例宗地一');
    const row = s.page.locator('.tr', { hasText: '合成示例宗地一（SYN-P1）' });
    expect(await row.count()).toBe(1);
    await row.click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('合成示例宗地一（SYN-P1）');
    const attrs = s.page.locator('table.attrs tr');
    const cells = await attrs.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()]));
    expect(cells.length).toBeGreaterThan(5);
    for (const [, value] of cells) expect(value).not.toBe('');
    const text = cells.map(([k, v]) => `${k} ${v}`).join('\n');
    expect(text).toContain('坐标文件');
    expect(text).not.toMatch(/coordinate-file|take-back|\bexact\b/);
    await search('');
    await dismissAll();
  });

  it('shows the parcel number of a multi-parcel document in full in the 文号 column', async () => {
    await s.page.locator('[data-testid=search]').fill('15号');
    const cell = s.page.locator('.tr[data-id="吕政发〔2022〕15号#3"] [data-testid=row-doc]');
    await expect.poll(() => cell.count()).toBe(1);
    const { suffix, inside } = await cell.evaluate((el) => {
      const n = el.querySelector('.doc-n');
      const a = el.getBoundingClientRect();
      const b = n?.getBoundingClientRect();
      return { suffix: n?.textContent ?? '', inside: !!b && b.width > 0 && b.right <= a.right + 0.5 && b.left >= a.left };
    });
    expect(suffix).toBe('（3）');
    expect(inside).toBe(true);
    await s.page.locator('[data-testid=search]').fill('');
  });

  it('shows a mining zone with its computed area in the table and the details header', async () => {
    await drop(s.page, [{ name: 'synthetic-mining-zone.txt', bytes: fixture('synthetic-mining-zone.txt'), type: 'text/plain' }]);
    await search('锦瑞');
    const row = s.page.locator('.tr', { hasText: '锦瑞煤业' });
    await expect.poll(() => row.count()).toBe(1);
    // 300 m × 400 m = 120 000 m², in the computed column (the stated one is empty).
    expect(await row.innerText()).toMatch(/120[\s,，\u202f\u2009]?000/);
    await row.click();
    await expect.poll(() => s.page.locator('[data-testid=details-computed]').innerText()).toMatch(/120[\s,，\u202f\u2009]?000/);
    await search('');
    await dismissAll();
  });
});

describe('import a layer as what it is', () => {
  it('says why a file was taken as planning blocks', async () => {
    await drop(s.page, [{ name: 'synthetic-planning-block.txt', bytes: fixture('synthetic-planning-block.txt'), type: 'text/plain' }]);
    await expect.poll(() => s.page.locator('.msg').allInnerTexts().then((n) => n.join('\n'))).toContain('作为规划地块导入：地块编号是控规地块编号（如 HZ-21-07）');
    await dismissAll();
  });

  it('a 国土 TXT imported as 规划地块 becomes a planning-block layer named by its 地块编号 and 地块名称', async () => {
    await s.page.selectOption('[data-testid=import-mode]', 'planning');
    // Another copy of the parcels file (one more line at the end): the same bytes would be recognised as imported.
    const bytes = Buffer.concat([fixture('synthetic-parcels.txt'), Buffer.from('\n')]);
    await drop(s.page, [{ name: '控规地块.txt', bytes, type: 'text/plain' }]);
    await expect.poll(() => s.page.locator('.msg').allInnerTexts().then((n) => n.join('\n'))).toContain('按“导入为”的选择作为规划地块导入');
    await search('合成示例宗地一');
    const row = s.page.locator('.tr', { hasText: '合成示例宗地一（SYN-P1）' }).filter({ hasText: '规划地块' });
    await expect.poll(() => row.count()).toBe(1);
    await search('');
    await s.page.evaluate(() => (window as any).__jiezhi.map.fitBounds([111.135, 37.598, 111.165, 37.622], { padding: 40, animate: false }));
    await mapIdle(s.page);
    const codes = (await renderedProps(s.page, 'planning-fill', ['code'])).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['SYN-P1', 'SYN-P2']));
    await s.page.selectOption('[data-testid=import-mode]', 'auto');
  });
});
