// End-to-end test of the page's path for many parcels: scripts/publish-data.mjs cuts the parcels into vector tiles
// (it does so on its own above a few thousand parcels; here `--tiles always` on the 11 gazette parcels), the map reads
// the tiles instead of parcels.geojson, the table comes from the index and the full records from their chunks.
// bench:map measures this path with 100 000 parcels; this test checks that it shows and does what the GeoJSON path does.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../../src/core/formats/geojson/checkGeoJSON.js';
import { buildPage, CHROMIUM_ARGS, drop, mapIdle, root, sampleDocument } from './harness.js';

const DATA = path.join(root, 'test-results', 'tiles-data');
const GAZETTE_PARCELS = 11;

let server: ChildProcess;
let origin = '';
let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

/** Distinct records drawn on these layers: tile features by their id (the record's position in the index). */
async function drawn(layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = (window as any).__jiezhi.map;
    const fs = map.queryRenderedFeatures({ layers: ls.filter((l: string) => map.getLayer(l)) });
    return [...new Set<string>(fs.map((f: any) => (f.source === 'parcels' ? `#${f.id}` : String(f.properties.id))))].sort();
  }, layers);
}

function indexOf(id: string): { position: number; label: [number, number] } {
  const index = JSON.parse(readFileSync(path.join(DATA, 'page/index.json'), 'utf8'));
  const position = index.columns.id.indexOf(id);
  return { position, label: [index.columns.label[2 * position], index.columns.label[2 * position + 1]] };
}

beforeAll(async () => {
  await buildPage();
  rmSync(DATA, { recursive: true, force: true });
  cpSync(path.join(root, 'public/data'), DATA, { recursive: true });
  execFileSync(process.execPath, ['scripts/publish-data.mjs', DATA, '--tiles', 'always'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--data', DATA], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  origin = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(origin);
  await page.evaluate(() => (window as any).__jiezhi.ready);
  await mapIdle(page);
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('the page with vector tiles of the parcels', () => {
  it('draws the 11 parcels from the tiles, as polygons or status dots, and lists all 21 records', async () => {
    const manifest = JSON.parse(readFileSync(path.join(DATA, 'manifest.json'), 'utf8'));
    expect(manifest.tiles?.url).toMatch(/\{z\}\/\{x\}\/\{y\}\.pbf$/);
    expect(await page.evaluate(() => (window as any).__jiezhi.map.getSource('parcels').type)).toBe('vector');
    expect(await drawn(['parcels-fill', 'parcel-dots'])).toHaveLength(GAZETTE_PARCELS);
    expect(await page.locator('[data-testid=count-parcel]').innerText()).toContain('11');
    expect(await page.locator('[data-testid=rows-shown]').innerText()).toContain('21 / 21');
    // The map never asks for parcels.geojson (the downloads' file); the table came from the index.
    expect(requests.some((u) => u.endsWith('/parcels.geojson'))).toBe(false);
    expect(requests.some((u) => u.endsWith('/page/index.json'))).toBe(true);
  });

  it('a click on a tiled parcel shows its full record; a table row selects its tile feature', async () => {
    const { label } = indexOf('吕政发〔2023〕15号');
    await page.evaluate((c) => (window as any).__jiezhi.map.jumpTo({ center: c, zoom: 17 }), label);
    await mapIdle(page);
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2023〕15号');
    expect(await page.locator('[data-testid=details-computed]').innerText()).toContain('51599.9316');
    expect(await page.locator('[data-testid=source-text]').first().innerText()).toContain('51599.96');

    await page.locator('.tr[data-id="吕政发〔2022〕12号"]').click();
    await expect.poll(() => page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2022〕12号');
    await mapIdle(page);
    expect(await drawn(['parcels-sel'])).toEqual([`#${indexOf('吕政发〔2022〕12号').position}`]);
    // The vertex markers come from the full record, at full precision, from zoom 17.
    expect(await page.evaluate(() => (window as any).__jiezhi.map.queryRenderedFeatures({ layers: ['vertex-points'] }).length)).toBeGreaterThan(0);
  });

  it('the table filters choose the tiled parcels the map draws', async () => {
    await page.click('[data-testid=zoom-all]');
    await page.locator('[data-testid=search]').fill('15号');
    await expect.poll(() => page.locator('[data-testid=rows-shown]').innerText()).toContain('5 / 21');
    await mapIdle(page);
    expect(await drawn(['parcels-fill', 'parcel-dots'])).toHaveLength(5);
    await page.locator('[data-testid=search]').fill('');
    await expect.poll(() => page.locator('[data-testid=rows-shown]').innerText()).toContain('21 / 21');
    await mapIdle(page);
    expect(await drawn(['parcels-fill', 'parcel-dots'])).toHaveLength(GAZETTE_PARCELS);
  });

  it('downloads come from the full records, and dropped files join the tiled parcels', async () => {
    await page.click('[data-testid=downloads]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=geojson-all]')]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const published = JSON.parse(readFileSync(path.join(DATA, 'parcels.geojson'), 'utf8'));
    expect(fc.features).toHaveLength(GAZETTE_PARCELS);
    expect(checkGeoJSON(fc)).toEqual([]);
    const byId = new Map(published.features.map((f: any) => [f.id, f]));
    for (const f of fc.features) expect(f.geometry).toEqual((byId.get(f.id) as any).geometry);

    // Renumbered: the published 吕政发〔2022〕12号 itself would merge into its record.
    await drop(page, [{ name: '吕政发2022-912号.txt', bytes: Buffer.from(sampleDocument().replace('吕政发〔2022〕12 号', '吕政发〔2022〕912 号'), 'utf8'), type: 'text/plain' }]);
    await expect.poll(() => page.locator('[data-testid=rows-shown]').innerText()).toContain('22 / 22');
    await mapIdle(page);
    expect((await drawn(['imported-fill'])).length).toBe(1);
  });

  it('makes no request outside localhost and logs no console error', () => {
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
