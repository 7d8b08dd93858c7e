// A throwaway PostgreSQL + PostGIS cluster for the database tests and benchmarks: initdb in a temporary
// folder, postgres on 127.0.0.1 and a free port, removed on stop. initdb refuses to run as root, so as root
// the server runs as the unprivileged system user scripts/ensure-system-deps.sh creates.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = process.env.JIEZHI_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const SERVICE_USER = 'jiezhi-pg';

/** @returns {Promise<{ url: (db?: string) => string, createDatabase: (name: string) => Promise<string>, stop: () => Promise<void> }>} */
export async function startCluster() {
  const owner = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'jiezhi-pg-'));
  const data = path.join(dir, 'data');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const init = spawnSync(path.join(BIN, 'initdb'), ['-D', data, '-U', 'jiezhi', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], {
    ...asOwner,
    encoding: 'utf8',
  });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.error?.message ?? init.stderr}`);
  }
  const port = await freePort();
  const logFile = path.join(dir, 'postgres.log');
  const log = openSync(logFile, 'a');
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  // Durability is worth nothing in a cluster deleted afterwards; the loader's transactions are what the tests check.
  const server = spawn(
    path.join(BIN, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...asOwner, stdio: ['ignore', log, log] },
  );
  let exited = false;
  server.on('exit', () => (exited = true));
  const kill = () => {
    if (!exited) server.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', kill);
  // A benchmark or test stopped with Ctrl-C or kill takes its cluster with it ('exit' does not run on a signal).
  const onSignal = (signal) => {
    kill();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const base = `postgresql://jiezhi@127.0.0.1:${port}`;
  await waitReady(port, () => exited, logFile);
  return {
    url: (db = 'postgres') => `${base}/${db}`,
    async createDatabase(name) {
      const psql = spawnSync(path.join(BIN, 'psql'), [`${base}/postgres`, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE "${name}"`], { encoding: 'utf8' });
      if (psql.status !== 0) throw new Error(`CREATE DATABASE ${name}: ${psql.stderr}`);
      return `${base}/${name}`;
    },
    async stop() {
      process.off('exit', kill);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (!exited) {
        const done = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function serverUser() {
  if (process.getuid?.() !== 0) return null;
  try {
    return { uid: Number(execFileSync('id', ['-u', SERVICE_USER], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', SERVICE_USER], { encoding: 'utf8' })) };
  } catch {
    throw new Error(`running as root, and the user ${SERVICE_USER} that runs the test cluster is missing: run scripts/ensure-system-deps.sh`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(port, hasExited, logFile) {
  for (let i = 0; i < 300; i++) {
    if (hasExited()) throw new Error(`postgres exited at start-up:\n${readFileSync(logFile, 'utf8')}`);
    if (spawnSync(path.join(BIN, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`postgres did not accept connections within 15 s:\n${readFileSync(logFile, 'utf8')}`);
}
