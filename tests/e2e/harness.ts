// Shared set-up of the end-to-end tests: one build of the page for every e2e file (vitest runs the files in
// parallel processes, so the build is guarded by a lock folder and skipped when dist/web was built from the same
// sources), a server on a free localhost port, headless Debian Chromium, and the helpers the tests share.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(root, 'test-results', 'screenshots');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Hash of everything the built page is made from (or, given `paths`, of those). */
function sourcesHash(paths = ['src/app', 'src/core', 'index.html', 'vite.config.ts', 'package-lock.json', 'public']): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    const info = statSync(p, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else hash.update(path.relative(root, p)).update(readFileSync(p));
  };
  for (const p of paths) walk(path.join(root, p));
  return hash.digest('hex');
}

/** Extracts (when needed), publishes the data and builds the page once for all e2e files of a run. */
export async function buildPage(): Promise<void> {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  const lock = path.join(root, 'dist', '.e2e-build.lock');
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 150_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another build`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    // Data extracted by an older core would test the page against stale records: extract again when the core changed.
    const dataStampFile = path.join(root, 'dist/.e2e-data-stamp');
    const dataStamp = sourcesHash(['src/core', 'src/cli', 'data/gazettes']);
    if (!existsSync(path.join(root, 'public/data/records.json')) || !existsSync(dataStampFile) || readFileSync(dataStampFile, 'utf8') !== dataStamp) {
      run('npm', ['run', 'build:cli']);
      run(process.execPath, ['bin/jiezhi.js', 'extract', 'data/gazettes', '--out', 'public/data']);
      writeFileSync(dataStampFile, dataStamp);
    }
    run(process.execPath, ['scripts/publish-data.mjs']);
    const stampFile = path.join(root, 'dist/web/.e2e-stamp');
    const stamp = sourcesHash();
    if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
      run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
      writeFileSync(stampFile, stamp);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Session {
  server: ChildProcess;
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  /** Headers of the page's own document response. */
  documentHeaders: Record<string, string>;
  close(): Promise<void>;
}

function startServer(): Promise<{ server: ChildProcess; origin: string }> {
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    server.stderr!.on('data', (d) => (err += d));
    server.stdout!.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
      if (m) resolve({ server, origin: m[0] });
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${err}`)));
  });
}

/** Builds (once), serves, opens the page in Chromium and waits for the map's first `idle`. */
export async function openPage(): Promise<Session> {
  await buildPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { server, origin } = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const response = await page.goto(origin);
  await page.evaluate(() => (window as any).__jiezhi.ready);
  const session: Session = {
    server,
    origin,
    browser,
    context,
    page,
    requests,
    consoleErrors,
    documentHeaders: response?.headers() ?? {},
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
  await mapIdle(page);
  return session;
}

/** Waits for the map to finish rendering what it has (MapLibre's `idle`), never for a fixed time. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as any).__jiezhi.map.isMoving());
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).__jiezhi.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Distinct `id`s of the features MapLibre drew on the given style layers. */
export async function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = (window as any).__jiezhi.map;
    const ids = map.queryRenderedFeatures({ layers: ls }).map((f: any) => String(f.properties.id));
    return [...new Set<string>(ids)].sort();
  }, layers);
}

/** Rendered features of a style layer with the properties the tests look at, one per feature id. */
export async function renderedProps(page: Page, layer: string, keys: string[]): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    ({ layer, keys }) => {
      const map = (window as any).__jiezhi.map;
      const seen = new Map<string, Record<string, unknown>>();
      for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
        const id = String(f.properties.id);
        if (!seen.has(id)) seen.set(id, Object.fromEntries(keys.map((k) => [k, f.properties[k]])));
      }
      return [...seen.values()];
    },
    { layer, keys },
  );
}

/** Drops files on the map, as a user drags them from the file manager. */
export async function drop(page: Page, files: { name: string; bytes: Buffer | Uint8Array; type?: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const { name, b64, type } of list) {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      dt.items.add(new File([arr], name, { type }));
    }
    return dt;
  }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64'), type: f.type ?? 'application/octet-stream' })));
  await page.dispatchEvent('[data-testid=map]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid=map]', 'drop', { dataTransfer });
}

/** Centres the map on a point at a zoom and clicks the middle of the map. */
export async function clickAt(page: Page, lngLat: [number, number], zoom: number): Promise<void> {
  await page.evaluate(({ c, z }) => (window as any).__jiezhi.map.jumpTo({ center: c, zoom: z }), { c: lngLat, z: zoom });
  await mapIdle(page);
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** One gazette document (吕政发〔2022〕12号, 11 boundary points) cut out of its gazette, as a user would save it. */
export function sampleDocument(): string {
  const lines = readFileSync(path.join(root, 'data/gazettes/002_974677008c505204.txt'), 'utf8').split('\n');
  const numberLine = lines.findIndex((l) => l.includes('吕政发〔2022〕12 号'));
  let start = numberLine;
  while (start > 0 && lines[start]!.trim() !== '吕梁市人民政府') start--;
  let end = numberLine;
  while (end < lines.length && !/^2022 年 7 月 12 日/.test(lines[end]!.trim())) end++;
  expect(numberLine).toBeGreaterThan(0);
  return lines.slice(start, end + 1).join('\n');
}

/** Requests that left localhost (blob: and data: URLs stay in the page). */
export function outsideRequests(s: Session): string[] {
  return s.requests.filter((u) => !u.startsWith(s.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}
