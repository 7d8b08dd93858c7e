// `npm run bench:db`: synthetic parcels across several Gauss–Krüger zones loaded into PostGIS with the real
// loader, then tile, table-page, filter, sort and search latencies. Prints figures; judges nothing.
//   BENCH_PARCELS  parcels to load (default 1 000 000)
//   BENCH_DB       postgresql:// URL of an empty database to use (default: a throwaway cluster, scripts/pg-cluster.mjs)
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadRecords } from '../dist/cli/db/load.js';
import { zoneFromEpsg } from '../dist/core/geodesy/crs.js';
import { signedPlanarArea } from '../dist/core/geodesy/planarArea.js';
import { projectToLonLat } from '../dist/core/geodesy/project.js';
import { RECORDS_FORMAT } from '../dist/core/report/report.js';
import { startCluster } from './pg-cluster.mjs';

const N = Number(process.env.BENCH_PARCELS ?? 1_000_000);
const ZONES = [4523, 4524, 4525, 4526, 4527].map(zoneFromEpsg); // CGCS2000 3° zones 35–39, with the zone prefix
const PER_FILE = 10_000;
const FILES_PER_LOAD = 10;
const SPACING = 120; // metres between parcel centres: a dense city district

// A small deterministic generator, so every run loads the same parcels.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function parcel(i) {
  const zone = ZONES[i % ZONES.length];
  const k = Math.floor(i / ZONES.length);
  const side = Math.ceil(Math.sqrt(N / ZONES.length));
  const north = 4_000_000 + Math.floor(k / side) * SPACING;
  const east = zone.zone * 1e6 + 500_000 - (side * SPACING) / 2 + (k % side) * SPACING;
  const w = 20 + random() * 60;
  const h = 20 + random() * 60;
  const corners = [[0, 0], [0, w], [h * 0.5, w + 10], [h, w], [h, 0]];
  const file = `synthetic/${String(Math.floor(i / PER_FILE)).padStart(4, '0')}.txt`;
  const points = corners.map(([dx, dy], j) => ({ label: j + 1, x: +(north + dx).toFixed(3), y: +(east + dy).toFixed(3), xDecimals: 3, yDecimals: 3, source: { file, line: (i % PER_FILE) * 6 + j + 2 } }));
  const computed = Math.abs(signedPlanarArea(points));
  const ring = points.map((p) => projectToLonLat(zone, p.x, p.y));
  const roll = random();
  const stated = roll < 0.03 ? null : +(roll < 0.08 ? computed * 1.1 : computed).toFixed(2);
  const status = stated === null ? 'unstated' : roll < 0.08 ? 'mismatch' : 'match';
  const doc = `合成发〔2024〕${i + 1}号`;
  return {
    id: doc, kind: 'take-back', doc, title: `关于收回合成公司${i % 5000}国有建设用地使用权的决定`, issuer: '合成市人民政府', date: '2024-01-01', parcelIndex: null,
    holder: `合成公司${i % 5000}`, location: `合成区第${i % 97}路以北`, fourSides: null,
    statedArea: stated === null ? null : { text: `${stated} 平方米`, value: stated, unit: '平方米', m2: stated, decimals: 2, source: { file, line: (i % PER_FILE) * 6 + 1 } },
    reportNumbers: [], compensation: null, points, closingPoint: null, sources: [{ file, line: (i % PER_FILE) * 6 + 1 }], span: { file, line: (i % PER_FILE) * 6 + 1, endLine: (i % PER_FILE) * 6 + 6 },
    diagnostics: [], zone, lonLatRing: [...ring, ring[0]].reverse(), pointLonLat: ring, checks: null,
    verification: { status, computedM2: computed, ellipsoidalM2: null, deltaM2: stated === null ? null : stated - computed, deltaRelative: null, toleranceM2: 0.5 },
    hypotheses: [],
  };
}

function extraction(first, count) {
  const records = [];
  for (let i = first; i < first + count; i++) records.push(parcel(i));
  const files = [...new Set(records.map((r) => r.span.file))];
  return {
    format: RECORDS_FORMAT, crsNote: '', inputs: files.map((file) => ({ file, encoding: 'utf-8', lines: 0, bytes: 0, documents: PER_FILE })),
    pointLines: { total: 0, inParcels: 0, inDiagnostics: 0 }, diagnostics: [], topology: { pairs: [] }, records,
    planningBlocks: [], miningPolicy: null, mines: [], mineralPlan: null, layers: null,
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(client, runs, make) {
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const [sql, params] = make(i);
    const t = performance.now();
    const res = await client.query(sql, params);
    ms.push(performance.now() - t);
    const v = res.rows[0] && Object.values(res.rows[0])[0];
    if (Buffer.isBuffer(v)) bytes += v.length;
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), bytes: bytes / runs };
}

