#!/usr/bin/env node
// Structure-aware fuzzing of the binary readers, one mutator per format as GDAL runs one fuzzer per driver:
// valid .shp/.shx/.dbf (zipped), zip containers, .docx, PDF and GeoJSON fixtures get their lengths, counts and
// offsets set to 0, −1, huge or off by one, are cut at random points, get entries duplicated or dropped, or
// become bombs. Every case must end in a result or a coded diagnostic; an uncaught exception, an internal
// message reaching a diagnostic, a timeout or running out of memory is a finding, printed with its seed and
// case number and written to bench-results/fuzz-findings/ so that it can become a fixture.
//
// Cases run in a worker_threads Worker with a 512 MB heap and a 5 s budget per case; the worker is reused while
// it is healthy and replaced after a timeout or a crash. Each case's input is a pure function of (seed, case),
// so a finding reproduces with `--seed S --only N`.
//
//   node scripts/fuzz-binary.mjs [--seed S] [--cases N] [--only N] [--self-test hang|oom]
//
// The core is imported from dist/ (npm run build:cli); tests/hostile/fuzz-binary.test.ts runs the same
// generator in-process against src/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { strToU8, zipSync } from 'fflate';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CASE_MS = 5000;
const HEAP_MB = 512;

/** Limits small enough that a bomb is refused in milliseconds, large enough for every valid fixture. */
export const FUZZ_LIMITS = { archiveBytes: 8e6, archiveEntries: 200, xmlElements: 50_000, crossingsListed: 20, overlapVertices: 4000 };

/** Text no user may see: an engine's exception message inside a diagnostic. */
const INTERNAL = /DataView|Offset is outside|out of bounds|RangeError|TypeError|is not a function|Cannot read propert|undefined|\bNaN\b|Invalid array length|Maximum call stack/;
/** The one diagnostic whose subject is a value such as NaN. */
const NAMES_NUMBERS = 'import-coordinate-not-finite';

// ---- seeded randomness ----

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rngFor(seed, index) {
  return mulberry32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77));
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, n) => Math.floor(rand() * n);

/** The values a length, count or offset is set to. */
function hostileInt(rand, current, bits) {
  const max = bits === 16 ? 0xffff : 0x7fffffff;
  return pick(rand, [0, -1, 1, max, bits === 16 ? 0x8000 : -0x80000000, current + 1, current - 1, current * 2, current + 8, int(rand, max), bits === 32 ? 0xffffffff | 0 : max - 1]);
}

// ---- fixtures ----

/**
 * The valid inputs every case starts from, built once with the core's own writers (`core` from dist/ or src/).
 * Small on purpose: the fuzzer's speed is in the number of cases, not their size.
 */
export function makeFixtures(core, { bombBytes = 16e6 } = {}) {
  const square = (e, n, side) => [
    [e, n],
    [e, n + side],
    [e + side, n + side],
    [e + side, n],
    [e, n],
  ];
  const rings = [[square(37_500_000, 4_150_000, 100)], [square(37_500_200, 4_150_000, 100), square(37_500_220, 4_150_020, 20).reverse()], [square(37_500_400, 4_150_000, 50)]];
  const { shp, shx } = core.writeShpShx(rings);
  const dbf = core.writeDbf(
    [
      { name: 'ID', type: 'N' },
      { name: 'NAME', type: 'C' },
      { name: 'DATE', type: 'D' },
    ],
    rings.map((_, i) => [i + 1, `地块${i + 1}`, '2024-01-02']),
  ).bytes;
  const shapefile = { shp, shx, dbf, prj: strToU8(core.toEsriWkt(4525)), cpg: strToU8('UTF-8') };
  const paragraphs = ['吕政发〔2022〕15号', '吕梁市人民政府关于收回国有建设用地使用权的决定', '面积为 10000 平方米', 'X1=4150000.000，Y1=37500000.000'];
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const docxParts = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  };
  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { doc: '测试〔2024〕1号', stated_area_m2: 12345.6 }, geometry: { type: 'Polygon', coordinates: [[[111.0, 37.5], [111.001, 37.5], [111.001, 37.501], [111.0, 37.501], [111.0, 37.5]]] } },
      { type: 'Feature', properties: { name: '第二块' }, geometry: { type: 'MultiPolygon', coordinates: [[[[111.002, 37.5], [111.003, 37.5], [111.003, 37.501], [111.002, 37.5]]]] } },
    ],
  };
  // Zeros (16 MB unless told), deflated once per name a reader may want; the cases make their sizes lie or
  // glue them on. They only need to be larger than the archive limit the cases run under.
  const zeros = new Uint8Array(bombBytes);
  const bombs = BOMB_NAMES.map((name) => zipSync({ [name]: [zeros, { level: 9 }] }));
  return { shapefile, docxParts, geojson, pdf: minimalPdf(), bombs };
}

