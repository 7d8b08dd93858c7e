import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * pdfjs-dist's CMaps (Chinese PDFs need them) and standard fonts, served as pdfjs/<dir>/… beside the page: copied
 * from node_modules at build time (never committed, never fetched from a CDN), and served from there by `vite`.
 */
function pdfjsAssets(): Plugin {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const dirs = ['cmaps', 'standard_fonts'];
  return {
    name: 'jiezhi-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\/+/, '');
        const [dir, ...rest] = rel.split('/');
        const file = path.join(root, dir ?? '', ...rest);
        if (!dirs.includes(dir ?? '') || !file.startsWith(root + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const name of readdirSync(path.join(root, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(path.join(root, dir, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [svelte(), pdfjsAssets()],
  // Relative asset URLs: the built page works from any folder and any static server.
  base: './',
  publicDir: 'public',
  build: {
    // dist/ already holds the compiled CLI (tsconfig.cli.json); the page goes beside it.
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests that spawn the CLI, cs2cs, ogrinfo or Chromium wait on real processes.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The JSON report is what .ci/run counts; vitest's own summary line is not one CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
