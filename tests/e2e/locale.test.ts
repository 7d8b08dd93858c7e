// End-to-end: MapLibre's controls speak Chinese; a basemap the server's policy blocks is not asked for and the page
// says so in Chinese, with what to change and without the key; a failing basemap's error hides the key too; the
// settings dialog says so before a blocked basemap is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, openPage, outsideRequests, type Session } from './harness.js';

const KEY = 'SECRETKEY123';
const DOWN = 'http://127.0.0.1:9';
let s: Session;
beforeAll(async () => {
  // serve.mjs (started by openPage, with this environment) allows these origins beside its own; nothing listens on
  // port 9 of this machine, so tiles from there fail as from a server that is down (a 404 would be an empty tile).
  process.env.JIEZHI_BASEMAP_ORIGINS = `https://*.tianditu.gov.cn ${DOWN}`;
  s = await openPage();
});
afterAll(async () => {
  delete process.env.JIEZHI_BASEMAP_ORIGINS;
  await s?.close();
});

/** A page of its own whose saved basemap is `url` (enabled). */
async function withBasemap(url: string) {
  const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript((u) => localStorage.setItem('jiezhi.basemap', JSON.stringify({ url: u, attribution: '', enabled: true })), url);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(s.origin);
  await page.evaluate(() => (window as any).__jiezhi.ready);
  return { context, page, requests };
}

describe('Chinese everywhere', () => {
  it('MapLibre control labels, tooltips and the scale are Chinese', async () => {
    const zoomIn = s.page.locator('.maplibregl-ctrl-zoom-in');
    expect(await zoomIn.getAttribute('title')).toBe('放大');
    expect(await zoomIn.getAttribute('aria-label')).toBe('放大');
    expect(await s.page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('缩小');
    expect(await s.page.locator('.maplibregl-ctrl-attrib-button').getAttribute('title')).toBe('显示或隐藏版权信息');
    expect(await s.page.locator('.maplibregl-ctrl-scale').innerText()).toMatch(/^\d+\s(米|千米)$/);
  });

  it('a basemap the policy blocks is not requested; the notice says why and what to change, without the key', async () => {
    const { context, page, requests } = await withBasemap(`https://tiles.example.org/{z}/{x}/{y}.png?tk=${KEY}`);
    try {
      const notice = page.locator('.msg').filter({ hasText: '底图' });
      await expect.poll(() => notice.count()).toBe(1);
      const text = await notice.innerText();
      expect(text).toContain('安全策略');
      expect(text).toContain('https://tiles.example.org');
      expect(text).toContain('jiezhi.config.json');
      expect(text).toContain('JIEZHI_BASEMAP_ORIGINS');
      expect(text).not.toContain(KEY);
      expect(requests.filter((u) => u.includes('example.org'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a basemap whose tiles fail says so without printing the key', async () => {
    const { context, page } = await withBasemap(`${DOWN}/tiles/{z}/{x}/{y}.png?SERVICE=WMTS&tk=${KEY}`);
    try {
      await mapIdle(page);
      const notice = page.locator('.msg').filter({ hasText: '底图瓦片加载失败' });
      await expect.poll(() => notice.count()).toBe(1);
      const text = await notice.innerText();
      expect(text).not.toContain(KEY);
      expect(text).toContain('tk=***');
    } finally {
      await context.close();
    }
  });

  it('the settings dialog says a blocked basemap will be blocked before it is saved', async () => {
    await s.page.getByRole('button', { name: '设置' }).click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByLabel('显示栅格底图').check();
    const url = dialog.getByLabel('瓦片地址模板');
    await url.fill(`https://tiles.example.org/{z}/{x}/{y}.png?tk=${KEY}`);
    const warning = dialog.locator('[data-testid=basemap-warning]');
    await expect.poll(() => warning.innerText()).toContain('https://tiles.example.org');
    expect(await warning.innerText()).toContain('jiezhi.config.json');
    expect(await dialog.locator('[data-testid=basemap-save]').innerText()).toBe('仍然保存（底图会被拦截）');

    await url.fill(`https://t{0-7}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${KEY}`);
    await expect.poll(() => warning.count()).toBe(0);
    expect(await dialog.locator('[data-testid=basemap-save]').innerText()).toBe('保存');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(outsideRequests(s)).toEqual([]);
  });
});
