// End-to-end: hostile strings in a dropped gazette and GeoJSON stay text in the table, the details, the
// map labels and the KML; the page is served with a Content-Security-Policy; a parcel with a mistyped coordinate
// shows ranked suggestions (never a silent correction); neighbours, shared vertices and gaps appear in the
// details and gaps are marked on the map.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, clickAt, drop, mapIdle, openPage, outsideRequests, renderedIds, renderedProps, sampleDocument, type Session } from './harness.js';

const IMG = '<img src=x onerror="window.__pwned=1">';
const JS = 'javascript:alert(1)';

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

async function noInjectedElements(): Promise<void> {
  const found = await s.page.evaluate(() => ({
    pwned: (window as any).__pwned,
    imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => /^javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(found).toEqual({ pwned: undefined, imgs: 0, links: 0 });
}

describe('hostile strings', () => {
  it('the page is served with a Content-Security-Policy', () => {
    const csp = s.documentHeaders['content-security-policy'];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('a gazette whose holder and location carry markup and a javascript: link shows them as text', async () => {
    // Renumbered: with the published document's number and points it would merge into that record.
    const text = sampleDocument()
      .replace('吕政发〔2022〕12 号', '吕政发〔2022〕912 号')
      .replace('离石区城镇集体联合社', `${IMG}集体联合社`)
      .replace('区永宁中路98号', `区${JS}中路98号`);
    expect(text).toContain(IMG);
    await drop(s.page, [{ name: 'hostile.txt', bytes: Buffer.from(text, 'utf8'), type: 'text/plain' }]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('22 / 22');

    // Table.
    await s.page.locator('[data-testid=search]').fill('javascript');
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('1 / 22');
    const row = s.page.locator('.tr').filter({ hasText: '集体联合社' }).first();
    expect(await row.innerText()).toContain(`${IMG}集体联合社`);
    expect(await row.innerText()).toContain(JS);
    await noInjectedElements();

    // Details: attributes and the source lines.
    await row.click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕912号');
    const details = await s.page.locator('.details').innerText();
    expect(details).toContain(`${IMG}集体联合社`);
    expect(details).toContain(`区${JS}中路98号`);
    expect(await s.page.locator('[data-testid=source-text]').first().innerText()).toContain(`区${JS}中路98号`);
    await noInjectedElements();

    // The KML of that parcel keeps them as escaped text.
    await s.page.click('[data-testid=downloads]');
    const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-download="kml-selected"]')]);
    const kml = readFileSync((await dl.path())!, 'utf8');
    expect(kml).not.toContain('<img');
    expect(kml).toMatch(/(&lt;|&#60;)img src=x onerror=(&quot;|&#34;)window\.__pwned=1/);
    await s.page.locator('[data-testid=search]').fill('');
  });

  it('a GeoJSON whose document number is markup is labelled on the map with the literal text', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { doc: IMG, holder: JS, location: `<a href="${JS}">点我</a>` },
          geometry: { type: 'Polygon', coordinates: [[[111.2, 37.55], [111.201, 37.55], [111.201, 37.5508], [111.2, 37.5508], [111.2, 37.55]]] },
        },
      ],
    };
    await drop(s.page, [{ name: 'hostile.geojson', bytes: Buffer.from(JSON.stringify(geojson), 'utf8'), type: 'application/geo+json' }]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('23 / 23');
    await clickAt(s.page, [111.2005, 37.5504], 17);
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe(IMG);
    const labels = await renderedProps(s.page, 'labels', ['label']);
    expect(labels.map((l) => l.label)).toContain(IMG);
    expect(await s.page.locator('.details').innerText()).toContain(`<a href="${JS}">点我</a>`);
    await noInjectedElements();
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-strings.png') });
  });
});

describe('diagnoses and topology', () => {
  it('a mistyped coordinate gives ranked suggestions with the point and the corrected value', async () => {
    const text = sampleDocument().replace('X2＝4153897.647', 'X2＝4153997.647');
    await drop(s.page, [{ name: 'digit-error.txt', bytes: Buffer.from(text, 'utf8'), type: 'text/plain' }]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('24 / 24');
    await s.page.locator('[data-testid=filter-status]').selectOption('mismatch');
    await s.page.locator('.tr').first().click();
    const suggestions = s.page.locator('[data-testid=suggestions] li');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    const first = await suggestions.first().innerText();
    expect(first).toContain('4153997.647 → 4153897.647');
    expect(first).toContain('可使面积相符');
    expect(await s.page.locator('.details').innerText()).toContain('建议核对');
    // Suggestions only: the parcel keeps the printed value.
    expect(await s.page.locator('.details .vertices').innerText()).toContain('J2\t4153997.647');
    await s.page.locator('[data-testid=filter-status]').selectOption('');
  });

  it('neighbours show their shared vertices and gaps, and gaps are marked on the map', async () => {
    await s.page.locator('[data-testid=search]').fill('〔2022〕9号');
    await s.page.locator('.tr[data-id="吕政发〔2022〕9号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕9号');
    const neighbours = await s.page.locator('[data-testid=neighbours] li').allInnerTexts();
    const with15 = neighbours.find((n) => n.includes('吕政发〔2022〕15号（2）'));
    expect(with15).toMatch(/共用界址点 14 个/);
    expect(with15).toMatch(/缝隙 0\.570 m（吕政发〔2022〕9号 J20）/);
    await s.page.locator('[data-testid=search]').fill('');
    await s.page.evaluate(() => (window as any).__jiezhi.map.jumpTo({ center: [111.1378, 37.5169], zoom: 16.5 }));
    await mapIdle(s.page);
    const markers = await renderedProps(s.page, 'topology-gap', ['kind', 'label']);
    expect(markers.length).toBeGreaterThanOrEqual(1);
    expect((await renderedIds(s.page, ['topology-gap'])).length).toBeGreaterThanOrEqual(1);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'topology-gaps.png') });
  });

  it('makes no request outside localhost and logs no console error', () => {
    expect(outsideRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
