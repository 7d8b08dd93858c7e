// scripts/serve.mjs answers only to its own names (DNS rebinding: a foreign page whose name resolves to
// 127.0.0.1 must not read the planner's data), and says so loudly when bound beyond loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

let web: string;
const servers: ChildProcess[] = [];

/** Starts the server on a free port; resolves to its port and what it printed on stderr by then. */
function start(extra: string[]): Promise<{ port: number; stderr: string }> {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--dir', web, '--port', '0', ...extra], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.on('data', (d) => {
      const m = /:(\d+)\/$/m.exec(String(d).trim());
      if (m) resolve({ port: Number(m[1]), stderr });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${stderr}`)));
  });
}

function get(port: number, host: string | undefined, urlPath = '/'): Promise<{ status: number; body: string; csp: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === undefined ? {} : { Host: host };
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers, setHost: host === undefined ? false : true }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(() => {
  web = mkdtempSync(path.join(tmpdir(), 'jiezhi-serve-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>界址</title>');
});
afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
  rmSync(web, { recursive: true, force: true });
});

describe('serve.mjs and the Host header', () => {
  let port: number;
  beforeAll(async () => {
    ({ port } = await start(['--allow-host', 'jiezhi.bureau.lan']));
  });

  it('answers its own names with the page and the Content-Security-Policy', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'jiezhi.bureau.lan', `jiezhi.bureau.lan:${port}`]) {
      const r = await get(port, host);
      expect(r.status, host).toBe(200);
      expect(r.body).toContain('界址');
      expect(r.csp).toMatch(/default-src 'self'/);
    }
  });

  it('refuses forged Host headers with 421 and a short text', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', 'localhost', `127.0.0.1.evil.example:${port}`]) {
      const r = await get(port, host, '/config.json');
      expect(r.status, JSON.stringify(host)).toBe(421);
      expect(r.body).toMatch(/^misdirected request/);
      expect(r.body.length).toBeLessThan(200);
      expect(r.csp).toMatch(/default-src 'self'/);
    }
    // HTTP/1.1 without Host is refused by Node itself.
    expect((await get(port, undefined)).status).toBe(400);
  });

  it('prints no warning on loopback, and a clear one when bound to every interface', async () => {
    const quiet = await start([]);
    expect(quiet.stderr).toBe('');
    const open = await start(['--host', '0.0.0.0']);
    expect(open.stderr).toMatch(/WARNING: bound to 0\.0\.0\.0.*reachable from the network/);
    expect((await get(open.port, `127.0.0.1:${open.port}`)).status).toBe(200);
    expect((await get(open.port, `evil.example:${open.port}`)).status).toBe(421);
  });
});