const BOMB_NAMES = ['parcels.dbf', 'parcels.shp', 'parcels.prj', 'word/document.xml', 'unrelated.bin'];

/** A one-page PDF with a text layer, its xref offsets computed. */
function minimalPdf() {
  const stream = 'BT /F1 12 Tf 72 720 Td (X1=4150000.000, Y1=37500000.000) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(text);
}

// ---- mutators ----

function setInt(bytes, at, value, littleEndian, bits = 32) {
  if (at < 0 || at + bits / 8 > bytes.length) return bytes;
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (bits === 16) view.setUint16(at, value & 0xffff, littleEndian);
  else view.setInt32(at, value | 0, littleEndian);
  return out;
}

function truncate(rand, bytes) {
  return bytes.subarray(0, int(rand, bytes.length + 1));
}

function flipBytes(rand, bytes) {
  const out = bytes.slice();
  const n = 1 + int(rand, 4);
  for (let k = 0; k < n && out.length > 0; k++) out[int(rand, out.length)] = pick(rand, [0, 0xff, 0x7f, 0x80, int(rand, 256)]);
  return out;
}

/** Offsets of the .shp fields that lengths and counts live in, found by walking its records. */
function shpFields(shp) {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const fields = [
    { at: 0, le: false },
    { at: 24, le: false },
    { at: 32, le: true },
  ];
  // The walk trusts only what an earlier mutation left in range.
  for (let at = 100; at + 52 <= shp.length; ) {
    const length = view.getInt32(at + 4) * 2;
    const content = at + 8;
    const parts = Math.min(view.getInt32(content + 36, true), 16);
    fields.push({ at: at + 4, le: false }, { at: content, le: true }, { at: content + 36, le: true }, { at: content + 40, le: true });
    for (let k = 0; k < parts; k++) fields.push({ at: content + 44 + 4 * k, le: true });
    fields.push({ coordinate: content + 44 + 4 * Math.max(0, parts) });
    if (length <= 0) break;
    at = content + length;
  }
  return fields.filter((f) => ('coordinate' in f ? f.coordinate : f.at + 4) <= shp.length);
}

function mutateShp(rand, shp) {
  const fields = shpFields(shp);
  const f = pick(rand, fields);
  if (f && 'coordinate' in f) {
    const out = shp.slice();
    const at = f.coordinate + 8 * int(rand, 8);
    if (at + 8 <= out.length) new DataView(out.buffer).setFloat64(at, pick(rand, [Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0, 5e-324]), true);
    return out;
  }
  if (!f) return shp;
  const current = new DataView(shp.buffer, shp.byteOffset, shp.byteLength).getInt32(f.at, f.le);
  return setInt(shp, f.at, hostileInt(rand, current, 32), f.le);
}

function mutateShx(rand, shx) {
  const entries = Math.max(1, Math.floor((shx.length - 100) / 8));
  const at = pick(rand, [0, 24, 100 + 8 * int(rand, entries), 104 + 8 * int(rand, entries)]);
  const current = at + 4 <= shx.length ? new DataView(shx.buffer, shx.byteOffset, shx.byteLength).getInt32(at) : 0;
  return setInt(shx, at, hostileInt(rand, current, 32), false);
}

