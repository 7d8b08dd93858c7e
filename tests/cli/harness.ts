// Running the compiled CLI with a stdin the test writes lazily, and measuring the child's peak memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers.js';

export const BIN = path.join(repoRoot, 'bin/jiezhi.js');

/** The peak resident set of a running process in MB (VmHWM), or 0 once it has gone. */
function peakMB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export interface StreamRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Bytes of stdin the child had taken when it exited. */
  written: number;
  /** Whether the whole of stdin was written before the child exited. */
  finished: boolean;
  peakMB: number;
  seconds: number;
}

/**
 * Runs `jiezhi args` and feeds it `total` bytes made by `chunk(i)` as fast as it reads them, never more than
 * the pipe holds: a child that stops reading stops the writer.
 */
export function feed(args: string[], total: number, chunk: (i: number) => Buffer, opts: { keepStdout?: boolean; onStdout?: (child: ChildProcess, text: string) => void } = {}): Promise<StreamRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    let written = 0;
    let finished = false;
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakMB(child.pid!))), 5);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (opts.keepStdout !== false) stdout += d;
      opts.onStdout?.(child, d);
    });
    child.stderr.on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined); // EPIPE once the child has refused
    const pump = (i: number) => {
      while (written < total && !child.stdin.destroyed) {
        const c = chunk(i++);
        written += c.length;
        if (!child.stdin.write(c)) return void child.stdin.once('drain', () => pump(i));
      }
      if (written >= total) {
        finished = true;
        child.stdin.end();
      }
    };
    pump(0);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr, written, finished, peakMB: peak, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** No stack trace: Node prints "    at fn (file:line:col)" lines. */
export const STACK = /^\s+at .+[:(]/m;
