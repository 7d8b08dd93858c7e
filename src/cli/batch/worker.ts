// A worker thread of `jiezhi extract --jobs N`: takes one file at a time from the main thread, reads it and
// extracts it, and posts back the outcome; the bytes never leave this thread.
import { parentPort } from 'node:worker_threads';
import { processFile, type FileTask } from './processFile.js';

export interface TaskMessage {
  index: number;
  task: FileTask;
}

// Test hook: a worker that dies on a named file, as one would on a defect or when the machine runs out of
// memory, so that the tests can see the run report that file and go on.
const CRASH_ON = process.env.JIEZHI_TEST_WORKER_CRASH;

const known = new Set<string>();

parentPort!.on('message', async ({ index, task }: TaskMessage) => {
  if (CRASH_ON && task.name.endsWith(CRASH_ON)) process.exit(70);
  parentPort!.postMessage({ index, outcome: await processFile(task, known) });
});
