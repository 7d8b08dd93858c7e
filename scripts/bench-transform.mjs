// npm run bench:transform — `jiezhi transform` against PROJ's cs2cs on the same input in the same run.
// Generates BENCH_LINES (default 1e6) surveyor "X Y" lines in CGCS2000 3° zone 37 (EPSG:4525, northing first,
// as cs2cs reads that code in its authority axis order) and converts them to EPSG:4490 with both; prints the
// throughput of each, their ratio and each one's peak RSS (from /usr/bin/time -v). Prints figures; judges nothing.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lines = Number(process.env.BENCH_LINES ?? 1e6);
const TIME = '/usr/bin/time';
const dir = mkdtempSync(path.join(tmpdir(), 'jiezhi-bench-transform-'));
const input = path.join(dir, 'points.txt');

// Points spread over the zone's usual area (35.5–39.5°N, 109.5–112.5°E), millimetre precision as printed.
async function generate() {
  const out = createWriteStream(input);
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < lines; i++) {
    const x = (3_930_000 + random() * 440_000).toFixed(3);
    const y = (37_370_000 + random() * 260_000).toFixed(3);
    if (!out.write(`${x} ${y}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

/** Runs `cmd args < input > /dev/null`, under /usr/bin/time -v when it exists; resolves to seconds and peak RSS. */
function measure(cmd, args) {
  const timed = existsSync(TIME);
  const argv = timed ? [TIME, '-v', cmd, ...args] : [cmd, ...args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd: root, stdio: [openSync(input, 'r'), 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`${cmd} exited with ${code}: ${stderr.slice(-500)}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ seconds, rssMB: rss ? Number(rss[1]) / 1024 : null });
    });
  });
}

try {
  await generate();
  const mb = statSync(input).size / 1e6;
  console.log(`input: ${lines} lines, ${mb.toFixed(1)} MB, EPSG:4525 → EPSG:4490`);
  if (!existsSync(TIME)) console.log(`${TIME} is missing (Debian package "time"): peak RSS not measured`);
  const runs = [
    ['jiezhi transform', process.execPath, [path.join(root, 'bin/jiezhi.js'), 'transform', '--from', 'EPSG:4525', '--to', 'EPSG:4490']],
    ['cs2cs', 'cs2cs', ['-f', '%.9f', 'EPSG:4525', 'EPSG:4490']],
  ];
  const results = {};
  for (const [name, cmd, args] of runs) {
    const r = await measure(cmd, args);
    results[name] = r;
    const rss = r.rssMB === null ? 'n/a' : `${r.rssMB.toFixed(0)} MB`;
    console.log(`${name.padEnd(17)} ${r.seconds.toFixed(2)} s  ${Math.round(lines / r.seconds).toLocaleString('en')} lines/s  peak RSS ${rss}`);
  }
  const ratio = results['cs2cs'].seconds / results['jiezhi transform'].seconds;
  console.log(`throughput jiezhi / cs2cs: ${ratio.toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
