// The layering of the house, checked in CI (tests/architecture.test.ts runs `depcruise` with this file).
// Data flows one way: text → records → geometry → checks → outputs; the core is the same code in the CLI,
// the page and a Web Worker, so it may not reach the shells or Node's built-ins.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle, type-only imports included, means two rooms that cannot be understood apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-to-shells',
      severity: 'error',
      comment: 'src/core runs in the CLI, the page and a worker: it imports nothing from src/app or src/cli.',
      from: { path: '^src/core/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'src/core has no fs, no path, no network: the shells do IO and hand bytes to the core.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'model/ holds the leaf types: it imports nothing of the project outside model/.',
      from: { path: '^src/core/model/' },
      to: { path: '^src/', pathNot: '^src/core/model/' },
    },
    {
      name: 'formats-not-to-verify',
      severity: 'error',
      comment: 'Readers and writers translate formats; verifying parcels happens after them, in verify/.',
      from: { path: '^src/core/formats/' },
      to: { path: '^src/core/verify/' },
    },
    {
      name: 'lower-rooms-not-to-pipeline',
      severity: 'error',
      comment: 'Only the shells (and index.ts) call the whole pipeline; the rooms it is made of do not.',
      from: { path: '^src/core/(model|diagnostics|text|gazette|geodesy|geometry|formats|verify|planning|mining|report|publish)/' },
      to: { path: '^src/core/(extract|index)\\.ts$' },
    },
    {
      name: 'cli-not-to-app',
      severity: 'error',
      comment: 'The two shells share only the core.',
      from: { path: '^src/cli/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'app-not-to-cli',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.svelte', '.json'] },
    exclude: { path: '(^|/)node_modules/|^dist/' },
  },
};
