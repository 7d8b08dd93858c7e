// End-to-end: the download menu offers every format of the core's exportParcels for all parcels, the current
// filter and one parcel; each download of all 11 gazette parcels opens in an independent reader (GDAL's ogrinfo
// for Shapefile, KML and KMZ; the core for 国土 TXT; JSON and CSV parsers); writer errors reach the user; and a
// gazette printed to PDF (by Chromium, here) dropped on the page adds its parcels through pdfjs, with its CMaps
// served by the page itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeoJSON } from '../../src/core/formats/geojson/checkGeoJSON.js';
import { extract } from '../../src/core/extract.js';
import type { Parcel } from '../../src/core/model/types.js';
import { docxWithPointTable } from '../helpers.js';
import { SCREENSHOTS, drop, mapIdle, openPage, outsideRequests, renderedIds, root, sampleDocument, type Session } from './harness.js';

const GAZETTE_PARCELS = 11;
const FORMAT_IDS = ['geojson', 'shp-gk', 'shp-wgs84', 'kml', 'kmz', 'txt-utf8', 'txt-gbk', 'csv'];
const tmp = mkdtempSync(path.join(tmpdir(), 'jiezhi-e2e-exchange-'));
const published = JSON.parse(readFileSync(path.join(root, 'public/data/records.json'), 'utf8')) as { records: Parcel[] };
const drawn = published.records.filter((p) => p.lonLatRing);

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

