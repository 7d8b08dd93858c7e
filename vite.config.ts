import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
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