function mutateDbf(rand, dbf) {
  if (dbf.length < 12) return flipBytes(rand, dbf);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const fieldCount = Math.max(1, Math.floor((view.getUint16(8, true) - 33) / 32));
  const choice = int(rand, 6);
  if (choice === 0) return setInt(dbf, 4, hostileInt(rand, view.getUint32(4, true), 32), true);
  if (choice === 1) return setInt(dbf, 8, hostileInt(rand, view.getUint16(8, true), 16), true, 16);
  if (choice === 2) return setInt(dbf, 10, hostileInt(rand, view.getUint16(10, true), 16), true, 16);
  const out = dbf.slice();
  const field = 32 + 32 * int(rand, fieldCount);
  if (choice === 3 && field + 17 < out.length) out[field + 16] = pick(rand, [0, 1, 255, 254, out[field + 16] + 1]);
  else if (choice === 4 && field + 11 < out.length) out[field + 11] = pick(rand, [0x43, 0x4e, 0x44, 0x46, 0x4c, 0, 0x3f]);
  // A NUL, a deleted flag or a stray byte inside the records.
  else if (out.length > view.getUint16(8, true)) out[view.getUint16(8, true) + int(rand, out.length - view.getUint16(8, true))] = pick(rand, [0, 0x2a, 0x0d, 0xff]);
  return out;
}

/** Raw central-directory and local-header fields of a zip, for the container mutations. */
function mutateZipContainer(rand, zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fields = [];
  for (let at = 0; at + 4 <= zip.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) fields.push([at + 8, 16], [at + 18, 32], [at + 22, 32], [at + 26, 16], [at + 28, 16]);
    else if (sig === 0x02014b50) fields.push([at + 10, 16], [at + 20, 32], [at + 24, 32], [at + 28, 16], [at + 30, 16], [at + 42, 32]);
    else if (sig === 0x06054b50) fields.push([at + 8, 16], [at + 10, 16], [at + 12, 32], [at + 16, 32], [at + 20, 16]);
  }
  const inside = fields.filter(([at, bits]) => at + bits / 8 <= zip.length);
  if (inside.length === 0) return flipBytes(rand, zip);
  const [at, bits] = pick(rand, inside);
  const current = bits === 16 ? view.getUint16(at, true) : view.getInt32(at, true);
  return setInt(zip, at, hostileInt(rand, current, bits), true, bits);
}

function lieAboutSizes(rand, zip) {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50 && rand() < 0.7) view.setUint32(at + 24, pick(rand, [0, 1, 100, 0xffffffff]), true);
  }
  return out;
}

