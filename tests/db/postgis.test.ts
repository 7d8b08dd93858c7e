// The loader against a real PostgreSQL 15 + PostGIS 3 cluster started for this file (scripts/pg-cluster.mjs),
// read back with SQL and with GDAL's own PostgreSQL driver.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/pg-cluster.mjs';
import { migrate } from '../../src/cli/db/migrate.js';
import type { RecordsJson } from '../../src/cli/db/rows.js';
import { ensureCliBuilt, jiezhi, repoRoot, run, shoelace } from '../helpers.js';

let cluster: Cluster;
let work: string;
let databases = 0;
/** extract data/gazettes (all five files), and the same without the last file. */
let full: string;
let fewer: string;
let fullJson: RecordsJson;

beforeAll(async () => {
  await ensureCliBuilt();
  cluster = await startCluster();
  work = mkdtempSync(path.join(tmpdir(), 'jiezhi-db-test-'));
  full = path.join(work, 'full');
  fewer = path.join(work, 'fewer');
  const gazettes = ['000_b02c1e540ac53d1c', '001_4be63aa6261a689a', '002_974677008c505204', '003_102bf63a8d2c093e'].map((f) => `data/gazettes/${f}.txt`);
  const [a, b] = await Promise.all([jiezhi(['extract', 'data/gazettes', '--out', full]), jiezhi(['extract', ...gazettes, '--out', fewer])]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  fullJson = JSON.parse(readFileSync(path.join(full, 'records.json'), 'utf8')) as RecordsJson;
});

afterAll(async () => {
  await cluster?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function freshDatabase(): Promise<string> {
  return cluster.createDatabase(`t${++databases}`);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every loaded row that matters, in a stable order: what "the database as it was" means in these tests. */
async function snapshot(url: string) {
  return {
    sources: await query(url, 'SELECT file, sha256 FROM jiezhi.sources ORDER BY file'),
    documents: await query(url, 'SELECT doc_key, parcels, s.file FROM jiezhi.documents d JOIN jiezhi.sources s ON s.id = d.source_id ORDER BY doc_key'),
    records: await query(url, 'SELECT id, record_uid, status, source_file, ST_AsEWKT(geom_native) AS g FROM jiezhi.records ORDER BY id'),
    diagnostics: await query(url, 'SELECT count(*)::int AS n FROM jiezhi.diagnostics'),
    blocks: await query(url, 'SELECT count(*)::int AS n FROM jiezhi.planning_block_documents'),
    mines: await query(url, 'SELECT count(*)::int AS n FROM jiezhi.mine_mentions'),
  };
}

describe('jiezhi load into PostGIS', () => {
  it('loads the gazettes with extract --db and reads back 11 parcels whose ST_Area in their own zone is the computed planar area', async () => {
    const url = await freshDatabase();
    const out = path.join(work, 'via-extract');
    const r = await jiezhi(['extract', 'data/gazettes', '--out', out, '--db', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/5 files loaded \(21 records\)/);

    const parcels = await query<{ record_uid: string; epsg: number; srid: number; area: number; computed_m2: number; holder: string }>(
      url,
      'SELECT record_uid, epsg, ST_SRID(geom_native) AS srid, ST_Area(geom_native) AS area, computed_m2, holder FROM jiezhi.records WHERE geom_native IS NOT NULL ORDER BY record_uid',
    );
    const expected = fullJson.records.filter((p) => p.lonLatRing);
    expect(parcels).toHaveLength(11);
    expect(expected).toHaveLength(11);
    for (const p of expected) {
      const row = parcels.find((q) => q.record_uid === p.id)!;
      expect(row, p.id).toBeDefined();
      expect(row.srid).toBe(p.zone!.epsg);
      expect(row.epsg).toBe(4525);
      // Against the extraction's figure and against a shoelace written in the tests from the printed X/Y.
      expect(Math.abs(row.area - p.verification.computedM2!)).toBeLessThan(1e-6);
      expect(Math.abs(row.area - shoelace(p.points))).toBeLessThan(1e-6);
      expect(row.holder).toBe(p.holder);
    }
    const counts = await query<{ records: number; parcels: number; documents: number; sources: number; valid: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM jiezhi.records) AS records, (SELECT count(*)::int FROM jiezhi.parcels) AS parcels,
              (SELECT count(*)::int FROM jiezhi.documents) AS documents, (SELECT count(*)::int FROM jiezhi.sources) AS sources,
              (SELECT count(*)::int FROM jiezhi.records WHERE ST_IsValid(geom_4326) AND ST_SRID(geom_4326) = 4326) AS valid`,
    );
    expect(counts[0]).toEqual({ records: 21, parcels: 11, documents: new Set(fullJson.records.map((p) => p.doc)).size, sources: 5, valid: 11 });
    // The map geometry is the extraction's own projection, not a second one.
    const first = expected[0]!;
    const [pt] = await query<{ x: number; y: number }>(url, 'SELECT ST_X(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom_4326, 1)), 1)) AS x, ST_Y(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom_4326, 1)), 1)) AS y FROM jiezhi.records WHERE record_uid = $1', [first.id]);
    expect([pt!.x, pt!.y]).toEqual(first.lonLatRing![0]);
  });

  it('loading the same extraction twice changes nothing, and a changed document replaces its rows', async () => {
    const url = await freshDatabase();
    const first = await jiezhi(['load', full, '--db', url]);
    expect(first.code, first.stderr).toBe(0);
    const before = await snapshot(url);
    const again = await jiezhi(['load', full, '--db', url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 files loaded \(0 records\), 5 unchanged/);
    expect(await snapshot(url)).toEqual(before);

    // The same extraction with one holder corrected: that file is reloaded, its document has one row, the rest is untouched.
    const changed = structuredClone(fullJson);
    const target = changed.records.find((p) => p.id === '吕政发〔2022〕9号')!;
    target.holder = '吕梁市某某有限公司（更正）';
    const dir = path.join(work, 'changed');
    cpSync(full, dir, { recursive: true });
    writeFileSync(path.join(dir, 'records.json'), JSON.stringify(changed));
    const third = await jiezhi(['load', dir, '--db', url]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toMatch(/1 files loaded \(\d+ records\), 4 unchanged/);
    const after = await snapshot(url);
    expect(after.records).toHaveLength(before.records.length);
    const rows = await query<{ holder: string }>(url, 'SELECT holder FROM jiezhi.records WHERE doc_key = $1', ['吕政发〔2022〕9号']);
    expect(rows).toEqual([{ holder: '吕梁市某某有限公司（更正）' }]);
    const untouched = (s: typeof before) => s.records.filter((r) => r.source_file !== target.span.file);
    expect(untouched(after)).toEqual(untouched(before));
  });

  it('a loader killed inside a file\'s transaction leaves that file out and every other file as it was', async () => {
    const url = await freshDatabase();
    const base = await jiezhi(['load', fewer, '--db', url]);
    expect(base.code, base.stderr).toBe(0);
    const before = await snapshot(url);

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/jiezhi.js'), 'load', full, '--db', url], {
      cwd: repoRoot,
      env: { ...process.env, JIEZHI_TEST_PAUSE_AFTER_FIRST_COPY: '1' },
    });
    const paused = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => {
        err += d;
        const m = /paused after the first COPY of (\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`the loader exited (${code}) before pausing: ${err}`)));
    });
    // The file the loader stopped in is the one the first load did not have; its documents were copied, uncommitted.
    expect(paused).toBe('data/gazettes/004_b5408ac186dc4505.txt');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    expect(await snapshot(url)).toEqual(before);
    const [left] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM jiezhi.records WHERE source_file = $1', [paused]);
    expect(left!.n).toBe(0);

    // The next loader finishes the job (the killed one's locks went with its connection).
    const finish = await jiezhi(['load', full, '--db', url]);
    expect(finish.code, finish.stderr).toBe(0);
    expect(finish.stderr).toMatch(/1 files loaded \(\d+ records\), 4 unchanged/);
    const [all] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM jiezhi.records');
    expect(all!.n).toBe(21);
  });

  it('two loaders at once end with the rows of one', async () => {
    const once = await freshDatabase();
    expect((await jiezhi(['load', full, '--db', once])).code).toBe(0);
    const url = await freshDatabase();
    // A fresh database: both also race to create the schema.
    const [a, b] = await Promise.all([jiezhi(['load', full, '--db', url]), jiezhi(['load', fewer, '--db', url])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const third = await jiezhi(['load', full, '--db', url]);
    expect(third.code, third.stderr).toBe(0);
    const strip = (s: Awaited<ReturnType<typeof snapshot>>) => ({ ...s, records: s.records.map(({ id: _id, ...r }) => r) });
    expect(strip(await snapshot(url))).toEqual(strip(await snapshot(once)));
    const [m] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM jiezhi.schema_migrations');
    expect(m!.n).toBeGreaterThan(0);
  });

  it('refuses a migration edited after it was applied, and applies nothing twice', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const dir = path.join(work, 'migrations');
      cpSync(path.join(repoRoot, 'migrations'), dir, { recursive: true });
      expect((await migrate(client, dir)).length).toBeGreaterThan(0);
      expect(await migrate(client, dir)).toEqual([]);
      writeFileSync(path.join(dir, '001_schema.sql'), `${readFileSync(path.join(dir, '001_schema.sql'), 'utf8')}\n-- edited\n`);
      await expect(migrate(client, dir)).rejects.toThrow(/001_schema\.sql was changed after it was applied/);
    } finally {
      await client.end();
    }
  });

  it('ogrinfo opens the zone layer with SRID 4525 and the Chinese attributes byte for byte', async () => {
    const url = await freshDatabase();
    expect((await jiezhi(['load', full, '--db', url])).code).toBe(0);
    const u = new URL(url);
    const conn = `PG:host=${u.hostname} port=${u.port} dbname=${u.pathname.slice(1)} user=${u.username}`;
    const summary = await run('ogrinfo', ['-ro', '-so', conn, 'jiezhi.parcels_4525']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/Feature Count: 11/);
    expect(summary.stdout).toMatch(/ID\["EPSG",4525\]/);
    expect(summary.stdout).toMatch(/Geometry: Multi Polygon/);

    const p = fullJson.records.find((r) => r.id === '吕政发〔2023〕15号')!;
    const feature = await run('ogrinfo', ['-ro', '-q', conn, 'jiezhi.parcels_4525', '-where', `record_uid = '${p.id}'`]);
    expect(feature.code, feature.stderr).toBe(0);
    for (const [field, value] of [['doc', p.doc], ['holder', p.holder!], ['location', p.location!], ['title', p.title], ['stated_area_text', p.statedArea!.text]] as const) {
      const line = feature.stdout.split('\n').find((l) => l.trimStart().startsWith(`${field} (String) = `));
      expect(line, field).toBeDefined();
      expect(Buffer.from(line!.split(' = ')[1]!, 'utf8').equals(Buffer.from(value, 'utf8')), field).toBe(true);
    }
    const area = /computed_m2 \(Real\) = ([\d.]+)/.exec(feature.stdout);
    expect(Number(area![1])).toBeCloseTo(p.verification.computedM2!, 6);
  });

  it('jiezhi.parcel_tile makes a vector tile that GDAL reads with the parcel and its label', async () => {
    const url = await freshDatabase();
    expect((await jiezhi(['load', full, '--db', url])).code).toBe(0);
    const p = fullJson.records.find((r) => r.id === '吕政发〔2023〕15号')!;
    const z = 16;
    const [lon, lat] = p.lonLatRing![0]!;
    const n = 2 ** z;
    const x = Math.floor(((lon + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    const [tile] = await query<{ mvt: Buffer }>(url, 'SELECT jiezhi.parcel_tile($1, $2, $3) AS mvt', [z, x, y]);
    const file = path.join(work, 'tiles', String(z), String(x), `${y}.pbf`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, tile!.mvt);
    // GDAL's MVT driver reads z/x/y from the path and georeferences the tile itself.
    const info = await run('ogrinfo', ['-ro', '-al', file]);
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Layer name: parcels[\s\S]*status \(String\) = match/);
    expect(info.stdout).toContain(`label (String) = ${p.doc}`);
    const [{ id }] = (await query<{ id: string }>(url, 'SELECT id FROM jiezhi.records WHERE record_uid = $1', [p.id])) as [{ id: string }];
    // The feature id is the row's id, as the page's tiles carry its row number.
    expect(info.stdout).toMatch(new RegExp(`OGRFeature\\(parcels\\):\\d+\\n  mvt_id \\(Integer64\\) = ${id}\\n  status \\(String\\) = match`));
  });
});
