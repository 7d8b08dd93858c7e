// End-to-end: the planner's layers dropped on the page (the synthetic ones of tests/fixtures/synthetic: GeoJSON,
// 国土 TXT and mining-right TXT, invented geometry named as such) are told apart from parcels by their content,
// joined to the blocks and mines the gazettes name, drawn with their status colours and counted in the legend;
// a block shows its approvals and the parcels inside it, a mining zone each retention criterion with the value
// used and the policy's own line; the references still without geometry are listed with their documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_STATUS_COLOURS } from '../../src/app/state/model.js';
import { SCREENSHOTS, drop, mapIdle, openPage, outsideRequests, renderedProps, root, type Session } from './harness.js';

const DIR = path.join(root, 'tests/fixtures/synthetic');
const file = (name: string) => ({ name, bytes: readFileSync(path.join(DIR, name)), type: 'text/plain' });

let s: Session;
beforeAll(async () => {
  s = await openPage();
});
afterAll(async () => {
  await s?.close();
});

/** The colour MapLibre evaluated for a rendered feature's fill, as #rrggbb. */
async function fillColours(page: Page, layer: string, key: string): Promise<Record<string, string>> {
  return page.evaluate(
    ({ layer, key }) => {
      const map = (window as any).__jiezhi.map;
      const out: Record<string, string> = {};
      for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
        const c = f.layer.paint['fill-color'];
        const hex = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
        out[String(f.properties[key])] = typeof c === 'string' ? c : `#${hex(c.r / (c.a || 1))}${hex(c.g / (c.a || 1))}${hex(c.b / (c.a || 1))}`;
      }
      return out;
    },
    { layer, key },
  );
}

/** Frames the synthetic layers (about 111.14–111.16°E, 37.60–37.62°N; see tests/fixtures/synthetic/README.md). */
async function frameLayers(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).__jiezhi.map.fitBounds([111.135, 37.598, 111.165, 37.622], { padding: 40, animate: false }));
  await mapIdle(page);
}