/** Generates case `index` of `seed`: its kind, file name and bytes. */
export function generateCase(fixtures, seed, index) {
  const rand = rngFor(seed, index);
  const kind = pick(rand, ['shp', 'shp', 'shp', 'shx', 'dbf', 'dbf', 'zip', 'zip', 'bomb', 'docx', 'docx', 'pdf', 'geojson', 'geojson']);
  const parts = { ...fixtures.shapefile };
  const zipParts = (p, extra = {}) => {
    const files = { ...extra };
    for (const [ext, bytes] of Object.entries(p)) if (bytes) files[`parcels.${ext}`] = [bytes, { level: 0 }];
    return zipSync(files);
  };
  const rounds = 1 + int(rand, 3);
  switch (kind) {
    case 'shp':
    case 'shx':
    case 'dbf': {
      for (let r = 0; r < rounds; r++) {
        if (rand() < 0.2) parts[kind] = truncate(rand, parts[kind]);
        else parts[kind] = kind === 'shp' ? mutateShp(rand, parts[kind]) : kind === 'shx' ? mutateShx(rand, parts[kind]) : mutateDbf(rand, parts[kind]);
      }
      if (rand() < 0.1) delete parts[pick(rand, ['shx', 'dbf', 'prj', 'cpg'])];
      return { kind, file: `case${index}.zip`, bytes: zipParts(parts) };
    }
    case 'zip': {
      const extra = rand() < 0.3 ? { 'other.shp': [parts.shp, { level: 0 }], 'PARCELS.SHP': [parts.shp.subarray(0, 120), { level: 0 }] } : {};
      let zip = rand() < 0.5 ? zipSync(Object.fromEntries(Object.entries({ ...parts }).map(([e, b]) => [`parcels.${e}`, b]))) : zipParts(parts, extra);
      for (let r = 0; r < rounds; r++) zip = pick(rand, [mutateZipContainer, mutateZipContainer, truncate, flipBytes, lieAboutSizes])(rand, zip);
      return { kind, file: `case${index}.zip`, bytes: zip };
    }
    case 'bomb': {
      // The 16 MB entry under a name a reader wants (or not), its declared size a lie or not.
      let bomb = pick(rand, fixtures.bombs);
      if (rand() < 0.5) bomb = lieAboutSizes(rand, bomb);
      // Glued after a valid Shapefile's entries the offsets break, which the reader must also survive.
      if (rand() < 0.3) bomb = new Uint8Array([...zipParts(parts), ...bomb]);
      return { kind, file: `case${index}.zip`, bytes: bomb };
    }
    case 'docx': {
      const docParts = { ...fixtures.docxParts };
      if (rand() < 0.3) {
        const xml = new TextDecoder().decode(docParts['word/document.xml']);
        const paragraph = '<w:p><w:r><w:t>第一条</w:t></w:r></w:p>';
        docParts['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${paragraph.repeat(pick(rand, [10, 1000, 20_000]))}`));
      }
      if (rand() < 0.2) docParts['word/document.xml'] = truncate(rand, docParts['word/document.xml']);
      let zip = zipSync(docParts, { level: 1 });
      if (rand() < 0.6) for (let r = 0; r < rounds; r++) zip = pick(rand, [mutateZipContainer, truncate, flipBytes, lieAboutSizes])(rand, zip);
      return { kind, file: `case${index}.docx`, bytes: zip };
    }
    case 'pdf': {
      let pdf = fixtures.pdf;
      const text = new TextDecoder('latin1').decode(pdf);
      const numbers = [...text.matchAll(/\d+/g)];
      for (let r = 0; r < rounds; r++) {
        const choice = int(rand, 3);
        if (choice === 0 && numbers.length) {
          // A length, count, offset or object number set to a hostile value.
          const m = pick(rand, numbers);
          const value = String(pick(rand, [0, -1, 99999999999, 2147483648, Number(m[0]) + 1, '']));
          pdf = strToU8(text.slice(0, m.index) + value + text.slice(m.index + m[0].length), true);
        } else if (choice === 1) pdf = truncate(rand, pdf);
        else pdf = flipBytes(rand, pdf);
      }
      return { kind, file: `case${index}.pdf`, bytes: pdf };
    }
    default: {
      const g = structuredClone(fixtures.geojson);
      for (let r = 0; r < rounds; r++) mutateJson(rand, g);
      let text = JSON.stringify(g);
      if (rand() < 0.3) text = text.replace(/-?\d+\.\d+/, pick(rand, ['1e309', '-1e309', '1e-400', '123456789012345678901234567890']));
      if (rand() < 0.1) text = text.slice(0, int(rand, text.length));
      return { kind, file: `case${index}.geojson`, bytes: strToU8(text) };
    }
  }
}

/** Replaces, drops or duplicates something somewhere in a parsed GeoJSON value. */
function mutateJson(rand, value) {
  let node = value;
  for (let depth = 0; depth < 8; depth++) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : node && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) return;
    const key = pick(rand, keys);
    const child = node[key];
    if (child === null || typeof child !== 'object' || rand() < 0.25) {
      const choice = int(rand, 6);
      if (choice === 0 && Array.isArray(node)) node.splice(key, 1);
      else if (choice === 1 && Array.isArray(node)) node.push(structuredClone(child));
      else {
        const replacement = pick(rand, [null, 0, -1, '', 'x', [], {}, [[]], 1e308, -0, true, 'Polygon', [0, 0], 'zigzag']);
        // A ring of 3 000 points zigzagging across itself.
        node[key] = replacement === 'zigzag' ? Array.from({ length: 3000 }, (_, i) => [111 + (i % 2) * 0.001, 37.5 + i * 1e-6]) : replacement;
      }
      return;
    }
    node = child;
  }
}

