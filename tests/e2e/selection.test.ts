// End-to-end: the selected parcel stays visible at the zooms where it is a dot (a ring around it), and a shared
// link (#map=…&sel=…) shows the same boundary-point markers as clicking the parcel.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, openPage, renderedIds, type Session } from './harness.js';

const ID = '吕政发〔2022〕12号';
let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

async function vertexMarkers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as any).__jiezhi.map;
    const seen = map.queryRenderedFeatures({ layers: ['vertex-points'] }).map((f: any) => JSON.stringify([f.properties, f.geometry.coordinates]));
    return [...new Set<string>(seen)].sort();
  });
}

describe('the selection is visible', () => {
  it('a click and the shared link of the same view show the same boundary-point markers', async () => {
    const at = await s.page.evaluate((id) => (window as any).__jiezhi.map.querySourceFeatures('labels', { filter: ['==', ['get', 'id'], id] })[0]?.geometry.coordinates, ID);
    expect(at).toBeDefined();
    await s.page.evaluate((c) => (window as any).__jiezhi.map.jumpTo({ center: c, zoom: 17.5 }), at);
    await mapIdle(s.page);
    const box = (await s.page.locator('[data-testid=map]').boundingBox())!;
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe(ID);
    await mapIdle(s.page);
    const clicked = await vertexMarkers(s.page);
    expect(clicked.length).toBeGreaterThanOrEqual(11);

    const link = await s.page.evaluate(() => location.href);
    expect(decodeURIComponent(link)).toContain(`sel=${ID}`);
    const page = await s.context.newPage();
    try {
      await page.goto(link);
      await page.evaluate(() => (window as any).__jiezhi.ready);
      await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe(ID);
      await mapIdle(page);
      expect(await vertexMarkers(page)).toEqual(clicked);
    } finally {
      await page.close();
    }
  });

  it('zoomed out until the parcel is a dot, the selection is ringed', async () => {
    await s.page.evaluate(() => (window as any).__jiezhi.map.zoomTo(10, { duration: 0 }));
    await mapIdle(s.page);
    expect(await renderedIds(s.page, ['selection-halo'])).toEqual([ID]);
    // Another selection moves the ring; none removes it.
    await s.page.locator('.tr[data-id="吕政发〔2022〕13号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕13号');
    await s.page.evaluate(() => (window as any).__jiezhi.map.jumpTo({ zoom: 10 }));
    await mapIdle(s.page);
    expect(await renderedIds(s.page, ['selection-halo'])).toEqual(['吕政发〔2022〕13号']);
  });
});
