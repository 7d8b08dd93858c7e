// End-to-end tests of the map page in headless Chromium (Debian `chromium` driven by playwright-core, CJK font from
// fonts-wqy-microhei; both installed by scripts/ensure-system-deps.sh). The page is built with `vite build`, the
// gazettes extracted into public/data, and served by scripts/serve.mjs on a free localhost port.
// Screenshots for a person to look at are written to test-results/screenshots/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../../src/core/formats/geojson/checkGeoJSON.js';
import { buildPage, CHROMIUM_ARGS, root, sampleDocument, SCREENSHOTS } from './harness.js';

const GAZETTE_PARCELS = 11;

let server: ChildProcess;
let origin = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

async function startServer(): Promise<string> {
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    server.stderr!.on('data', (d) => (err += d));
    server.stdout!.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${err}`)));
  });
}

/** Waits for the map to finish rendering what it has (MapLibre's `idle`), never for a fixed time. */
async function mapIdle(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).__jiezhi.map;
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

async function renderedIds(layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = (window as any).__jiezhi.map;
    const ids = map.queryRenderedFeatures({ layers: ls }).map((f: any) => String(f.properties.id));
    return [...new Set<string>(ids)].sort();
  }, layers);
}

/** Centres the map on a feature's label point at a close zoom and clicks the middle of the map. */
async function clickFeature(id: string): Promise<void> {
  const coord = await page.evaluate((fid) => {
    const map = (window as any).__jiezhi.map;
    const f = map.querySourceFeatures('labels', { filter: ['==', ['get', 'id'], fid] })[0];
    return f ? (f.geometry.coordinates as [number, number]) : null;
  }, id);
  expect(coord, `label point of ${id}`).not.toBeNull();
  await page.evaluate((c) => (window as any).__jiezhi.map.jumpTo({ center: c, zoom: 17 }), coord);
  await mapIdle();
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function drop(name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, b64, type }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], name, { type }));
      return dt;
    },
    { name, b64: bytes.toString('base64'), type },
  );
  await page.dispatchEvent('[data-testid=map]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid=map]', 'drop', { dataTransfer });
}

beforeAll(async () => {
  // One build for all e2e files, which vitest runs in parallel (see harness.ts).
  await buildPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  origin = await startServer();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(origin);
  await page.evaluate(() => (window as any).__jiezhi.ready);
  await mapIdle();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('map page', () => {
  it('loads and renders the 11 gazette parcels, with labels, legend and table', async () => {
    // At the overview zoom a parcel under a pixel is drawn as its status dot (label-dots) instead of a polygon.
    const ids = await renderedIds(['parcels-fill', 'label-dots']);
    expect(ids).toHaveLength(GAZETTE_PARCELS);
    expect((await renderedIds(['parcels-fill'])).length).toBeGreaterThanOrEqual(GAZETTE_PARCELS - 2);
    expect(ids).toContain('吕政发〔2023〕15号');
    expect(await page.locator('[data-testid=count-parcel]').innerText()).toContain('11');
    expect(await page.locator('[data-testid=count-mining]').innerText()).toMatch(/0/);
    expect(await page.locator('[data-testid=rows-shown]').innerText()).toContain('21 / 21');
    // Records without coordinates are in the table, marked 无坐标 with their source.
    const noGeom = page.locator('.tr.nogeom').first();
    expect(await noGeom.innerText()).toContain('无坐标');
    expect(await noGeom.innerText()).toContain('data/gazettes/');
    // Chinese point labels are drawn without a glyph server.
    expect((await renderedIds(['labels'])).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-all-parcels.png') });
  });

  it('clicking a parcel shows its document number, stated and computed areas, and its source lines', async () => {
    await clickFeature('吕政发〔2023〕15号');
    await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2023〕15号');
    expect(await page.locator('[data-testid=details-stated]').innerText()).toContain('51599.96');
    expect(await page.locator('[data-testid=details-computed]').innerText()).toContain('51599.9316');
    const source = await page.locator('[data-testid=source-text]').first().innerText();
    expect(source).toContain('1550');
    expect(source).toContain('51599.96');
    expect(page.url()).toContain('sel=');
    // From zoom 17 the boundary points are marked J1…Jn.
    await mapIdle();
    expect((await renderedIds(['vertex-points'])).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'parcel-selected.png') });
  });

  it('clicking a table row selects the same parcel on the map', async () => {
    await page.locator('.tr[data-id="吕政发〔2022〕12号"]').click();
    await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕12号');
    await page.waitForFunction(() => !(window as any).__jiezhi.map.isMoving());
    await mapIdle();
    expect(await renderedIds(['parcels-sel'])).toEqual(['吕政发〔2022〕12号']);
    expect(await page.locator('.tr.selected').getAttribute('data-id')).toBe('吕政发〔2022〕12号');

    // The southern cluster (吕政发〔2022〕9号, 12号–15号, neighbours sharing boundaries) as polygons, for a person to look at.
    await page.evaluate(() => (window as any).__jiezhi.map.jumpTo({ center: [111.1378, 37.5169], zoom: 16.5 }));
    await mapIdle();
    expect((await renderedIds(['parcels-fill'])).length).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cluster-2022-selected.png') });
  });

  it('keeps view and selection in the URL hash, so a link reopens the same parcel', async () => {
    const link = page.url();
    expect(link).toMatch(/#map=[\d.]+\/[\d.]+\/[\d.]+&sel=/);
    const other = await context.newPage();
    other.on('console', (m) => m.type() === 'error' && consoleErrors.push(`second page: ${m.text()}`));
    await other.goto(link);
    await other.evaluate(() => (window as any).__jiezhi.ready);
    await expect.poll(() => other.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕12号');
    const zoom = await other.evaluate(() => (window as any).__jiezhi.map.getZoom());
    expect(zoom).toBeCloseTo(16.5, 1);
    await other.close();
  });

  it('downloads a GeoJSON of all parcels that parses and holds the 11 features with their properties', async () => {
    await page.click('[data-testid=downloads]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=geojson-all]')]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(GAZETTE_PARCELS);
    expect(checkGeoJSON(fc)).toEqual([]);
    const f = fc.features.find((x: any) => x.properties.doc === '吕政发〔2023〕15号');
    expect(f.properties).toMatchObject({ stated_area_m2: 51599.96, status: 'match', epsg: 4525, holder: '吕梁能源科创有限公司' });
    expect(f.properties.computed_area_m2).toBeCloseTo(51599.9316, 3);
  });

  it('dropping a gazette text file adds its parcels to the map and the table, marked as imported', async () => {
    // A document the published gazettes do not hold (the same one, renumbered): an already loaded one would merge.
    await drop('吕政发2022-912号.txt', Buffer.from(sampleDocument().replace('吕政发〔2022〕12 号', '吕政发〔2022〕912 号'), 'utf8'), 'text/plain');
    await expect.poll(() => page.locator('[data-testid=rows-shown]').innerText()).toContain('22 / 22');
    await page.waitForFunction(() => !(window as any).__jiezhi.map.isMoving());
    await mapIdle();
    const imported = await renderedIds(['imported-fill']);
    expect(imported).toHaveLength(1);
    expect(imported[0]).toContain('吕政发〔2022〕912号');
    const row = page.locator('.tr', { hasText: '导入' });
    expect(await row.count()).toBeGreaterThan(0);
  });

  it('dropping a binary file shows an error and leaves the page working', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);
    await drop('photo.png', binary, 'image/png');
    const alert = page.locator('[role=alert]');
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    expect(await alert.first().innerText()).toContain('不是文本');
    expect(await page.locator('[data-testid=rows-shown]').innerText()).toContain('22 / 22');
    // Still working: filter, select, zoom to all.
    await page.locator('[data-testid=search]').fill('15号');
    await expect.poll(() => page.locator('[data-testid=rows-shown]').innerText()).toContain('5 / 22');
    await page.locator('[data-testid=search]').fill('');
    await page.locator('.tr[data-id="吕政发〔2022〕9号"]').click();
    await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕9号');
    await page.click('[data-testid=zoom-all]');
    await page.waitForFunction(() => !(window as any).__jiezhi.map.isMoving());
    await mapIdle();
    const drawn = await renderedIds(['parcels-fill', 'label-dots']);
    expect(drawn.filter((id) => !id.startsWith('导入'))).toHaveLength(GAZETTE_PARCELS);
  });

  it('makes no request outside localhost and logs no console error', () => {
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(consoleErrors).toEqual([]);
  });
});
