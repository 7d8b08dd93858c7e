// npm run bench:map — the page with 100 000 generated parcels in CGCS2000 3° zone 37 (EPSG:4525), in headless
// Chromium. The parcels go through the core's buildParcel (projection, areas, verification) like extracted ones,
// and are written as records.json + parcels.geojson + manifest.json into dist/bench-data/, which the page loads as
// its data. Prints: time to the map's first `idle` with the data drawn, JS heap, and table filter times.
// Prints figures; judges nothing.   BENCH_PARCELS=20000 npm run bench:map  for a smaller run.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildParcel } from '../dist/core/buildParcel.js';
import { toRecordsJson } from '../dist/core/report.js';
import { toFeatureCollection } from '../dist/core/toGeoJSON.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const COUNT = Number(process.env.BENCH_PARCELS ?? 100_000);
const outDir = path.join(root, 'dist', 'bench-data');
const FILE = 'bench/generated.txt';

// A deterministic generator, so runs compare.
let seed = 20240611;
function random() {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

const HOLDERS = ['吕梁市住宅合作社', '吕梁能源科创有限公司', '吕梁市城市建设投资有限公司', '离石区土地储备中心', '山西某某置业有限公司', '吕梁市物资产业集团有限公司'];
const ROADS = ['永宁中路', '滨河北西路', '龙凤南大街', '北川河东路', '规划纬十九路', '凤山路'];

function makeRecord(i) {
  // Parcels on a jittered grid of 200 m cells over ≈ 63 km × 63 km around 111°E, 37.6°N (zone 37).
  const side = Math.ceil(Math.sqrt(COUNT));
  const row = Math.floor(i / side);
  const col = i % side;
  const cx = 4_130_000 + row * 200 + 100 + (random() - 0.5) * 30;
  const cy = 37_470_000 + col * 200 + 100 + (random() - 0.5) * 30;
  // Areas from a few hundred m² to ≈ 3 ha (log-uniform), vertex counts 4…40 skewed to ≈ 10 like the gazettes.
  const area = Math.exp(Math.log(300) + random() * (Math.log(30_000) - Math.log(300)));
  const n = 4 + Math.floor(36 * random() ** 3);
  const r0 = Math.sqrt(area / Math.PI);
  const angles = Array.from({ length: n }, (_, k) => ((k + 0.2 + random() * 0.6) / n) * 2 * Math.PI).sort((a, b) => b - a); // clockwise
  const line0 = 10 + i * 50;
  const points = angles.map((a, k) => {
    const r = r0 * (0.85 + random() * 0.25);
    return {
      label: k + 1,
      x: Math.round((cx + r * Math.sin(a)) * 1000) / 1000,
      y: Math.round((cy + r * Math.cos(a)) * 1000) / 1000,
      xDecimals: 3,
      yDecimals: 3,
      source: { file: FILE, line: line0 + 4 + k },
    };
  });
  const year = 2015 + (i % 10);
  const doc = `吕政发〔${year}〕${Math.floor(i / 10) + 1}号`;
  return {
    id: `${doc}#${i}`,
    kind: 'take-back',
    doc,
    title: `关于收回${HOLDERS[i % HOLDERS.length]}国有建设用地使用权的决定`,
    issuer: '吕梁市人民政府',
    date: `${year}-0${1 + (i % 9)}-1${i % 10}`,
    parcelIndex: null,
    holder: HOLDERS[i % HOLDERS.length],
    location: `吕梁市离石区${ROADS[i % ROADS.length]}${(i % 900) + 1}号`,
    fourSides: null,
    statedArea: null,
    reportNumbers: [`RX${year}-${i}`],
    compensation: null,
    points,
    closingPoint: { ...points[0], source: { file: FILE, line: line0 + 4 + n } },
    sources: [{ file: FILE, line: line0, endLine: line0 + 5 + n }],
    span: { file: FILE, line: line0, endLine: line0 + 5 + n },
    diagnostics: [],
  };
}

function stateArea(record, parcel) {
  const computed = parcel.verification.computedM2;
  const kind = random();
  if (computed === null || kind < 0.03) return record; // 3 % state no area
  const m2 = kind < 0.06 ? Math.round(computed * 1.02 * 100) / 100 : Math.round(computed * 100) / 100; // 3 % mismatch
  return {
    ...record,
    statedArea: { text: `${m2.toFixed(2)} 平方米`, value: m2, unit: '平方米', m2, decimals: 2, source: { file: FILE, line: record.span.line + 2 } },
  };
}

function fileSize(file) {
  return `${(statSync(file).size / 1e6).toFixed(1)} MB`;
}

// ---------------------------------------------------------------- generate
let t = performance.now();
const parcels = [];
for (let i = 0; i < COUNT; i++) {
  const record = makeRecord(i);
  const first = buildParcel(record);
  parcels.push(buildParcel(stateArea(record, first)));
}
const result = { parcels, diagnostics: [], inputs: [{ file: FILE, encoding: 'utf-8', lines: COUNT * 50, bytes: 0, documents: COUNT }], pointLines: { total: 0, inParcels: 0, inDiagnostics: 0 } };
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'records.json'), JSON.stringify(toRecordsJson(result)));
writeFileSync(path.join(outDir, 'parcels.geojson'), JSON.stringify(toFeatureCollection(parcels)));
writeFileSync(
  path.join(outDir, 'manifest.json'),
  JSON.stringify({ format: 'jiezhi-manifest/1', records: 'records.json', layers: { parcel: 'parcels.geojson', mining: null, planning: null }, sources: {} }),
);
const vertices = parcels.reduce((s, p) => s + p.points.length, 0);
const byStatus = {};
for (const p of parcels) byStatus[p.verification.status] = (byStatus[p.verification.status] ?? 0) + 1;
console.log(`generated ${COUNT} parcels, ${vertices} vertices (mean ${(vertices / COUNT).toFixed(1)}), status ${JSON.stringify(byStatus)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
console.log(`records.json ${fileSize(path.join(outDir, 'records.json'))}, parcels.geojson ${fileSize(path.join(outDir, 'parcels.geojson'))}`);

// ---------------------------------------------------------------- serve and measure
const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '--port', '0', '--data', outDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console error: ${m.text()}`));
  t = performance.now();
  await page.goto(url + (process.env.BENCH_QUERY ?? ""));
  await page.waitForFunction(() => window.__jiezhi?.stats?.idleAt > 0, null, { timeout: 300_000, polling: 100 });
  const wall = performance.now() - t;
  const stats = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const j = window.__jiezhi;
    return {
      rowsAt: j.stats.rowsAt,
      worker: j.stats.worker,
      styleAt: j.stats.styleAt,
      dataAt: j.stats.dataAt,
      idleAt: j.stats.idleAt,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      rows: j.rowCount(),
      rendered: new Set(j.map.queryRenderedFeatures({ layers: ['parcels-fill', 'label-dots'] }).map((f) => f.properties.id)).size,
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    };
  });
  const cdp = await page.context().newCDPSession(page);
  const metrics = Object.fromEntries((await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'))).metrics.map((m) => [m.name, m.value]));
  const searches = [];
  for (const q of ['离石区凤山路1', '吕政发〔2019〕77', '']) {
    searches.push({ q, ...(await page.evaluate((query) => window.__jiezhi.search(query), q)) });
  }
  const mb = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1e6).toFixed(0)} MB`);
  console.log(`\nbench:map — ${COUNT} parcels, headless Chromium (SwiftShader), ${url}`);
  console.log(`  rows in the table:               ${stats.rows}`);
  console.log(`  table rows ready (worker):       ${(stats.rowsAt / 1000).toFixed(2)} s after navigation start`);
  if (stats.worker) console.log(`    (worker: started ${(stats.worker.startedAt / 1000).toFixed(2)} s, fetch+parse ${(stats.worker.loadMs / 1000).toFixed(2)} s, rows ${(stats.worker.rowsMs / 1000).toFixed(2)} s)`);
  console.log(`  map style + parcels loaded:      ${(stats.styleAt / 1000).toFixed(2)} s`);
  console.log(`  labels handed to the map:        ${(stats.dataAt / 1000).toFixed(2)} s`);
  console.log(`  map first idle with the data:    ${(stats.idleAt / 1000).toFixed(2)} s after navigation start (wall clock from goto: ${(wall / 1000).toFixed(2)} s)`);
  console.log(`  features rendered in view:       ${stats.rendered}`);
  console.log(`  JS heap, page main thread:       ${mb(stats.heap)} (CDP JSHeapUsedSize ${mb(metrics.JSHeapUsedSize)}, total ${mb(metrics.JSHeapTotalSize)}; workers not included)`);
  for (const s of searches) {
    console.log(`  table filter ${JSON.stringify(s.q).padEnd(20)} ${s.ms.toFixed(0).padStart(5)} ms → ${String(s.rows).padStart(6)} rows (next frame, map re-filtered: ${s.frameMs.toFixed(0)} ms)`);
  }
} finally {
  await browser.close();
  server.kill();
}
