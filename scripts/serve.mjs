#!/usr/bin/env node
// A small static server for the built page (dist/web) on 127.0.0.1, with a Content-Security-Policy that
// forbids every external connection except the origin of a configured basemap.
//   node scripts/serve.mjs [--dir dist/web] [--data <folder served as /data/>] [--port 8787] [--host 127.0.0.1]
//                          [--allow-host NAME]...
// Only requests whose Host header names the server itself are answered (127.0.0.1, localhost, [::1] or the bound
// address, with the port, and every --allow-host NAME): a page on another site that makes the browser resolve
// its own name to 127.0.0.1 (DNS rebinding) gets 421, not the planner's data.
// The basemap comes from jiezhi.config.json in the working folder (or the file named by JIEZHI_CONFIG):
//   { "basemap": { "url": "https://t{0-7}.tianditu.gov.cn/vec_w/wmts?...&tk=KEY", "attribution": "天地图", "enabled": true } }
// The page reads it as /config.json; a basemap typed into the page's settings needs its origin listed here too
// (or in JIEZHI_BASEMAP_ORIGINS, space-separated), otherwise the browser blocks the tiles and the page says so.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}
const root = path.resolve(option('dir', 'dist/web'));
const dataDir = option('data', null) ? path.resolve(option('data')) : null;
const host = option('host', '127.0.0.1');
const port = Number(option('port', process.env.PORT ?? '8787'));
const allowedNames = args.flatMap((a, i) => (a === '--allow-host' && args[i + 1] !== undefined ? [args[i + 1].toLowerCase()] : []));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

async function loadConfig() {
  const file = process.env.JIEZHI_CONFIG ?? 'jiezhi.config.json';
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') console.error(`serve: ${file} ignored: ${err.message}`);
    return {};
  }
}

// "https://t{0-7}.tianditu.gov.cn/…" → "https://*.tianditu.gov.cn"; a plain host stays as it is.
function originOf(template) {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(template ?? '');
  if (!m) return null;
  const hostPart = m[2].includes('{') ? `*.${m[2].split('.').slice(1).join('.')}` : m[2];
  return `${m[1].toLowerCase()}://${hostPart}`;
}

const config = await loadConfig();
const extraOrigins = [originOf(config.basemap?.url), ...(process.env.JIEZHI_BASEMAP_ORIGINS ?? '').split(/\s+/)].filter(Boolean);
const publicConfig = JSON.stringify({ basemap: config.basemap ?? null, allowedOrigins: extraOrigins });
const external = extraOrigins.join(' ');
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${external}`.trim(),
  `connect-src 'self' data: blob: ${external}`.trim(),
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
  res.end(body);
}

async function resolveFile(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const inData = dataDir && rel.startsWith('/data/');
  const base = inData ? dataDir : root;
  const target = path.resolve(base, `.${inData ? rel.slice('/data'.length) : rel}`);
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  try {
    const info = await stat(target);
    if (info.isDirectory()) {
      const index = path.join(target, 'index.html');
      return (await stat(index)).isFile() ? index : null;
    }
    return info.isFile() ? target : null;
  } catch {
    return null;
  }
}

/** The names the server answers to: loopback, the address it is bound to, and --allow-host names; each with its port. */
function hostAllowed(header, boundPort) {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/i.exec(header ?? '');
  if (!m) return false;
  const name = m[1].toLowerCase();
  if (m[2] !== undefined && Number(m[2]) !== boundPort) return false;
  if (allowedNames.includes(name)) return true;
  // A loopback name or the bound address must carry the port, as browsers send it for a non-default port.
  if (m[2] === undefined) return false;
  const bound = host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase();
  return LOOPBACK.has(name) || name === bound;
}

const server = createServer(async (req, res) => {
  if (!hostAllowed(req.headers.host, server.address().port)) {
    return send(res, 421, 'misdirected request: this server answers only to its own address (see --allow-host)\n');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (urlPath === '/config.json') return send(res, 200, publicConfig, TYPES['.json']);
  const file = await resolveFile(urlPath);
  if (!file) return send(res, 404, 'not found');
  const info = await stat(file);
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

function listen(p) {
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && p !== 0) {
      console.error(`serve: port ${p} is in use; taking a free one`);
      listen(0);
    } else {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    }
  });
  server.listen(p, host, () => {
    const addr = server.address();
    if (!LOOPBACK.has(host)) {
      console.error(
        `serve: WARNING: bound to ${host}, beyond this machine's loopback: the page and its data are reachable from the network by anyone who can reach this address.` +
          ' Requests are answered only for Host names that are this address or given with --allow-host.',
      );
    }
    console.log(`界址 Jiezhi: http://${host.includes(':') ? `[${host}]` : host}:${addr.port}/`);
  });
}

try {
  await stat(path.join(root, 'index.html'));
} catch {
  console.error(`serve: ${root}/index.html is missing; run \`npm run build\` first`);
  process.exit(2);
}
listen(port);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
