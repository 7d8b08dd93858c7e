#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm install` (the prepare script). Whatever goes wrong, the user
// sees one line and exit 2, never a stack trace: the CLI turns every expected failure into a diagnostic, so
// anything reaching here is a defect, reported as such.
function fail(err) {
  const message = err && err.code === 'ERR_MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main\.js/.test(String(err.message))
    ? 'the CLI is not built; run `npm install` (or `npm run build:cli`) first.'
    : `internal error, please report it: ${String((err && err.message) || err).split('\n')[0]}`;
  process.stderr.write(`jiezhi: ${message}\n`);
  process.exit(2);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// A reader that goes away (`jiezhi verify … | head`) is not an error worth a message.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') process.stderr.write(`jiezhi: stdout cannot be written: ${err.message}\n`);
  process.exit(2);
});
import('../dist/cli/main.js').then((m) => m.main(process.argv)).then((code) => {
  process.exitCode = code;
}, fail);
