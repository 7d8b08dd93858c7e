// Preloaded into the CLI by the memory test (node --expose-gc --import): every few milliseconds the main thread
// has a moment, collects its garbage and measures what it still holds, JavaScript heap and array buffers (file
// bytes live there, outside the heap); the peak is written to $JIEZHI_HEAP_PROBE at exit. Measured after a
// collection, the figure is what the run keeps, not when the collector happened to run.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread && process.env.JIEZHI_HEAP_PROBE) {
  let peak = 0;
  const sample = () => {
    globalThis.gc();
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
  };
  setInterval(sample, 50).unref();
  process.on('exit', () => {
    sample();
    writeFileSync(process.env.JIEZHI_HEAP_PROBE, String(peak));
  });
}
