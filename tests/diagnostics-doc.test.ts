// docs/diagnostics.md is generated from the catalogue in src/core/diagnostics/catalogue.ts, so the two cannot drift:
// this test renders it and compares; `REGEN=1 npx vitest run tests/diagnostics-doc.test.ts` rewrites it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics/catalogue.js';
import { repoRoot } from './helpers.js';

const docPath = path.join(repoRoot, 'docs/diagnostics.md');

/** A message template with its parameters shown as ‹name›. */
function template(render: (p: Record<string, string>) => string): string {
  return render(new Proxy({}, { get: (_target, name) => `‹${String(name)}›` }));
}

function renderDoc(): string {
  const lines = [
    '# 诊断代码 Diagnostic codes',
    '',
    'Every problem Jiezhi reports carries one of these codes, a Chinese and an English message, and the file and line it concerns.',
    'This page is generated from `src/core/diagnostics/catalogue.ts` by `REGEN=1 npx vitest run tests/diagnostics-doc.test.ts`; do not edit it by hand.',
    '',
    'Severity: **error** — the record or file cannot be used as it is; **warning** — it was used, but something needs checking; **info** — for the record.',
    '',
  ];
  for (const [code, spec] of Object.entries(DIAGNOSTIC_CODES)) {
    lines.push(
      `## \`${code}\` (${spec.severity})`,
      '',
      `- ${template(spec.zh)}`,
      `- ${template(spec.en)}`,
      '',
      `**怎么办** ${spec.help.zh}`,
      '',
      `**What to do** ${spec.help.en}`,
      '',
    );
  }
  return lines.join('\n');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|svelte)$/.test(name) ? [full] : [];
  });
}

describe('docs/diagnostics.md', () => {
  it('documents every diagnostic code, as generated from the catalogue', () => {
    const doc = renderDoc();
    if (process.env.REGEN) writeFileSync(docPath, doc);
    expect(readFileSync(docPath, 'utf8')).toBe(doc);
  });

  it('lists no code that the code never reports', () => {
    const sources = sourceFiles(path.join(repoRoot, 'src'))
      .filter((f) => !f.endsWith(path.join('core', 'diagnostics.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(DIAGNOSTIC_CODES).filter((code) => !sources.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
