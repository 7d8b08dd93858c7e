// `jiezhi transform` streams: output line N answers input line N, memory stays bounded, output starts before
// the input ends.
import { spawn, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, repoRoot } from '../helpers.js';
import { BIN, feed } from './harness.js';

const ARGS = ['transform', '--from', 'EPSG:4525', '--to', 'EPSG:4490'];
const POINT = '4153899.979 37512131.140';
const LONLAT = '111.137221721 37.517019888';

beforeAll(ensureCliBuilt);

function transform(input: string, extra: string[] = []) {
  return spawnSync(process.execPath, [BIN, ...ARGS, ...extra], { cwd: repoRoot, input, encoding: 'utf8' });
}

describe('one output line per input line', () => {
  it('keeps blank and comment lines, prints * * for a bad line and names it on stderr', () => {
    const input = [POINT, '', '# J2', 'X1 Y1', '  ', `${POINT}\r`, '1 2 3', POINT].join('\n');
    const r = transform(input);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([LONLAT, '', '# J2', '* *', '', LONLAT, '* *', LONLAT, '']);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'jiezhi transform: line 4: "X1" is not a number',
      expect.stringMatching(/^jiezhi transform: line 7: expected two numbers/),
    ]);
  });

  it('exits 0 with bad lines, like cs2cs, and 1 with --strict', () => {
    expect(transform(`${POINT}\nnot a point\n`).status).toBe(0);
    expect(transform(`${POINT}\nnot a point\n`, ['--strict']).status).toBe(1);
    expect(transform(`${POINT}\n`, ['--strict']).status).toBe(0);
  });

  it('a line too long to be a pair is one failed line, not a memory sink', () => {
    const r = transform(`${'9'.repeat(100_000)}\n${POINT}\n`);
    expect(r.stdout).toBe(`* *\n${LONLAT}\n`);
    expect(r.stderr).toMatch(/line 1: the line is longer than 4096 characters/);
  });
});

describe('streaming', () => {
  it('answers the first lines while stdin is still open', async () => {
    // 1000 lines, then nothing until the first answer has arrived: a reader that waits for EOF never answers.
    let answered = false;
    const lines = Buffer.from(`${POINT}\n`.repeat(1000));
    const r = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: repoRoot });
      let stdout = '';
      const timer = setTimeout(() => child.stdin.end(), 4000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => {
        stdout += d;
        if (!answered) {
          answered = true;
          clearTimeout(timer);
          child.stdin.end(`${POINT}\n`);
        }
      });
      child.on('close', (code) => resolve({ stdout, code }));
      child.stdin.write(lines);
    });
    expect(answered).toBe(true);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(1002);
  });

  it('converts a million lines in bounded memory', async () => {
    const block = Buffer.from(`${POINT}\n`.repeat(10_000));
    const r = await feed(ARGS, block.length * 100, () => block, { keepStdout: false });
    expect(r.code, r.stderr).toBe(0);
    expect(r.finished).toBe(true);
    // Holding 1e6 lines and their output took 426 MB; a stream holds a chunk of each.
    expect(r.peakMB).toBeLessThan(160);
  }, 20_000);
});
