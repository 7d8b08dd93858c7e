// Runs the per-file step over the inputs, on worker threads or in this one, and hands the outcomes over in the
// order of the inputs, so that the merge sees exactly what a run in one thread sees. At most a few outcomes
// wait for an earlier, slower file: memory is bounded by the largest files, not by the corpus.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { diagnose } from '../../core/diagnostics/catalogue.js';
import { STDIN } from '../readInput.js';
import { processFile, type FileOutcome, type FileTask } from './processFile.js';
import type { TaskMessage } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** One worker per core unless --jobs says otherwise. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Calls `deliver` with the outcome of every task, in task order. With one job, or a single file, the files are
 * read in this thread, one at a time; otherwise by `jobs` workers. Stdin is always read here: a worker has none.
 */
export async function runFiles(tasks: FileTask[], jobs: number, deliver: (outcome: FileOutcome) => void): Promise<void> {
  const workers = Math.min(jobs, tasks.filter((t) => t.path !== STDIN).length);
  if (workers <= 1) {
    const known = new Set<string>();
    for (const task of tasks) deliver(await processFile(task, known));
    return;
  }
  await new Pool(tasks, workers, deliver).run();
}

class Pool {
  private readonly done = new Map<number, FileOutcome>();
  private delivered = 0;
  private dispatched = 0;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  /** Document numbers met in the files read in this thread (stdin). */
  private readonly known = new Set<string>();
  private finish!: () => void;
  private fail!: (err: unknown) => void;

  constructor(
    private readonly tasks: FileTask[],
    private readonly workers: number,
    private readonly deliver: (outcome: FileOutcome) => void,
  ) {}

  run(): Promise<void> {
    const finished = new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    for (let i = 0; i < this.workers; i++) this.idle.push(this.spawn());
    this.dispatch();
    return finished.finally(() => Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate())));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER);
    let error: string | undefined;
    worker.on('message', ({ index, outcome }: { index: number; outcome: FileOutcome }) => {
      this.busy.delete(worker);
      this.idle.push(worker);
      this.settle(index, outcome);
    });
    worker.on('error', (err) => (error = String(err?.message ?? err).split('\n')[0]!));
    worker.on('exit', (code) => {
      const index = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (index === undefined) return;
      // The file it held is reported and the run goes on with a fresh worker.
      if (this.dispatched < this.tasks.length) this.idle.push(this.spawn());
      const name = this.tasks[index]!.name;
      this.settle(index, { name, failure: diagnose('input-worker-failed', { file: name, line: 0 }, { reason: error ?? `exit code ${code}` }) });
    });
    return worker;
  }

  private settle(index: number, outcome: FileOutcome): void {
    this.done.set(index, outcome);
    try {
      for (let next = this.done.get(this.delivered); next; next = this.done.get(this.delivered)) {
        this.done.delete(this.delivered++);
        this.deliver(next);
      }
    } catch (err) {
      this.fail(err);
      return;
    }
    if (this.delivered === this.tasks.length) this.finish();
    else this.dispatch();
  }

  // Never more than two files per worker ahead of the first outcome not yet delivered.
  private dispatch(): void {
    while (this.dispatched < this.tasks.length && this.dispatched < this.delivered + 2 * this.workers) {
      const index = this.dispatched;
      const task = this.tasks[index]!;
      if (task.path === STDIN) {
        this.dispatched++;
        processFile(task, this.known).then((outcome) => this.settle(index, outcome), this.fail);
        continue;
      }
      const worker = this.idle.pop();
      if (!worker) return;
      this.dispatched++;
      this.busy.set(worker, index);
      worker.postMessage({ index, task } satisfies TaskMessage);
    }
  }
}
