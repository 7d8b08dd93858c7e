// npm run bench:extract — extraction throughput over the bundled gazettes replicated to at least 50 MB, beside
// what the machine can do at best with the same bytes, all measured in the same run, round after round, so
// that a busy machine slows every figure alike:
//   ceiling   TextDecoder + String.prototype.normalize('NFKC') over the bytes, the first two steps of any reading;
//   core      the core's extract() over the bytes in memory, in this thread (decode → normalise → clean →
//             segment → records → parcels → merge);
//   jobs 1    `jiezhi extract --jobs 1` without writing outputs: the files read from disk one at a time and
//             extracted in this thread;
//   jobs N    the same with one worker thread per core.
// Prints figures; judges nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../dist/core/extract.js';
import { extractFiles } from '../dist/cli/batch/extractFiles.js';
import { resolveLimits } from '../dist/core/model/limits.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, 'data', 'gazettes');
const targetBytes = Number(process.env.BENCH_MB ?? 50) * 1e6;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const cores = availableParallelism();

const originals = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: f, bytes: readFileSync(path.join(dir, f)) }));
const inputs = [];
let total = 0;
for (let copy = 0; total < targetBytes; copy++) {
  for (const o of originals) {
    inputs.push({ file: `copy${copy}/${o.file}`, bytes: o.bytes });
    total += o.bytes.length;
  }
}
// The same corpus as files, for the CLI's path (read from the page cache after the first round).
const corpus = mkdtempSync(path.join(tmpdir(), 'jiezhi-bench-'));
const entries = inputs.map((input) => {
  const file = path.join(corpus, input.file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, input.bytes);
  return { path: file, name: input.file };
});

// MB here is 10⁶ bytes.
const mb = total / 1e6;
console.log(`input: ${inputs.length} files, ${mb.toFixed(1)} MB (${originals.length} gazettes replicated); ${cores} cores; node ${process.version}`);

let sink = 0;
function ceiling() {
  for (const input of inputs) sink += new TextDecoder('utf-8', { fatal: true }).decode(input.bytes).normalize('NFKC').length;
}
let records = 0;
const measures = {
  ceiling: { label: 'decode + NFKC ceiling', run: async () => ceiling() },
  core: { label: 'core extract, 1 thread', run: async () => (records = extract(inputs).parcels.length) },
  jobs1: { label: 'extract --jobs 1', run: async () => (records = (await batch(1)).parcels.length) },
  jobsN: { label: `extract --jobs ${cores}`, run: async () => (records = (await batch(cores)).parcels.length) },
};
async function batch(jobs) {
  return (await extractFiles(entries, { limits: resolveLimits(), options: {}, jobs })).core;
}

const rates = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
try {
  for (let round = 0; round <= runs; round++) {
    const line = [];
    for (const [key, m] of Object.entries(measures)) {
      const t0 = performance.now();
      await m.run();
      const rate = mb / ((performance.now() - t0) / 1000);
      // Round 0 warms the JIT and the page cache.
      if (round > 0) rates[key].push(rate);
      line.push(`${key} ${rate.toFixed(1)}`);
    }
    console.log(`${round === 0 ? 'warm-up' : `run ${round}`}: ${line.join('  ')} MB/s  (${records} records)`);
  }
} finally {
  rmSync(corpus, { recursive: true, force: true });
}

// Other processes share the cores: the median says what a run gets, the best what the machine can do.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const med = Object.fromEntries(Object.entries(rates).map(([k, xs]) => [k, median(xs)]));
const best = Object.fromEntries(Object.entries(rates).map(([k, xs]) => [k, Math.max(...xs)]));
console.log(`over ${runs} runs (MB/s):          median     best    worst`);
for (const [key, m] of Object.entries(measures)) {
  console.log(`  ${m.label.padEnd(26)} ${med[key].toFixed(1).padStart(7)}  ${best[key].toFixed(1).padStart(7)}  ${Math.min(...rates[key]).toFixed(1).padStart(7)}`);
}
const ratio = (a, b) => `${(med[a] / med[b]).toFixed(2).padStart(7)}  ${(best[a] / best[b]).toFixed(2).padStart(7)}`;
console.log('ratios:                          median     best');
console.log(`  core / ceiling             ${ratio('core', 'ceiling')}`);
console.log(`  jobs 1 / ceiling           ${ratio('jobs1', 'ceiling')}`);
console.log(`  jobs ${cores} / jobs 1             ${ratio('jobsN', 'jobs1')}`);
console.log(`  jobs ${cores} / ceiling            ${ratio('jobsN', 'ceiling')}`);
console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB${sink > 0 ? '' : ' (nothing decoded?)'}`);
