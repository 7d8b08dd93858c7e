// `jiezhi load` and `jiezhi extract --db`: an extraction into PostGIS, one transaction per input file.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from 'pg';
import { RECORDS_FORMAT } from '../../core/report/report.js';
import { copyRows, TextArray } from './copy.js';
import { DOCUMENT_BUCKETS, LOCK } from './locks.js';
import { migrate } from './migrate.js';
import { docKeyOf, lonLatEwkt, nativeEwkt, normaliseDocNumber, rowsByFile, type FileRows, type RecordsJson } from './rows.js';

export interface LoadSummary {
  /** Files whose rows were written (new or changed). */
  loaded: number;
  /** Files already in the database with the same content. */
  unchanged: number;
  records: number;
  duplicates: number;
}

export async function connect(url: string): Promise<Client> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, application_name: 'jiezhi' });
  await client.connect();
  return client;
}

/** Migrates the schema, then loads each file of the extraction in its own transaction. */
export async function loadRecords(url: string, json: RecordsJson): Promise<LoadSummary> {
  const client = await connect(url);
  try {
    await migrate(client);
    const summary: LoadSummary = { loaded: 0, unchanged: 0, records: 0, duplicates: 0 };
    for (const rows of rowsByFile(json)) {
      summary.duplicates += rows.duplicates.length;
      if (rows.file === '') {
        await loadUnsourcedDiagnostics(client, rows);
        continue;
      }
      if (await loadFile(client, rows)) {
        summary.loaded++;
        summary.records += rows.records.length;
      } else summary.unchanged++;
    }
    return summary;
  } finally {
    await client.end();
  }
}

/** Replaces the file's rows unless the same content is already loaded; returns whether it wrote. */
async function loadFile(client: Client, rows: FileRows): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.file, rows.file]);
    const known = await client.query<{ sha256: string }>('SELECT sha256 FROM jiezhi.sources WHERE file = $1', [rows.file]);
    if (known.rows[0]?.sha256 === rows.sha256) {
      await client.query('COMMIT');
      return false;
    }
    const keys = rows.documents.map((d) => d.key);
    await client.query('SELECT pg_advisory_xact_lock($1, b) FROM unnest($2::int[]) AS b ORDER BY b', [LOCK.documents, buckets(keys)]);
    // The file's old rows, and a document it holds wherever it was loaded from before: a changed document replaces its rows.
    await client.query('DELETE FROM jiezhi.sources WHERE file = $1', [rows.file]);
    await client.query('DELETE FROM jiezhi.documents WHERE doc_key = ANY($1::text[])', [keys]);
    const input = rows.input;
    const { rows: [source] } = await client.query<{ id: string }>(
      'INSERT INTO jiezhi.sources (file, sha256, encoding, lines, bytes, documents) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [rows.file, rows.sha256, input?.encoding ?? null, input?.lines ?? null, input?.bytes ?? null, input?.documents ?? null],
    );
    const sourceId = source!.id;
    await copyRows(client, 'jiezhi.documents', ['doc_key', 'doc', 'title', 'issuer', 'decided_on', 'kind', 'parcels', 'source_id'],
      rows.documents.map((d) => [d.key, d.doc, d.title, d.issuer, isoDate(d.date), d.kind, d.parcels, sourceId]));
    await pauseForTests(rows.file);
    await copyRows(client, 'jiezhi.records', RECORD_COLUMNS, rows.records.map((r) => recordRow(r, sourceId)));
    await copyRows(client, 'jiezhi.diagnostics', ['source_id', 'record_uid', 'code', 'severity', 'line', 'end_line', 'diagnostic'], [
      ...rows.records.flatMap((r) => r.diagnostics.map((d) => [sourceId, r.id, d.code, d.severity, d.source?.line ?? null, d.source?.endLine ?? null, d])),
      ...rows.diagnostics.map((d) => [sourceId, null, d.code, d.severity, d.source?.line ?? null, d.source?.endLine ?? null, d]),
    ]);
    await loadMentions(client, rows, sourceId);
    const zones = [...new Set(rows.records.filter((r) => r.zone && r.lonLatRing).map((r) => r.zone!.epsg))].sort((a, b) => a - b);
    if (zones.length > 0) await client.query('SELECT jiezhi.ensure_zone_view(e) FROM unnest($1::int[]) AS e ORDER BY e', [zones]);
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`${rows.file}: not loaded, the database is as it was before this file (${(err as Error).message})`);
  }
}