// ---- running one case ----

/**
 * Runs one case the way the CLI does: docx and PDF through the Node shell (archive limits, mammoth, pdfjs),
 * everything through extract; `documents: false` stops docx at the archive check and leaves PDF bytes to
 * extract (which must refuse them as binary). Returns a description of the finding, or null when the case ended in a result or
 * a coded diagnostic.
 */
export async function runCase(core, testCase, options = {}) {
  const limits = options.limits ?? FUZZ_LIMITS;
  const documents = options.documents ?? true;
  let result;
  try {
    let input = { file: testCase.file, bytes: testCase.bytes };
    if (testCase.kind === 'docx') {
      const check = core.checkDocx(testCase.file, testCase.bytes, limits);
      if (check.docx && check.problem) return leaked([check.problem]);
      if (check.docx && documents) input = await core.prepareInput(testCase.file, testCase.bytes, limits);
    } else if (testCase.kind === 'pdf' && documents) {
      input = await core.prepareInput(testCase.file, testCase.bytes, limits);
    }
    // A shell's refusal is a coded diagnostic for the user (with the library's own words for a broken PDF or Word file).
    if ('diagnostic' in input) return leaked([input.diagnostic]);
    result = core.extract([input], { limits });
  } catch (err) {
    return `uncaught ${err?.name ?? 'exception'}: ${err?.message ?? err}`;
  }
  return leaked([...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics)]);
}

function leaked(diagnostics) {
  for (const d of diagnostics) {
    if (!d.code || !d.message?.zh || !d.message?.en) return `diagnostic without code or message: ${JSON.stringify(d)}`;
    const en = d.code === NAMES_NUMBERS ? d.message.en.replace(/\bNaN\b/, '') : d.message.en;
    if (INTERNAL.test(en) || (d.code !== NAMES_NUMBERS && INTERNAL.test(d.message.zh))) return `internal text in ${d.code}: ${d.message.en}`;
  }
  return null;
}

// ---- the worker and the main loop ----

async function loadCore() {
  const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
  const [{ extract }, { checkDocx }, { prepareInput }, { writeShpShx }, { writeDbf }, { toEsriWkt }] = await Promise.all([
    dist('core/extract.js'),
    dist('core/formats/docx/checkDocx.js'),
    dist('cli/readDocuments.js'),
    dist('core/formats/shapefile/toShapefile.js'),
    dist('core/formats/shapefile/dbf.js'),
    dist('core/formats/shapefile/esriWkt.js'),
  ]);
  return { extract, checkDocx, prepareInput, writeShpShx, writeDbf, toEsriWkt };
}

async function workerMain() {
  // pdfjs reports what it works around (a broken xref, a font it cannot load) on the console: not findings.
  for (const level of ['log', 'warn']) {
    const original = console[level];
    console[level] = (...args) => (String(args[0]).startsWith('Warning:') ? undefined : original(...args));
  }
  const core = await loadCore();
  const fixtures = makeFixtures(core);
  const { seed, selfTest } = workerData;

  parentPort.on('message', async ({ index }) => {
    if (selfTest === 'hang' && index === 3) for (;;);
    if (selfTest === 'oom' && index === 3) {
      const hog = [];
      for (;;) hog.push(new Array(1e6).fill(index));
    }
    const testCase = generateCase(fixtures, seed, index);
    const started = performance.now();
    const finding = await runCase(core, testCase);
    parentPort.postMessage({ index, kind: testCase.kind, ms: performance.now() - started, finding, heap: getHeapStatistics().used_heap_size });
  });
  parentPort.postMessage({ ready: true });
}

