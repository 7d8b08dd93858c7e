#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm install` (the prepare script).
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('jiezhi: the CLI is not built; run `npm install` (or `npm run build:cli`) first.');
    process.exit(2);
  }
  throw err;
});
