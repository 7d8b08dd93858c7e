// `--jobs N`: how many files are extracted at once, each on its own worker thread.
import { InvalidArgumentError } from 'commander';

export const JOBS = ['--jobs <n>', 'files extracted at once, one worker thread each (default: one per core; 1 reads them one by one in the main thread)', parseJobs] as const;

function parseJobs(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--jobs is a whole number of at least 1');
  return n;
}
