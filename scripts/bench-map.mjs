// npm run bench:map — the page with 100 000 generated parcels in CGCS2000 3° zone 37 (EPSG:4525), in headless
// Chromium. The parcels go through the core's buildParcel (projection, areas, verification) like extracted ones,
// and are written as records.json + parcels.geojson into dist/bench-data/, which scripts/publish-data.mjs turns into
// the page's files (table index, record chunks, vector tiles, manifest) exactly as `npm start` does with the gazettes.
// Prints: time to the map's first `idle` with the data drawn, JS heap, table filter times, time to a record's details.
// Prints figures; judges nothing.
//   BENCH_PARCELS=20000 npm run bench:map   a smaller run
//   BENCH_RUNS=3                            load the page 3 times (a fresh page each), print each run and the medians
//   BENCH_REUSE=1                           keep the generated records.json and parcels.geojson in dist/bench-data
//                                           when they hold BENCH_PARCELS parcels (publish-data runs all the same)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildParcel } from '../dist/core/verify/buildParcel.js';
import { toRecordsJson } from '../dist/core/report/report.js';
import { toFeatureCollection } from '../dist/core/formats/geojson/toGeoJSON.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const COUNT = Number(process.env.BENCH_PARCELS ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
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
const previous = (() => {
  try {
    return JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
})();
if (process.env.BENCH_REUSE && previous?.count === COUNT && existsSync(path.join(outDir, 'records.json'))) {
  console.log(`reusing the generated records in ${outDir} (${COUNT} parcels)`);
} else {
  t = performance.now();
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
  const vertices = parcels.reduce((s, p) => s + p.points.length, 0);
  const byStatus = {};
  for (const p of parcels) byStatus[p.verification.status] = (byStatus[p.verification.status] ?? 0) + 1;
  console.log(`generated ${COUNT} parcels, ${vertices} vertices (mean ${(vertices / COUNT).toFixed(1)}), status ${JSON.stringify(byStatus)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`records.json ${fileSize(path.join(outDir, 'records.json'))}, parcels.geojson ${fileSize(path.join(outDir, 'parcels.geojson'))}`);
}
// The page's files, as `npm start` publishes them (index, record chunks, vector tiles, manifest).
t = performance.now();
execFileSync(process.execPath, [path.join(root, 'scripts/publish-data.mjs'), outDir], { cwd: root, stdio: 'inherit' });
console.log(`publish-data ${((performance.now() - t) / 1000).toFixed(1)} s`);
const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
const tileFiles = (() => {
  const dir = path.join(outDir, 'page', 'tiles');
  if (!existsSync(dir)) return null;
  let files = 0;
  let bytes = 0;
  const byZoom = {};
  for (const z of readdirSync(dir)) {
    for (const x of readdirSync(path.join(dir, z))) {
      for (const y of readdirSync(path.join(dir, z, x))) {
        files++;
        bytes += statSync(path.join(dir, z, x, y)).size;
        byZoom[z] = (byZoom[z] ?? 0) + 1;
      }
    }
  }
  return { files, bytes, byZoom };
})();
const chunkFiles = readdirSync(path.join(outDir, 'page', 'records'));
const chunkBytes = chunkFiles.reduce((sum, f) => sum + statSync(path.join(outDir, 'page', 'records', f)).size, 0);
console.log(
  `page files: index ${fileSize(path.join(outDir, manifest.index))}, ${chunkFiles.length} record chunks (${(chunkBytes / 1e6).toFixed(1)} MB), ` +
    (tileFiles ? `${tileFiles.files} vector tiles (${(tileFiles.bytes / 1e6).toFixed(1)} MB; per zoom ${JSON.stringify(tileFiles.byZoom)})` : 'no vector tiles (GeoJSON source)'),
);

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
/** Used JS heap of each dedicated worker of the page (the data worker, MapLibre's), through the browser's CDP session. */
async function heapsOfWorkers() {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const replies = new Map();
    session.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      replies.get(m.id)?.(m.result);
    });
    const out = [];
    let id = 0;
    for (const t of targetInfos.filter((x) => x.type === 'worker')) {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const mine = ++id;
      const result = await new Promise((resolve) => {
        replies.set(mine, resolve);
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method: 'Runtime.getHeapUsage' }) });
        setTimeout(() => resolve(null), 5000);
      });
      const name = /maplibre/.test(t.url) ? 'MapLibre worker' : /worker/.test(t.url) ? 'data worker' : t.url.split('/').pop();
      if (result) out.push({ name, used: result.usedSize });
    }
    return out;
  } catch {
    return [];
  } finally {
    await session.detach().catch(() => {});
  }
}

const mb = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1e6).toFixed(0)} MB`);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const runs = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`console error: ${m.text()}`));
    const requested = { tiles: 0, chunks: 0, other: 0 };
    page.on('request', (r) => {
      const u = r.url();
      if (u.endsWith('.pbf')) requested.tiles++;
      else if (u.includes('/page/records/')) requested.chunks++;
      else requested.other++;
    });
    t = performance.now();
    await page.goto(url + (process.env.BENCH_QUERY ?? ''));
    await page.waitForFunction(() => window.__jiezhi?.stats?.idleAt > 0, null, { timeout: 300_000, polling: 100 });
    const wall = performance.now() - t;
    const tilesAtIdle = requested.tiles;
    const chunksAtIdle = requested.chunks;
    const stats = await page.evaluate(() => {
      const j = window.__jiezhi;
      const layers = ['parcels-fill', 'label-dots', 'parcel-dots'].filter((l) => j.map.getLayer(l));
      return {
        rowsAt: j.stats.rowsAt,
        worker: j.stats.worker,
        styleAt: j.stats.styleAt,
        dataAt: j.stats.dataAt,
        idleAt: j.stats.idleAt,
        zoom: j.map.getZoom(),
        rows: j.rowCount(),
        // Parcels drawn as a polygon or a status dot; tile features are told apart by their numeric id.
        rendered: new Set(j.map.queryRenderedFeatures({ layers }).map((f) => f.properties.id ?? f.id)).size,
        heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      };
    });
    const cdp = await context.newCDPSession(page);
    const metrics = Object.fromEntries((await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'))).metrics.map((m) => [m.name, m.value]));
    const workerHeaps = await heapsOfWorkers();
    const searches = [];
    // A street number, a document, one street in six, every record (吕政发), and back to no filter.
    for (const q of ['离石区凤山路1', '吕政发〔2019〕77', '凤山路', '吕政发', '']) {
      searches.push({
        q,
        ...(await page.evaluate(async (query) => {
          const j = window.__jiezhi;
          const t0 = performance.now();
          const r = await j.search(query);
          await new Promise((resolve) => {
            j.map.once('idle', resolve);
            j.map.triggerRepaint();
          });
          return { ...r, idleMs: performance.now() - t0 };
        }, q)),
      });
    }
    // A record's details: the first row of the table, whose full record comes from its chunk.
    const first = page.locator('.tr').first();
    const doc = await first.getAttribute('data-id');
    t = performance.now();
    await first.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=details-doc]')?.textContent?.trim(), null, { timeout: 60_000, polling: 20 });
    const detailsMs = performance.now() - t;
    runs.push({ stats, metrics, workerHeaps, searches, detailsMs, doc, wall, tilesAtIdle, chunksAtIdle });

    console.log(`\nbench:map run ${run}/${RUNS} — ${COUNT} parcels, headless Chromium (SwiftShader), ${url}`);
    console.log(`  rows in the table:               ${stats.rows}`);
    console.log(`  table rows ready (worker):       ${sec(stats.rowsAt)} after navigation start`);
    if (stats.worker) console.log(`    (worker: started ${sec(stats.worker.startedAt)}, fetch+parse ${sec(stats.worker.loadMs)}, rows ${sec(stats.worker.rowsMs)})`);
    console.log(`  map style loaded:                ${sec(stats.styleAt)}`);
    console.log(`  labels handed to the map:        ${sec(stats.dataAt)}`);
    console.log(`  map first idle with the data:    ${sec(stats.idleAt)} after navigation start (wall clock from goto: ${sec(wall)})`);
    console.log(`  features rendered in view:       ${stats.rendered} at zoom ${stats.zoom.toFixed(2)} (${tilesAtIdle} tiles and ${chunksAtIdle} record chunks requested by then)`);
    console.log(`  JS heap, page main thread:       ${mb(stats.heap)} (CDP JSHeapUsedSize ${mb(metrics.JSHeapUsedSize)}, total ${mb(metrics.JSHeapTotalSize)})`);
    console.log(`  JS heap, workers:                ${workerHeaps.map((w) => `${w.name} ${mb(w.used)}`).join(', ') || 'n/a'}`);
    for (const f of searches) {
      console.log(
        `  table filter ${JSON.stringify(f.q).padEnd(20)} ${f.ms.toFixed(0).padStart(5)} ms → ${String(f.rows).padStart(6)} rows (next frame ${f.frameMs.toFixed(0)} ms, map idle again ${f.idleMs.toFixed(0)} ms)`,
      );
    }
    console.log(`  details of the first row:        ${detailsMs.toFixed(0)} ms (${doc}; record chunks requested so far ${requested.chunks})`);
    await context.close();
  }
  if (RUNS > 1) {
    const median = (xs) => {
      const v = [...xs].sort((a, b) => a - b);
      return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    };
    const m = (f) => median(runs.map(f));
    console.log(`\nmedians of ${RUNS} runs:`);
    const workers = m((r) => r.workerHeaps.reduce((sum, w) => sum + w.used, 0));
    console.log(
      `  table rows ready ${sec(m((r) => r.stats.rowsAt))}, map first idle ${sec(m((r) => r.stats.idleAt))}, heap ${mb(m((r) => r.stats.heap))} (+ workers ${mb(workers)}), details ${m((r) => r.detailsMs).toFixed(0)} ms`,
    );
    for (let k = 0; k < runs[0].searches.length; k++) {
      const q = runs[0].searches[k].q;
      console.log(
        `  filter ${JSON.stringify(q).padEnd(20)} table ${m((r) => r.searches[k].ms).toFixed(0)} ms, next frame ${m((r) => r.searches[k].frameMs).toFixed(0)} ms, map idle ${m((r) => r.searches[k].idleMs).toFixed(0)} ms`,
      );
    }
  }
} finally {
  await browser.close();
  server.kill();
}