function parseArgs(argv) {
  const args = { seed: Date.now() % 2 ** 31, cases: 1000, only: null, selfTest: null };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    if (argv[i] === '--seed') args.seed = Number(next());
    else if (argv[i] === '--cases') args.cases = Number(next());
    else if (argv[i] === '--only') args.only = Number(next());
    else if (argv[i] === '--self-test') args.selfTest = next();
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const indices = args.only !== null ? [args.only] : Array.from({ length: args.cases }, (_, i) => i);
  console.log(`fuzz-binary: seed ${args.seed}, ${indices.length} cases, ${CASE_MS} ms and ${HEAP_MB} MB per case`);
  const findingsDir = path.join(root, 'bench-results', 'fuzz-findings');
  const findings = [];
  const perKind = new Map();
  let slowest = { ms: 0, index: -1, kind: '' };
  let peakHeap = 0;
  let peakRss = 0;
  let fixtures = null;
  const started = performance.now();

  const record = async (index, kind, problem) => {
    fixtures ??= makeFixtures(await loadCore());
    const testCase = generateCase(fixtures, args.seed, index);
    mkdirSync(findingsDir, { recursive: true });
    const file = path.join(findingsDir, `seed${args.seed}-case${index}-${testCase.kind}${path.extname(testCase.file)}`);
    writeFileSync(file, testCase.bytes);
    findings.push({ index, kind: kind ?? testCase.kind, problem, file });
    console.log(`FINDING seed ${args.seed} case ${index} (${kind ?? testCase.kind}): ${problem}\n  input written to ${path.relative(root, file)}`);
  };

  const pending = [];
  let next = 0;
  while (next < indices.length) {
    // One worker for as long as it stays healthy; a timeout or a crash costs it, and the next case gets a new one.
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed: args.seed, selfTest: args.selfTest }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    const outcome = await new Promise((resolve) => {
      let timer = null;
      let current = null;
      const send = () => {
        if (next >= indices.length) return resolve({ done: true });
        current = indices[next];
        worker.postMessage({ index: current });
        clearTimeout(timer);
        timer = setTimeout(() => resolve({ failed: current, problem: `timeout (over ${CASE_MS} ms)` }), CASE_MS);
      };
      worker.on('message', (m) => {
        if (m.ready) return send();
        clearTimeout(timer);
        next++;
        peakHeap = Math.max(peakHeap, m.heap);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        const k = perKind.get(m.kind) ?? { cases: 0, ms: 0 };
        perKind.set(m.kind, { cases: k.cases + 1, ms: k.ms + m.ms });
        if (m.ms > slowest.ms) slowest = { ms: m.ms, index: m.index, kind: m.kind };
        if (m.finding) pending.push(record(m.index, m.kind, m.finding));
        if (next % 10_000 === 0) console.log(`  ${next} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        send();
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        resolve({ failed: current, problem: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${HEAP_MB} MB heap)` : `worker crashed: ${err.message}` });
      });
      worker.on('exit', (code) => resolve({ failed: current, problem: `worker exited with code ${code}` }));
    });
    await worker.terminate();
    if (outcome.failed === null) {
      // No case was running: the worker could not start (dist/ not built, node_modules missing).
      console.error(`fuzz-binary: the worker failed before any case: ${outcome.problem}`);
      process.exit(2);
    }
    if (outcome.failed !== undefined) {
      await record(outcome.failed, null, outcome.problem);
      next++;
    }
  }

  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzz-binary: ${indices.length} cases in ${seconds.toFixed(1)} s, ${findings.length} findings`);
  for (const [kind, k] of [...perKind.entries()].sort()) console.log(`  ${kind.padEnd(8)} ${String(k.cases).padStart(7)} cases, mean ${(k.ms / k.cases).toFixed(2)} ms`);
  console.log(`  slowest case: ${slowest.index} (${slowest.kind}), ${slowest.ms.toFixed(0)} ms`);
  console.log(`  peak worker heap ${(peakHeap / 1e6).toFixed(0)} MB, peak process RSS ${(peakRss / 1e6).toFixed(0)} MB`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

if (!isMainThread) await workerMain();
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
