// npm run bench:extract — extraction throughput over the bundled gazettes replicated to at least 50 MB.
// Measures the whole core pipeline (decode → normalize → clean → segment → records → parcels) in one
// process on one core, as the CLI runs it. Prints figures; judges nothing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../dist/core/extract.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, 'data', 'gazettes');
const targetBytes = Number(process.env.BENCH_MB ?? 50) * 1e6;
const runs = Number(process.env.BENCH_RUNS ?? 5);

const originals = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: f, bytes: readFileSync(path.join(dir, f)) }));
const inputs = [];
let total = 0;
for (let copy = 0; total < targetBytes; copy++) {
  for (const o of originals) {
    inputs.push({ file: `copy${copy}/${o.file}`, bytes: o.bytes });
    total += o.bytes.length;
  }
}

// MB here is 10⁶ bytes, the unit of the target (60 MB/s).
const mb = total / 1e6;
console.log(`input: ${inputs.length} files, ${mb.toFixed(1)} MB (${originals.length} gazettes replicated)`);
const rates = [];
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const result = extract(inputs);
  const seconds = (performance.now() - t0) / 1000;
  if (i === 0) {
    console.log(`warm-up: ${seconds.toFixed(3)} s, ${result.parcels.length} records, ${result.pointLines.total} point lines`);
    continue;
  }
  rates.push(mb / seconds);
  console.log(`run ${i}: ${seconds.toFixed(3)} s  ${(mb / seconds).toFixed(1)} MB/s`);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)];
console.log(`throughput: median ${median.toFixed(1)} MB/s (min ${rates[0].toFixed(1)}, max ${rates[rates.length - 1].toFixed(1)}) over ${runs} runs; peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