const fmt = (x) => x.toFixed(1).padStart(8);

const cluster = process.env.BENCH_DB ? null : await startCluster();
const url = process.env.BENCH_DB ?? (await cluster.createDatabase('bench'));
try {
  console.log(`bench:db  ${N} synthetic parcels in ${ZONES.length} zones (EPSG ${ZONES.map((z) => z.epsg).join(', ')}), ${PER_FILE} per input file`);
  let generating = 0;
  let loading = 0;
  for (let first = 0; first < N; first += PER_FILE * FILES_PER_LOAD) {
    let t = performance.now();
    const json = extraction(first, Math.min(PER_FILE * FILES_PER_LOAD, N - first));
    generating += performance.now() - t;
    t = performance.now();
    await loadRecords(url, json);
    loading += performance.now() - t;
  }
  console.log(`load      ${(N / (loading / 1000)).toFixed(0)} parcels/s  (${(loading / 1000).toFixed(1)} s in the loader, ${(generating / 1000).toFixed(1)} s generating, not counted)`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE jiezhi.records');
  const { rows: ids } = await client.query('SELECT min(id)::int AS lo, max(id)::int AS hi FROM jiezhi.records');
  const { lo, hi } = ids[0];
  const sampleIds = Array.from({ length: 60 }, () => lo + Math.floor(random() * (hi - lo)));
  console.log('                       p50 ms   p95 ms   mean bytes');
  for (const z of [10, 14, 18]) {
    const tiles = [];
    for (const id of sampleIds) {
      const { rows } = await client.query('SELECT ST_X(label_3857) AS x, ST_Y(label_3857) AS y FROM jiezhi.records WHERE id = $1', [id]);
      const size = 40075016.685578488 / 2 ** z;
      tiles.push([z, Math.floor((rows[0].x + 20037508.342789244) / size), Math.floor((20037508.342789244 - rows[0].y) / size)]);
    }
    const r = await timed(client, tiles.length, (i) => ['SELECT jiezhi.parcel_tile($1, $2, $3)', tiles[i]]);
    console.log(`tile z${String(z).padEnd(2)}          ${fmt(r.p50)} ${fmt(r.p95)}   ${r.bytes.toFixed(0)}`);
  }
  const columns = 'id, doc, holder, location, stated_area_text, computed_m2, status';
  const page = await timed(client, 30, (i) => [`SELECT ${columns} FROM jiezhi.records WHERE id > $1 ORDER BY id LIMIT 100`, [sampleIds[i]]]);
  console.log(`table page (keyset) ${fmt(page.p50)} ${fmt(page.p95)}`);
  const filter = await timed(client, 30, (i) => [`SELECT ${columns} FROM jiezhi.records WHERE status = 'mismatch' AND id > $1 ORDER BY id LIMIT 100`, [sampleIds[i]]]);
  console.log(`filter status       ${fmt(filter.p50)} ${fmt(filter.p95)}`);
  const count = await timed(client, 5, () => [`SELECT count(*) FROM jiezhi.records WHERE status = 'mismatch'`, []]);
  console.log(`filter count        ${fmt(count.p50)} ${fmt(count.p95)}`);
  const sort = await timed(client, 30, (i) => [`SELECT ${columns} FROM jiezhi.records ORDER BY computed_m2 DESC, id LIMIT 100 OFFSET $1`, [(i % 10) * 100]]);
  console.log(`sort by area        ${fmt(sort.p50)} ${fmt(sort.p95)}`);
  const search = await timed(client, 30, (i) => [`SELECT ${columns} FROM jiezhi.records WHERE search_text LIKE $1 ORDER BY id LIMIT 100`, [`%合成公司${(i * 137) % 5000}%`]]);
  console.log(`search holder       ${fmt(search.p50)} ${fmt(search.p95)}`);
  const { rows: size } = await client.query("SELECT pg_size_pretty(pg_total_relation_size('jiezhi.records')) AS s");
  console.log(`records table with indexes: ${size[0].s}`);
  await client.end();
} finally {
  await cluster?.stop();
}
