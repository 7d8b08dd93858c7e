// Shared test helpers: the bundled gazettes, an independent reading of their boundary-point lines,
// an independent shoelace, and running real processes (the CLI, cs2cs, ogrinfo).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll } from 'vitest';
import type { InputFile } from '../src/core/extract.js';
import { exportParcels, type ExportedFile } from '../src/core/formats/exportParcels.js';
import { toGuotuTxtText } from '../src/core/formats/guotu-txt/toGuotuTxt.js';
import { toShapefile } from '../src/core/formats/shapefile/toShapefile.js';
import type { Diagnostic, ExtractResult } from '../src/core/model/types.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const gazetteDir = path.join(repoRoot, 'data/gazettes');

/** The five bundled gazettes, named as the CLI names them from the repository root. */
export function gazetteInputs(): InputFile[] {
  return readdirSync(gazetteDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: `data/gazettes/${f}`, bytes: readFileSync(path.join(gazetteDir, f)) }));
}

/**
 * The boundary-point lines of a raw text, read without any of the product's code: physical lines split on
 * CR, LF or CRLF (1-based), kept when they match X<number>= with either width of X and =.
 */
const RAW_POINT_LINE = /[XＸ]\s*\d+\s*[=＝]/;

export function rawPointLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    if (RAW_POINT_LINE.test(l)) out.push(i + 1);
  });
  return out;
}

/** Every (file, line) that is a point or closing point of a parcel, and every diagnostic source line. */
export function placedAndDiagnosed(result: ExtractResult): { placed: Set<string>; diagnosed: Set<string> } {
  const placed = new Set<string>();
  for (const p of result.parcels) {
    for (const q of [...p.points, ...(p.closingPoint ? [p.closingPoint] : [])]) placed.add(`${q.source.file}:${q.source.line}`);
  }
  const diagnosed = new Set<string>();
  const all: Diagnostic[] = [...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)];
  for (const d of all) if (d.source) diagnosed.add(`${d.source.file}:${d.source.line}`);
  return { placed, diagnosed };
}

/** Raw point lines of `file` that are neither placed in a parcel nor the source of a diagnostic. */
export function unaccounted(result: ExtractResult, file: string, text: string): number[] {
  // A file refused as a whole (binary, undecodable, too large) is named by an error of its own: nothing in
  // it is silently lost.
  if (result.diagnostics.some((d) => d.source?.file === file && d.source.line === 0 && d.severity === 'error')) return [];
  const { placed, diagnosed } = placedAndDiagnosed(result);
  return rawPointLines(text).filter((n) => !placed.has(`${file}:${n}`) && !diagnosed.has(`${file}:${n}`));
}

/** Shoelace on (north, east) pairs with a local origin, written here independently of src/core/planarArea. */
export function shoelace(points: readonly { x: number; y: number }[]): number {
  if (points.length < 3) return 0;
  const ox = points[0]!.x;
  const oy = points[0]!.y;
  let s = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    s += (a.x - ox) * (b.y - oy) - (b.x - ox) * (a.y - oy);
  }
  return Math.abs(s) / 2;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? repoRoot, ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', (err) =>
      reject(new Error(`cannot run ${cmd} (scripts/ensure-system-deps.sh installs proj-bin and gdal-bin): ${err.message}`)),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A tool that reads no input (projinfo) may exit before the write: its exit code and output tell the story.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** cs2cs in authority axis order (EPSG:45xx is northing easting, EPSG:4490 is lat lon), rows in, rows out. */
export async function cs2cs(from: number, to: number, rows: [number, number][]): Promise<[number, number][]> {
  const input = rows.map((r) => r.join(' ')).join('\n') + '\n';
  const { code, stdout, stderr } = await run('cs2cs', ['-f', '%.12f', `EPSG:${from}`, `EPSG:${to}`], { input });
  if (code !== 0) throw new Error(`cs2cs EPSG:${from} EPSG:${to} failed: ${stderr}`);
  const out = stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number) as [number, number]);
  if (out.length !== rows.length) throw new Error(`cs2cs EPSG:${from} EPSG:${to} returned ${out.length} rows for ${rows.length}`);
  return out;
}

