// The input limit counts bytes as they are read: devices are refused, pipes stop one byte past the limit,
// and the limit is raised by --max-input-mb or JIEZHI_MAX_INPUT_MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitsFrom } from '../../src/cli/limits.js';
import { DEFAULT_LIMITS } from '../../src/core/model/limits.js';
import { ensureCliBuilt, gazetteDir, jiezhi, repoRoot } from '../helpers.js';
import { BIN, feed, STACK } from './harness.js';

let tmp: string;
beforeAll(async () => {
  await ensureCliBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'jiezhi-limits-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ZEROS = Buffer.alloc(1 << 20);

describe('devices', () => {
  it.each(['/dev/zero', '/dev/urandom'])('refuses %s at once, naming it, with exit 2', async (device) => {
    const t0 = performance.now();
    const r = await jiezhi(['verify', device]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${device}:0: error input-not-file`);
    expect(r.stderr).toMatch(/character device/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('pipes', () => {
  it('stops a 300 MB pipe at the 200 MB limit, before the writer has finished, in bounded memory', async () => {
    const r = await feed(['verify', '-'], 300e6, () => ZEROS);
    expect(r.code, r.stderr).toBe(2);
    expect(r.finished).toBe(false);
    expect(r.written).toBeLessThan(DEFAULT_LIMITS.inputBytes + 16 * ZEROS.length);
    expect(r.stderr).toMatch(/^stdin:0: error limit-exceeded: .*the bytes read is > 200 MB, the limit is 200 MB \(--max-input-mb, JIEZHI_MAX_INPUT_MB\)/m);
    // The limit's worth of bytes is held, never the whole stream (the old reader grew without bound).
    expect(r.peakMB).toBeLessThan(450);
    expect(r.seconds).toBeLessThan(10);
  });

  it('reads /dev/stdin as a pipe too, and the limit is raised by --max-input-mb and JIEZHI_MAX_INPUT_MB', async () => {
    const doc = readFileSync(path.join(gazetteDir, '002_974677008c505204.txt'));
    expect(doc.length).toBeGreaterThan(200_000);
    const small = spawnSync(process.execPath, [BIN, 'verify', '/dev/stdin', '--max-input-mb', '0.1'], { cwd: repoRoot, input: doc, encoding: 'utf8' });
    expect(small.status).toBe(2);
    expect(small.stderr).toMatch(/\/dev\/stdin:0: error limit-exceeded: .*> 0\.1 MB/);
    const raised = spawnSync(process.execPath, [BIN, 'verify', '/dev/stdin', '--max-input-mb', '1'], { cwd: repoRoot, input: doc, encoding: 'utf8' });
    expect(raised.status, raised.stderr).toBe(0);
    expect(raised.stdout).toMatch(/^吕政发〔2022〕10号.*match$/m);
    const env = spawnSync(process.execPath, [BIN, 'verify', '-'], { cwd: repoRoot, input: doc, encoding: 'utf8', env: { ...process.env, JIEZHI_MAX_INPUT_MB: '0.1' } });
    expect(env.status).toBe(2);
    expect(env.stderr).toMatch(/^stdin:0: error limit-exceeded/m);
  });

  it('refuses a regular file over the limit by its size, before reading it', async () => {
    const file = path.join(tmp, 'big.txt');
    writeFileSync(file, Buffer.alloc(300_000, 0x20));
    const r = await jiezhi(['verify', file, '--max-input-mb', '0.2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.txt:0: error input-too-large: .*\(0\.3 MB\).*0\.2 MB/);
  });

  it('refuses a limit that is not a positive number', async () => {
    const r = await jiezhi(['verify', 'data/gazettes', '--max-input-mb', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('jiezhi: --max-input-mb must be a positive number, not "lots"');
  });
});

describe('limitsFrom', () => {
  it('starts from the core defaults and scales MB settings', () => {
    expect(limitsFrom({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFrom({ JIEZHI_MAX_INPUT_MB: '500', JIEZHI_MAX_ARCHIVE_ENTRIES: '20' })).toMatchObject({ inputBytes: 500e6, archiveEntries: 20 });
    // The flag wins over the environment.
    expect(limitsFrom({ JIEZHI_MAX_INPUT_MB: '500' }, '2')).toMatchObject({ inputBytes: 2e6 });
    expect(limitsFrom({ JIEZHI_MAX_XML_ELEMENTS: '-1' })).toEqual({ error: 'JIEZHI_MAX_XML_ELEMENTS must be a positive number, not "-1"' });
  });
});

describe('the readers’ limits reach the core from the command line', () => {
  // A bow-tie wound many times: 20 vertices whose edges cross each other again and again.
  const star = (() => {
    const n = 21;
    const lines = Array.from({ length: n }, (_, i) => {
      const a = (4 * Math.PI * i) / n;
      return `J${i + 1},1,${(4150000 + 100 * Math.sin(a)).toFixed(3)},${(37512000 + 100 * Math.cos(a)).toFixed(3)}`;
    });
    return ['[地块坐标]', `${n},1.0,1,star,面,,,,@`, ...lines].join('\n');
  })();

  it('JIEZHI_MAX_CROSSINGS: a ring lists at most that many crossings', async () => {
    const file = path.join(tmp, 'star.txt');
    writeFileSync(file, star);
    const full = JSON.parse((await jiezhi(['extract', file, '--out', path.join(tmp, 'star-full')])).code === 0 ? readFileSync(path.join(tmp, 'star-full/records.json'), 'utf8') : '{}');
    const listed = (records: { records: { diagnostics: { code: string }[] }[] }) => records.records[0]!.diagnostics.filter((d) => d.code === 'ring-self-intersection').length;
    expect(listed(full)).toBeGreaterThan(2);
    const r = spawnSync(process.execPath, [BIN, 'extract', file, '--out', path.join(tmp, 'star-2')], { cwd: repoRoot, env: { ...process.env, JIEZHI_MAX_CROSSINGS: '2' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const two = JSON.parse(readFileSync(path.join(tmp, 'star-2/records.json'), 'utf8'));
    expect(listed(two)).toBe(2);
  });
});
