import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
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