async function loadMentions(client: Client, rows: FileRows, sourceId: string): Promise<void> {
  if (rows.blockDocuments.length === 0 && rows.mineMentions.length === 0) return;
  // Blocks and mines are shared by every file that names them: written once, in one order, by one loader at a time.
  await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK.shared]);
  const blocks = [...new Map(rows.blockDocuments.map(({ block }) => [block.code, { code: block.code, level: block.level, group_code: block.group, street: block.street }])).values()];
  await client.query(
    `INSERT INTO jiezhi.planning_blocks (code, level, group_code, street)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(code text, level text, group_code text, street text) ORDER BY code
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, group_code = EXCLUDED.group_code, street = EXCLUDED.street`,
    [JSON.stringify(blocks)],
  );
  const mines = [...new Map(rows.mineMentions.map(({ mine }) => [mine.key, { key: mine.key, name: mine.name, kind: mine.kind, aliases: mine.aliases }])).values()];
  await client.query(
    `INSERT INTO jiezhi.mines (key, name, kind, aliases)
     SELECT key, name, kind, ARRAY(SELECT jsonb_array_elements_text(aliases))
     FROM jsonb_to_recordset($1::jsonb) AS t(key text, name text, kind text, aliases jsonb) ORDER BY key
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases`,
    [JSON.stringify(mines)],
  );
  await copyRows(client, 'jiezhi.planning_block_documents', ['source_id', 'code', 'doc', 'doc_key', 'title', 'decided_on', 'role', 'project', 'sources'],
    rows.blockDocuments.map(({ block, document: d }) => [sourceId, block.code, d.doc, normaliseDocNumber(d.doc), d.title, isoDate(d.date), d.role, d.project, d.sources]));
  await copyRows(client, 'jiezhi.mine_mentions', ['source_id', 'mine_key', 'doc', 'doc_key', 'title', 'decided_on', 'name', 'line'],
    rows.mineMentions.map(({ mine, mention: m }) => [sourceId, mine.key, m.doc, normaliseDocNumber(m.doc), m.title, isoDate(m.date), m.name, m.source.line]));
}

async function loadUnsourcedDiagnostics(client: Client, rows: FileRows): Promise<void> {
  await client.query(
    `INSERT INTO jiezhi.diagnostics (code, severity, diagnostic)
     SELECT d ->> 'code', d ->> 'severity', d FROM jsonb_array_elements($1::jsonb) AS d
     ON CONFLICT (md5(diagnostic::text)) WHERE source_id IS NULL DO NOTHING`,
    [JSON.stringify(rows.diagnostics)],
  );
}

const RECORD_COLUMNS = [
  'source_id', 'record_uid', 'doc_key', 'parcel_no', 'kind', 'doc', 'title', 'issuer', 'decided_on', 'holder', 'location', 'four_sides',
  'compensation', 'report_numbers', 'planning_block', 'datum', 'stated_area_text', 'stated_area_value', 'stated_area_unit', 'stated_area_m2',
  'stated_area_decimals', 'computed_m2', 'ellipsoidal_m2', 'delta_m2', 'delta_relative', 'tolerance_m2', 'status', 'zone_width', 'zone',
  'central_meridian', 'epsg', 'points', 'source_file', 'source_line', 'source_end_line', 'elevation_top', 'elevation_bottom', 'attributes',
  'checks', 'hypotheses', 'record', 'geom_native', 'geom_4326',
];

function recordRow(r: RecordsJson['records'][number], sourceId: string) {
  const v = r.verification;
  return [
    sourceId, r.id, docKeyOf(r), r.parcelIndex ?? 0, r.kind, r.doc, r.title, r.issuer, isoDate(r.date), r.holder, r.location, r.fourSides,
    r.compensation, new TextArray(r.reportNumbers), r.planningBlock ?? null, r.datum ?? null, r.statedArea?.text, r.statedArea?.value, r.statedArea?.unit,
    r.statedArea?.m2, r.statedArea?.decimals, v.computedM2, v.ellipsoidalM2, v.deltaM2, v.deltaRelative, v.toleranceM2, v.status,
    r.zone?.width, r.zone?.zone, r.zone?.centralMeridian, r.zone?.epsg, r.points.length, r.span.file, r.span.line, r.span.endLine,
    r.elevation?.top, r.elevation?.bottom, r.attributes, r.checks, r.hypotheses, r, nativeEwkt(r), lonLatEwkt(r),
  ];
}

function buckets(keys: string[]): number[] {
  const out = new Set<number>();
  for (const key of keys) out.add(createHash('md5').update(key).digest().readUInt32BE(0) % DOCUMENT_BUCKETS);
  return [...out];
}

/** A calendar date PostgreSQL accepts, or null: a misprinted date must not lose the file. */
function isoDate(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) ? date : null;
}

let paused = false;
/**
 * Test hook: with JIEZHI_TEST_PAUSE_AFTER_FIRST_COPY=1 the loader stops for good after the first COPY of a file's
 * transaction, so that a test can kill it there and check that the file left nothing behind.
 */
async function pauseForTests(file: string): Promise<void> {
  if (paused || process.env.JIEZHI_TEST_PAUSE_AFTER_FIRST_COPY !== '1') return;
  paused = true;
  process.stderr.write(`jiezhi: paused after the first COPY of ${file}\n`);
  await new Promise(() => undefined);
}

/** `jiezhi load <out-dir> --db <url>`. */
export async function runLoad(dir: string, opts: { db: string }): Promise<number> {
  const file = path.join(dir, 'records.json');
  let json: RecordsJson;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as RecordsJson;
  } catch (err) {
    process.stderr.write(`jiezhi: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    return 2;
  }
  if (json.format !== RECORDS_FORMAT) {
    process.stderr.write(`jiezhi: ${file} is not a Jiezhi extraction (format ${JSON.stringify(json.format)}, expected ${RECORDS_FORMAT})\n`);
    return 2;
  }
  return loadAndReport(json, opts.db);
}

export async function loadAndReport(json: RecordsJson, url: string): Promise<number> {
  try {
    const s = await loadRecords(url, json);
    const dup = s.duplicates ? `; ${s.duplicates} records repeat a 文号 and parcel number already loaded and were skipped` : '';
    process.stderr.write(`jiezhi: ${s.loaded} files loaded (${s.records} records), ${s.unchanged} unchanged, into ${redact(url)}${dup}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`jiezhi: ${(err as Error).message}\n`);
    return 2;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database';
  }
}