/** GeographicLib's Planimeter: the geodesic area in m² of a ring of [lat, lon] on the ellipsoid (a, 1/f). */
export async function planimeter(a: number, inverseFlattening: string, latLon: [number, number][]): Promise<number> {
  const input = latLon.map(([lat, lon]) => `${lat.toFixed(12)} ${lon.toFixed(12)}`).join('\n') + '\n';
  const { code, stdout, stderr } = await run('Planimeter', ['-e', String(a), `1/${inverseFlattening}`, '-p', '9'], { input });
  if (code !== 0) throw new Error(`Planimeter failed: ${stderr}`);
  return Math.abs(Number(stdout.trim().split(/\s+/)[2]));
}

/** Runs the compiled CLI, bin/jiezhi.js, with node. */
export function jiezhi(args: string[], cwd = repoRoot): Promise<RunResult> {
  return run(process.execPath, [path.join(repoRoot, 'bin/jiezhi.js'), ...args], { cwd });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function cliIsStale(): boolean {
  const main = path.join(repoRoot, 'dist/cli/main.js');
  let built: number;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(newestMtime(path.join(repoRoot, 'src/core')), newestMtime(path.join(repoRoot, 'src/cli'))) > built;
}

/**
 * Compiles src/core and src/cli to dist/ when dist/cli/main.js is missing or older than a source file.
 * Test files run in parallel workers: a lock folder keeps two of them from writing dist/ at once.
 */
export async function ensureCliBuilt(): Promise<void> {
  if (!cliIsStale()) return;
  const lock = path.join(repoRoot, 'dist.build-lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!cliIsStale()) return;
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A Word document made from a gazette document's text, as a bureau would type it: the prose as paragraphs
 * and the "X1＝…，Y1＝…" lines as a 点号 | X | Y table where the list stood.
 */
export function docxWithPointTable(text: string): Uint8Array {
  const lines = text.split('\n').filter((l) => l.trim());
  const isPoint = (l: string) => /^\s*X\d+＝/.test(l);
  const at = lines.findIndex(isPoint);
  const rows = lines
    .map((l) => /X(\d+)＝([\d.]+)[，\s]+Y\d+＝([\d.]+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [`J${m[1]}`, m[2]!, m[3]!]);
  const prose = lines.filter((l) => !isPoint(l));
  return docx(prose.slice(0, at), [['点号', 'X', 'Y'], ...rows], prose.slice(at));
}

/** A minimal Word document: paragraphs, a table, paragraphs. */
function docx(before: string[], table: string[][], after: string[]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const p = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const tbl = `<w:tbl>${table.map((row) => `<w:tr>${row.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const body = `${before.map(p).join('')}${tbl}${after.map(p).join('')}`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}


/** A download the test expects to succeed: its file, or the writer's diagnostics as the failure. */
export function exported(...args: Parameters<typeof exportParcels>): ExportedFile {
  const outcome = exportParcels(...args);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.code}: ${d.message.en}`).join('; '));
  return outcome.file;
}

/** The 国土 TXT text the test expects to be writable. */
export function guotuText(...args: Parameters<typeof toGuotuTxtText>): string {
  const text = toGuotuTxtText(...args);
  if (typeof text !== 'string') throw new Error(`${text.code}: ${text.message.en}`);
  return text;
}

/** The Shapefile zip the test expects to be writable. */
export function shapefileZip(...args: Parameters<typeof toShapefile>): Uint8Array {
  const written = toShapefile(...args);
  if (!written.bytes) throw new Error(written.diagnostics.map((d) => `${d.code}: ${d.message.en}`).join('; '));
  return written.bytes;
}

/** 吕政发〔2022〕10号, 002:447-510 (docs/gazettes.md §2): 7 points, 2875.21 平方米, space-separated X/Y. */
export const DOC10 = readFileSync(path.join(gazetteDir, '002_974677008c505204.txt'), 'utf8').split('\n').slice(446, 510).join('\n');

/**
 * A scratch folder for the tests of one file, made before them (with the CLI built) and removed after:
 * `at(name)` is a path in it, `write(name, content)` writes a file there and gives its path.
 */
export function scratchFolder(prefix: string): { at: (name: string) => string; write: (name: string, content: string | Uint8Array) => string } {
  let dir = '';
  beforeAll(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string) => path.join(dir, name);
  return {
    at,
    write: (name, content) => {
      writeFileSync(at(name), content);
      return at(name);
    },
  };
}