/** Clicks the map inside a feature's bounding box where the top-most clickable feature is that one. */
async function clickFeatureOn(page: Page, layer: string, id: string): Promise<void> {
  await frameLayers(page);
  const bbox = await page.evaluate(
    ({ layer, id }) => {
      const map = (window as any).__jiezhi.map;
      const f = map.querySourceFeatures(layer.replace(/-fill$/, ''), { filter: ['==', ['get', 'id'], id] })[0];
      const pts = (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flat();
      const xs = pts.map((p: number[]) => p[0]);
      const ys = pts.map((p: number[]) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    },
    { layer, id },
  );
  await page.evaluate((b) => (window as any).__jiezhi.map.fitBounds(b, { padding: 120, animate: false }), bbox);
  await mapIdle(page);
  const point = await page.evaluate(
    ({ b, layer, id }) => {
      const map = (window as any).__jiezhi.map;
      const clickable = ['parcels-fill', 'imported-fill', 'mining-fill', 'planning-fill', 'label-dots'];
      for (const [fx, fy] of [[0.5, 0.5], [0.15, 0.15], [0.85, 0.15], [0.15, 0.85], [0.85, 0.85], [0.5, 0.15], [0.5, 0.85]]) {
        const p = map.project([b[0] + (b[2] - b[0]) * fx, b[1] + (b[3] - b[1]) * fy]);
        const hit = map.queryRenderedFeatures(p, { layers: clickable })[0];
        if (hit && hit.layer.id === layer && hit.properties.id === id) return [p.x, p.y];
      }
      return null;
    },
    { b: bbox, layer, id },
  );
  expect(point, `a point where ${id} is on top`).not.toBeNull();
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  await page.mouse.click(box.x + point![0]!, box.y + point![1]!);
}

describe('planning and mining layers', () => {
  it('before any layer: the gazettes’ block codes and mines are listed as still to be located', async () => {
    const panel = s.page.locator('[data-testid=unlocated]');
    await expect.poll(() => panel.count()).toBe(1);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('规划地块编号（30）');
    expect(text).toContain('BF-09-03');
    expect(text).toContain('矿山（28）');
    expect(text).toContain('吕梁离石永聚煤业有限公司');
    expect(await s.page.locator('[data-testid=count-planning]').innerText()).toContain('30 个无坐标');
  });

  it('dropping synthetic parcels and then the four synthetic layer files renders both layers with their status colours', async () => {
    await drop(s.page, [file('synthetic-parcels.txt')]);
    await expect.poll(() => s.page.locator('[data-testid=rows-shown]').innerText()).toContain('24 / 24');
    await drop(s.page, ['synthetic-planning-blocks.geojson', 'synthetic-planning-block.txt', 'synthetic-mining-zones.geojson', 'synthetic-mining-zone.txt'].map(file));
    await expect.poll(() => s.page.locator('[data-testid=count-planning]').innerText()).toMatch(/^5/);
    const notes = await s.page.locator('.msg').allInnerTexts();
    expect(notes.join('\n')).toContain('规划地块 5 个，4 个与公报地块编号对应，1 个公报未提及（QQ-99-01）');
    expect(notes.join('\n')).toMatch(/矿区 6 个：.*1 个未在公报中出现（合成示例石料厂）/);
    expect(await s.page.locator('[data-testid=count-mining]').innerText()).toMatch(/^6/);
    expect(await s.page.locator('[data-testid=rows-shown]').innerText()).toContain('35 / 35');

    await frameLayers(s.page);
    const blocks = await renderedProps(s.page, 'planning-fill', ['id', 'code', 'status']);
    const zones = await renderedProps(s.page, 'mining-fill', ['id', 'name', 'outcome']);
    expect(blocks.map((b) => b.code).sort()).toEqual(['BF-09-03', 'HZ-21-07', 'JR-05-06', 'QQ-99-01', 'XC-79']);
    expect(zones).toHaveLength(6);
    const status = Object.fromEntries(blocks.map((b) => [b.code, b.status]));
    expect(status).toMatchObject({ 'BF-09-03': 'approved', 'JR-05-06': 'approved', 'HZ-21-07': 'approved', 'QQ-99-01': 'unreferenced' });
    const outcome = Object.fromEntries(zones.map((z) => [z.name, z.outcome]));
    expect(outcome).toMatchObject({ 山西吕梁离石永聚煤业有限公司: 'retain', 东江煤业: 'consolidate', 新升凯建材: 'unknown', 晋邦德煤矿: 'unknown' });

    // Colours as MapLibre evaluated them for each drawn feature.
    const blockColours = await fillColours(s.page, 'planning-fill', 'code');
    for (const b of blocks) expect(blockColours[String(b.code)], String(b.code)).toBe(LAYER_STATUS_COLOURS[String(b.status)]);
    const zoneColours = await fillColours(s.page, 'mining-fill', 'name');
    for (const z of zones) expect(zoneColours[String(z.name)], String(z.name)).toBe(LAYER_STATUS_COLOURS[String(z.outcome)]);

    // Legend: counts by status under each layer; labels with codes and names.
    const legend = await s.page.locator('[data-testid=legend-mining]').innerText();
    const count = (o: string) => zones.filter((z) => z.outcome === o).length;
    expect(legend).toMatch(new RegExp(`单独保留\\s*${count('retain')}\\s*整合\\s*${count('consolidate')}\\s*待定（条件不全）\\s*${count('unknown')}`));
    expect(await s.page.locator('[data-testid=legend-planning]').innerText()).toMatch(/公报未提及\s*1/);
    const labels = await renderedProps(s.page, 'labels', ['label', 'layer']);
    // Labels carry the block code (after its 地块名称 for a 国土 TXT block) or the mine name (MapLibre hides those that would collide).
    const planningLabels = labels.filter((l) => l.layer === 'planning').map((l) => String(l.label));
    const miningLabels = labels.filter((l) => l.layer === 'mining').map((l) => String(l.label));
    expect(planningLabels.length).toBeGreaterThanOrEqual(3);
    expect(planningLabels.every((l) => blocks.some((b) => b.code === l || l.endsWith(`（${b.code}）`) || l === 'BF－09－03'))).toBe(true);
    expect(miningLabels.length).toBeGreaterThanOrEqual(3);
    expect(miningLabels.every((l) => zones.some((z) => z.name === l))).toBe(true);
    // For a person to look at: the messages dismissed, both layers framed.
    await s.page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.msg .x').forEach((b) => b.click()));
    await frameLayers(s.page);
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'layers-synthetic.png') });
  });

  it('clicking a planning block shows its approvals and the parcels inside it', async () => {
    const id = '导入2/synthetic-planning-blocks.geojson#1'; // BF－09－03
    await clickFeatureOn(s.page, 'planning-fill', id);
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('BF-09-03');
    const approvals = await s.page.locator('[data-testid=approvals] li').allInnerTexts();
    expect(approvals.length).toBeGreaterThan(0);
    expect(approvals.join('\n')).toMatch(/吕政(发|函)〔\d{4}〕\d+号/);
    const inside = await s.page.locator('[data-testid=parcels-inside]').innerText();
    expect(inside).toContain('synthetic-parcels.txt#1');
    expect(inside).toContain('50.0%');
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'layers-block-selected.png') });
  });

  it('clicking a mining zone shows each retention criterion with the value used and the policy line', async () => {
    const id = '导入2/synthetic-mining-zones.geojson#1'; // 山西吕梁离石永聚煤业有限公司
    await clickFeatureOn(s.page, 'mining-fill', id);
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('山西吕梁离石永聚煤业有限公司');
    const rows = s.page.locator('[data-testid=criteria] tr.crit');
    expect(await rows.count()).toBe(3);
    const byCriterion: Record<string, string> = {};
    for (const row of await rows.all()) byCriterion[(await row.getAttribute('data-criterion'))!] = await row.innerText();
    expect(byCriterion.area).toMatch(/0\.12\d* 平方公里[\s\S]*≥ 0\.1 平方公里[\s\S]*满足/);
    expect(byCriterion.capacity).toMatch(/60(\.00)? 万吨\/年[\s\S]*≥ 50[\s\S]*满足/);
    expect(byCriterion['remaining-years']).toMatch(/8(\.00)? 年[\s\S]*≥ 5[\s\S]*满足/);
    const sources = await s.page.locator('[data-testid=criteria] tr.crit-src').allInnerTexts();
    expect(sources).toHaveLength(3);
    for (const src of sources) expect(src).toMatch(/政策原文：data\/gazettes\/\S+\.txt:\d+/);
    // The parcel that lies in the zone (SYN-P3, 2500 m²).
    expect(await s.page.locator('[data-testid=parcels-inside]').innerText()).toContain('synthetic-parcels.txt#3');
    await s.page.screenshot({ path: path.join(SCREENSHOTS, 'layers-mining-selected.png') });

    // A zone without capacity: that criterion is unknown, never a pass.
    await clickFeatureOn(s.page, 'mining-fill', '导入2/synthetic-mining-zones.geojson#3'); // 新升凯建材
    await expect.poll(() => s.page.locator('[data-testid=details-doc]').innerText()).toBe('新升凯建材');
    expect(await s.page.locator('[data-testid=criteria] tr.crit[data-criterion=capacity]').innerText()).toContain('未知');
  });

  it('the references located by the layers leave the still-to-locate list', async () => {
    // Clicking empty map clears the selection and shows the overview.
    await s.page.evaluate(() => (window as any).__jiezhi.map.jumpTo({ center: [111.3, 37.3], zoom: 14 }));
    await mapIdle(s.page);
    const box = (await s.page.locator('[data-testid=map]').boundingBox())!;
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const text = (await s.page.locator('[data-testid=unlocated]').textContent()) ?? '';
    expect(text).toContain('规划地块编号（26）');
    expect(text).not.toContain('BF-09-03');
    expect(text).toContain('BF-09-01');
    expect(text).toContain('矿山（23）');
    expect(await s.page.locator('[data-testid=count-planning]').innerText()).toContain('5');
    expect(outsideRequests(s)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