async function download(id: string): Promise<{ file: string; name: string; bytes: Buffer }> {
  const page = s.page;
  if (!(await page.locator('[data-testid=downloads-menu]').isVisible().catch(() => false))) await page.click('[data-testid=downloads]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${id}"]`)]);
  const file = path.join(tmp, `${id}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

function ogrinfo(source: string): { count: number; srs: string | null; text: string } {
  const text = execFileSync('ogrinfo', ['-ro', '-so', '-al', source], { encoding: 'utf8' });
  const counts = [...text.matchAll(/^Feature Count: (\d+)$/gm)].map((m) => Number(m[1]));
  const ids = [...text.matchAll(/^ {4}ID\["EPSG",(\d+)\]\]$/gm)];
  return { count: counts.reduce((a, b) => a + b, 0), srs: ids.length ? `EPSG:${ids[ids.length - 1]![1]}` : null, text };
}

/** Every parcel's printed X/Y, by document number and index, for comparing a re-import with the published records. */
function coordinates(parcels: readonly Parcel[]): string[] {
  return parcels
    .filter((p) => p.lonLatRing)
    .map((p) => p.points.map((q) => `${q.x.toFixed(3)},${q.y.toFixed(3)}`).join(' '))
    .sort();
}

describe('downloads', () => {
  it('the menu offers every format for all parcels, the current filter and the selected parcel', async () => {
    await s.page.click('[data-testid=downloads]');
    const ids = await s.page.locator('[data-download]').evaluateAll((els) => els.map((e) => e.getAttribute('data-download')));
    expect(ids).toEqual(FORMAT_IDS.flatMap((f) => ['all', 'filtered', 'selected'].map((scope) => `${f}-${scope}`)));
    // Nothing is selected yet: the one-parcel column is disabled.
    expect(await s.page.locator('[data-download="shp-gk-selected"]').isDisabled()).toBe(true);
    const text = await s.page.locator('[data-testid=downloads-menu]').innerText();
    for (const label of ['GeoJSON', 'Shapefile', 'KML', 'KMZ', '国土 TXT', 'GBK', 'CSV', '全部', '当前筛选', '选中宗地']) expect(text).toContain(label);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'downloads-menu.png') });
  });

  it('GeoJSON of all parcels: 11 RFC 7946 features', async () => {
    const { bytes, name } = await download('geojson-all');
    expect(name).toBe('jiezhi-parcels.geojson');
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.features).toHaveLength(GAZETTE_PARCELS);
    expect(checkGeoJSON(fc)).toEqual([]);
  });

  it('Shapefile (GK): GDAL opens 11 polygons in EPSG:4525 with the Chinese attributes', async () => {
    const { file, name } = await download('shp-gk-all');
    expect(name).toMatch(/\.zip$/);
    const info = ogrinfo(`/vsizip/${file}`);
    expect(info.count).toBe(GAZETTE_PARCELS);
    expect(info.srs).toBe('EPSG:4525');
    const full = execFileSync('ogrinfo', ['-ro', '-al', `/vsizip/${file}`], { encoding: 'utf8' });
    expect(full).toContain('吕梁能源科创有限公司');
  });

  it('Shapefile (WGS84): GDAL opens 11 polygons in EPSG:4326', async () => {
    const { file } = await download('shp-wgs84-all');
    const info = ogrinfo(`/vsizip/${file}`);
    expect(info.count).toBe(GAZETTE_PARCELS);
    expect(info.srs).toBe('EPSG:4326');
  });

  it('KML and KMZ: 11 Placemarks, read by GDAL too', async () => {
    const kml = await download('kml-all');
    expect(kml.bytes.toString('utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(kml.bytes.toString('utf8').match(/<Placemark[ >]/g)).toHaveLength(GAZETTE_PARCELS);
    expect(ogrinfo(kml.file).count).toBe(GAZETTE_PARCELS);
    const kmz = await download('kmz-all');
    const entries = unzipSync(new Uint8Array(kmz.bytes));
    const doc = new TextDecoder().decode(entries['doc.kml']!);
    expect(doc.match(/<Placemark[ >]/g)).toHaveLength(GAZETTE_PARCELS);
    expect(ogrinfo(kmz.file).count).toBe(GAZETTE_PARCELS);
  });

  it('国土 TXT (UTF-8 and GBK) re-imported through the core gives the same coordinates', async () => {
    const expected = coordinates(drawn);
    for (const id of ['txt-utf8-all', 'txt-gbk-all']) {
      const { bytes, name } = await download(id);
      const again = extract([{ file: name, bytes: new Uint8Array(bytes) }]);
      expect(again.parcels.filter((p) => p.lonLatRing)).toHaveLength(GAZETTE_PARCELS);
      expect(coordinates(again.parcels)).toEqual(expected);
      if (id === 'txt-gbk-all') {
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
        expect(again.inputs[0]!.encoding).toBe('gb18030');
      }
    }
  });

  it('CSV of boundary points: the 点号 header and one row per point', async () => {
    const { bytes } = await download('csv-all');
    const lines = bytes.toString('utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('地块,点号,X,Y,经度,纬度');
    const points = drawn.reduce((n, p) => n + p.points.length + (p.extraRings ?? []).reduce((m, r) => m + r.points.length, 0), 0);
    expect(lines.length - 1).toBe(points);
    expect(lines.slice(1).every((l) => /^[^,]+,J\d+,\d+\.\d+,\d+\.\d+,\d+\.\d+,\d+\.\d+$/.test(l))).toBe(true);
  });

  it('the current filter and one parcel: only those parcels', async () => {
    await s.page.locator('[data-testid=search]').fill('15号');
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('5 / 21');
    const filtered = await download('shp-gk-filtered');
    expect(ogrinfo(`/vsizip/${filtered.file}`).count).toBe(5);
    await s.page.locator('[data-testid=search]').fill('');
    await s.page.locator('.tr[data-id="吕政发〔2023〕15号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('吕政发〔2023〕15号');
    const one = await download('kml-selected');
    expect(one.name).toBe('jiezhi-吕政发〔2023〕15号.kml');
    expect(one.bytes.toString('utf8').match(/<Placemark[ >]/g)).toHaveLength(1);
  });

  it("shows the writer's message when there is nothing to write", async () => {
    await s.page.locator('.tr.nogeom').first().click();
    await s.page.click('[data-testid=downloads]');
    await s.page.click('[data-download="shp-gk-selected"]');
    const alert = s.page.locator('[role=alert]', { hasText: '下载失败' });
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    expect(await alert.first().innerText()).toContain('没有可以写出的带坐标宗地');
    await alert.first().locator('button').click();
  });
});

describe('PDF and Word import', () => {
  it('a gazette document printed to PDF, dropped on the page, adds its parcel', async () => {
    const html = path.join(tmp, 'decision.html');
    // Renumbered: the published gazettes hold 吕政发〔2022〕12号 itself, which an import would merge into.
    const paragraphs = sampleDocument()
      .replace('吕政发〔2022〕12 号', '吕政发〔2022〕912 号')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>body{font:12pt "WenQuanYi Micro Hei"}p{margin:0;white-space:pre-wrap}</style>${paragraphs.join('')}`);
    const pdf = path.join(tmp, 'decision.pdf');
    execFileSync('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      `--user-data-dir=${path.join(tmp, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`,
    ], { stdio: 'ignore', timeout: 120_000 });

    const before = s.requests.length;
    await drop(s.page, [{ name: '吕政发2022-12号.pdf', bytes: readFileSync(pdf), type: 'application/pdf' }]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText(), { timeout: 30_000 }).toContain('22 / 22');
    await mapIdle(s.page);
    const imported = await renderedIds(s.page, ['imported-fill']);
    expect(imported).toEqual(['导入1/吕政发〔2022〕912号']);
    // pdfjs and its worker came from the page's own server, which also holds the CMaps and standard fonts (this
    // PDF embeds its fonts with a ToUnicode map, so pdfjs may not need them: they are checked directly).
    const fetched = s.requests.slice(before);
    expect(fetched.some((u) => /pdf\.worker/.test(u))).toBe(true);
    for (const asset of ['pdfjs/cmaps/UniGB-UCS2-H.bcmap', 'pdfjs/cmaps/Adobe-GB1-UCS2.bcmap', 'pdfjs/standard_fonts/FoxitFixed.pfb']) {
      expect((await s.page.request.get(`${s.origin}${asset}`)).status(), asset).toBe(200);
    }
    await s.page.locator('[data-testid=search]').fill('〔2022〕912号');
    await s.page.locator('.tr[data-id="导入1/吕政发〔2022〕912号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-stated]').innerText()).toContain('514.9');
    expect(await s.page.locator('[data-testid=details-computed]').innerText()).toContain('514.8901');
    const source = await s.page.locator('[data-testid=source-text]').first().innerText();
    expect(source).toContain('514.9');
  });

  it('a Word document with its points in a table, dropped on the page, adds its parcel', async () => {
    await s.page.locator('[data-testid=search]').fill('');
    await drop(s.page, [{ name: '吕政发2022-12号.docx', bytes: docxWithPointTable(sampleDocument().replace('吕政发〔2022〕12 号', '吕政发〔2022〕913 号')), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText(), { timeout: 30_000 }).toContain('23 / 23');
    await s.page.locator('[data-testid=search]').fill('〔2022〕913号');
    await s.page.locator('.tr[data-id="导入2/吕政发〔2022〕913号"]').click();
    await expect.poll(() => s.page.locator('[data-testid=details-stated]').innerText()).toContain('514.9');
    expect(await s.page.locator('[data-testid=details-computed]').innerText()).toContain('514.8901');
  });

  it('makes no request outside localhost and logs no console error', () => {
    expect(outsideRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
