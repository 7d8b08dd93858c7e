#!/usr/bin/env node
// Measures the reader against the corpus of real public documents in tests/fixtures/real:
// runs the compiled CLI on each case's input and compares its records.json with the
// independently computed expected.json. One line per document, then a total.
// Exit code 0 unless --strict is given (many documents are expected to fail for now).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'tests', 'fixtures', 'real');
const cli = join(root, 'bin', 'jiezhi.js');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const only = args.filter((a) => !a.startsWith('--'));

const AREA_TOLERANCE_M2 = 0.01;

// Reads a dotted path; a missing step is reported by name so that a renamed field in
// records.json shows up as "field missing" instead of a silent pass or a crash.
function field(obj, path, where, diffs) {
  let cur = obj;
  for (const step of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(step in cur)) {
      diffs.push(`field missing: ${where}.${path}`);
      return undefined;
    }
    cur = cur[step];
  }
  return cur;
}

function runCli(input, out) {
  const res = spawnSync(process.execPath, [cli, 'extract', input, '--out', out], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return res;
}

function near(a, b, tol) {
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tol;
}

// Pairs each expected polygon with the found record whose point count matches and whose
// area is closest; what is left over is reported as missing or extra.
function pair(expected, found, lonlat) {
  const free = new Set(found.map((_, i) => i));
  const pairs = [];
  for (const e of expected) {
    const target = lonlat ? e.ellipsoidalAreaM2 : e.planarAreaM2;
    let best = -1;
    let bestScore = Infinity;
    for (const i of free) {
      const r = found[i];
      const n = Array.isArray(r.points) ? r.points.length : -1;
      const area = lonlat ? r.verification?.ellipsoidalM2 : (r.verification?.planarM2 ?? r.verification?.computedM2);
      const score = (n === e.points ? 0 : 1e12) + (typeof area === 'number' ? Math.abs(area - target) : 1e11);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best >= 0) free.delete(best);
    pairs.push([e, best >= 0 ? found[best] : null]);
  }
  return { pairs, extra: [...free].map((i) => found[i]) };
}

function numbersOf(values) {
  return values.map(Number).filter((v) => Number.isFinite(v));
}

function compareCase(name) {
  const dir = join(corpus, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const diffs = [];
  const out = mkdtempSync(join(tmpdir(), `jiezhi-real-${name}-`));
  try {
    const res = runCli(join(dir, expected.input), out);
    const recordsPath = join(out, 'records.json');
    if (res.status !== 0 || !existsSync(recordsPath)) {
      const msg = (res.stderr || res.error?.message || '').trim().split('\n').pop();
      return [`cli exit ${res.status}${msg ? `: ${msg}` : ''}`];
    }
    const doc = JSON.parse(readFileSync(recordsPath, 'utf8'));
    const records = field(doc, 'records', 'records.json', diffs);
    if (!Array.isArray(records)) return diffs.length ? diffs : ['records.json: records is not a list'];

    const lonlat = expected.crs?.axis !== undefined;
    const found = records.filter((r) => Array.isArray(r?.points) && r.points.length >= 3);
    const want = expected.polygons;
    if (found.length !== want.length) diffs.push(`polygons ${found.length}, expected ${want.length}`);

    const { pairs } = pair(want, found, lonlat);
    for (const [e, r] of pairs) {
      const where = `"${e.label}"`;
      if (!r) {
        diffs.push(`${where} not found`);
        continue;
      }
      const n = r.points.length;
      if (n !== e.points) diffs.push(`${where} points ${n}, expected ${e.points}`);

      // For mining zones and 度分秒 documents `computedM2` is the ellipsoidal area (TD/T 1055-2019 附录D) and the
      // planar one is beside it in `planarM2`; for land on a grid `computedM2` is the planar area.
      if (!lonlat) {
        const planar = r.verification?.planarM2 ?? field(r, 'verification.computedM2', where, diffs);
        if (planar !== undefined && !near(planar, e.planarAreaM2, AREA_TOLERANCE_M2)) {
          diffs.push(`${where} planar area ${typeof planar === 'number' ? planar.toFixed(4) : planar} m², expected ${e.planarAreaM2} ±${AREA_TOLERANCE_M2}`);
        }
      }
      if (typeof e.ellipsoidalAreaM2 === 'number') {
        // Lon/lat documents: the half-digit of a printed second moves every vertex, so their figure is only
        // as good as its rounding bound; a grid ring's ellipsoidal area is exact up to the projection.
        const tol = lonlat ? Math.max(AREA_TOLERANCE_M2, e.roundingBoundM2 ?? 0) : AREA_TOLERANCE_M2;
        const ell = field(r, 'verification.ellipsoidalM2', where, diffs);
        if (ell !== undefined && !near(ell, e.ellipsoidalAreaM2, tol)) {
          diffs.push(`${where} ellipsoidal area ${typeof ell === 'number' ? ell.toFixed(4) : ell} m², expected ${e.ellipsoidalAreaM2} ±${tol}`);
        }
      }

      const epsgWanted = [expected.crs?.epsg, e.planarCrs?.epsg].filter((v) => v != null);
      if (epsgWanted.length) {
        const epsg = r.crs?.epsg ?? field(r, 'zone.epsg', where, diffs);
        if (epsg !== undefined && !epsgWanted.includes(epsg)) {
          diffs.push(`${where} EPSG:${epsg}, expected EPSG:${epsgWanted.join(' or ')}`);
        }
      }

      if (e.stated) {
        const m2 = field(r, 'statedArea.m2', where, diffs);
        if (m2 !== undefined && !near(m2, e.stated.m2, 1e-6 * Math.max(1, e.stated.m2))) {
          diffs.push(`${where} stated ${m2} m², expected ${e.stated.m2} (${e.stated.text})`);
        }
      }
      if (e.verdict) {
        const status = field(r, 'verification.status', where, diffs);
        if (status !== undefined && status !== e.verdict) diffs.push(`${where} verdict ${status}, expected ${e.verdict} (${e.verdictRule ?? 'rule not given'})`);
        // An older mining notice's figure is the planar area: the reader must say which one it agreed with.
        if (status === e.verdict && e.agreesWith) {
          const agrees = r.verification?.agreesWith;
          if (agrees !== e.agreesWith) diffs.push(`${where} agrees with ${agrees ?? 'nothing named'}, expected ${e.agreesWith}`);
        }
      }
    }

    // Values the document prints that are not coordinates must not turn up as one.
    const banned = new Set(numbersOf(expected.mustNotContain ?? []));
    if (banned.size) {
      for (const r of records) {
        for (const p of Array.isArray(r?.points) ? r.points : []) {
          for (const v of [p?.x, p?.y]) {
            if (banned.has(v)) diffs.push(`value ${v} read as a coordinate (${r.id ?? r.doc ?? '?'})`);
          }
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return diffs;
}

if (!existsSync(cli)) {
  console.error(`missing ${cli}: build the CLI first (npx tsc -p tsconfig.cli.json)`);
  process.exit(2);
}

const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(corpus, d.name, 'expected.json')))
  .map((d) => d.name)
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

let right = 0;
for (const name of cases) {
  let diffs;
  try {
    diffs = compareCase(name);
  } catch (err) {
    diffs = [`evaluation error: ${err.message}`];
  }
  if (diffs.length === 0) {
    right++;
    console.log(`ok  ${name}`);
  } else {
    const shown = [...new Set(diffs)];
    console.log(`FAIL ${name}: ${shown.slice(0, 6).join('; ')}${shown.length > 6 ? `; … ${shown.length - 6} more` : ''}`);
  }
}
console.log(`${right}/${cases.length} documents right`);
process.exit(strict && right < cases.length ? 1 : 0);
