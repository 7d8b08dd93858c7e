// End-to-end: the page at the window sizes planners use (1280×720 and 1366×768 laptops, a 1920×1080 screen, an
// 800 px wide half-screen window). With a parcel's details open, no text of the page is covered by another element
// and nothing is wider than the window; the details panel closes and opens again. Screenshots per size go to
// test-results/screenshots/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, mapIdle, openPage, type Session } from './harness.js';

const SIZES: [number, number][] = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [800, 600],
];

interface Covered {
  text: string;
  element: string;
  by: string;
}

/**
 * Every element with a visible text node: the centre of the text's visible part (clipped by its element and its
 * scroll containers) must hit-test to the element or one of its children. Texts scrolled out of their scroll
 * container are skipped, then a sample of them is scrolled into view and tested too. Hit-testing ignores
 * `pointer-events: none` for the check, so an overlay that lets clicks through still counts as covering.
 */
async function coveredTexts(page: Page): Promise<{ covered: Covered[]; checked: number; scrolledIn: number }> {
  const style = await page.addStyleTag({ content: '* { pointer-events: auto !important; }' });
  try {
    return await page.evaluate(() => {
      const describe = (e: Element | null) => (e ? `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}` : 'nothing');
      const clips = (e: Element) => /auto|scroll|hidden|clip/.test(`${getComputedStyle(e).overflowX} ${getComputedStyle(e).overflowY}`);
      /** The visible part of a text node, or null when its scroll containers clip all of it. */
      const visiblePart = (node: Text, el: Element): DOMRect | null => {
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return null;
        let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
        for (let p: Element | null = el; p && p !== document.documentElement; p = p.parentElement) {
          if (!clips(p)) continue;
          const b = p.getBoundingClientRect();
          [left, top, right, bottom] = [Math.max(left, b.left), Math.max(top, b.top), Math.min(right, b.right), Math.min(bottom, b.bottom)];
        }
        [left, top, right, bottom] = [Math.max(left, 0), Math.max(top, 0), Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
        // A sliver of a few pixels at a scroll container's edge is not a readable text: it counts as scrolled out.
        return right - left >= 4 && bottom - top >= 4 ? new DOMRect(left, top, right - left, bottom - top) : null;
      };
      const test = (node: Text, el: Element): Covered | null | 'hidden' => {
        const part = visiblePart(node, el);
        if (!part) return 'hidden';
        const hit = document.elementFromPoint(part.x + part.width / 2, part.y + part.height / 2);
        return hit && (hit === el || el.contains(hit)) ? null : { text: node.textContent!.trim().slice(0, 40), element: describe(el), by: describe(hit)};
      };
      const texts: [Text, Element][] = [];
      const seen = new Set<Element>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const el = n.parentElement;
        if (!el || !n.textContent!.trim() || seen.has(el)) continue;
        const s = getComputedStyle(el);
        if (s.visibility !== 'visible' || Number(s.opacity) === 0 || el.closest('option, script, style, datalist, [hidden]')) continue;
        seen.add(el);
        texts.push([n, el]);
      }
      const covered: Covered[] = [];
      const outOfView: [Text, Element][] = [];
      let checked = 0;
      for (const [n, el] of texts) {
        const r = test(n, el);
        if (r === 'hidden') {
          // Scrolled out of a scroll container (or display: none above it): tested below once scrolled in, for a sample.
          if (el.getClientRects().length) outOfView.push([n, el]);
          continue;
        }
        checked++;
        if (r) covered.push(r);
      }
      let scrolledIn = 0;
      const step = Math.max(1, Math.floor(outOfView.length / 12));
      for (let i = 0; i < outOfView.length; i += step) {
        const [n, el] = outOfView[i]!;
        if (!el.isConnected) continue;
        // Its own scroll container only: scrollIntoView would scroll the (overflow: hidden) document too.
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (!/auto|scroll/.test(getComputedStyle(p).overflowY) || p.scrollHeight <= p.clientHeight) continue;
          const [er, pr] = [el.getBoundingClientRect(), p.getBoundingClientRect()];
          p.scrollTop += er.top - pr.top - (p.clientHeight - er.height) / 2;
          break;
        }
        const r = test(n, el);
        if (r === 'hidden') continue;
        scrolledIn++;
        if (r) covered.push(r);
      }
      return { covered, checked, scrolledIn };
    });
  } finally {
    await style.evaluate((e) => (e as Element).remove());
  }
}

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

describe('layout at the window sizes planners use', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: with a parcel's details open no text is covered and nothing is wider than the window`, async () => {
      const context = await s.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        await page.goto(s.origin);
        await page.evaluate(() => (window as any).__jiezhi.ready);
        await mapIdle(page);

        // A parcel with coordinates, chosen in the table as a planner would.
        const row = page.locator('.tr:not(.nogeom)').first();
        const doc = (await row.locator('.c-doc').innerText()).trim();
        await row.click();
        await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe(doc);
        await mapIdle(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, `layout-${width}x${height}.png`) });

        const result = await coveredTexts(page);
        expect(result.checked).toBeGreaterThan(40);
        expect(result.scrolledIn).toBeGreaterThan(0);
        expect(result.covered, `${result.covered.length} of ${result.checked + result.scrolledIn} texts covered`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        // The details panel closes (the map and the table stay, uncovered) and opens again on the same parcel.
        await page.locator('[data-testid=details-close]').click();
        await expect.poll(() => page.locator('[data-testid=details-doc]').count()).toBe(0);
        await expect.poll(() => page.locator('.tr').first().isVisible()).toBe(true);
        expect((await coveredTexts(page)).covered).toEqual([]);
        await page.screenshot({ path: path.join(SCREENSHOTS, `layout-${width}x${height}-closed.png`) });
        await page.locator('[data-testid=details-toggle]').click();
        await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe(doc);
      } finally {
        await context.close();
      }
    });
  }
});
