// PDF and Word input: a gazette printed to PDF by Chromium, and a Word document whose points are
// in a table, give the same parcels and areas as the text; a PDF without a text layer says so.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareInput } from '../src/cli/readDocuments.js';
import { extract, type InputFile } from '../src/core/extract.js';
import type { Parcel } from '../src/core/model/types.js';
import { docxWithPointTable } from './helpers.js';

const gazette = readFileSync(new URL('../data/gazettes/002_974677008c505204.txt', import.meta.url), 'utf8');
/** 吕政发〔2022〕9号 to 15号: the seven take-back decisions with 10 parcels and all 13 point-line variants of 002. */
const decisions = gazette.split('\n').slice(309, 1218).join('\n');
const dir = mkdtempSync(path.join(tmpdir(), 'jiezhi-docs-'));

function summary(parcels: Parcel[]) {
  return parcels.map((p) => ({
    id: p.id,
    status: p.verification.status,
    stated: p.statedArea?.m2,
    computed: p.verification.computedM2?.toFixed(4),
    points: p.points.map((q) => [q.label, q.x, q.y]),
  }));
}

async function prepared(file: string): Promise<InputFile> {
  const input = await prepareInput(path.basename(file), readFileSync(file));
  if ('diagnostic' in input) throw new Error(input.diagnostic.message.en);
  return input;
}

const fromText = summary(extract([{ file: 'decisions.txt', bytes: new TextEncoder().encode(decisions) }]).parcels);

describe('PDF input', () => {
  let pdf: string;
  beforeAll(() => {
    const html = path.join(dir, 'decisions.html');
    const paragraphs = decisions
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    writeFileSync(html, `<!doctype html><meta charset="utf-8"><style>body{font:12pt "WenQuanYi Micro Hei"}p{margin:0;white-space:pre-wrap}</style>${paragraphs.join('')}`);
    pdf = path.join(dir, 'decisions.pdf');
    execFileSync('chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      `--user-data-dir=${path.join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`,
    ], { stdio: 'ignore', timeout: 120_000 });
  });

  it('gives the same parcels, points and areas as the text', async () => {
    const result = extract([await prepared(pdf)]);
    expect(fromText).toHaveLength(10);
    expect(summary(result.parcels)).toEqual(fromText);
    expect(result.inputs[0]!.encoding).toBe('pdf-text');
  });

  it('says a PDF without a text layer cannot be read', async () => {
    const scan = path.join(dir, 'scan.pdf');
    // A one-page PDF with no text: what a scanner without OCR produces, as far as text goes.
    writeFileSync(scan, blankPdf());
    const result = extract([await prepared(scan)]);
    expect(result.parcels).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input-pdf-no-text']);
  });
});

describe('Word input', () => {
  it('reads the decision from paragraphs and its points from a table', async () => {
    const doc = path.join(dir, 'decision.docx');
    const text = gazette.split('\n').slice(576, 656); // 吕政发〔2022〕12号, 11 points
    writeFileSync(doc, docxWithPointTable(text.join('\n')));
    const result = extract([await prepared(doc)]);
    const fromGazette = summary(extract([{ file: 'g.txt', bytes: new TextEncoder().encode(text.join('\n')) }]).parcels);
    expect(fromGazette[0]).toMatchObject({ id: '吕政发〔2022〕12号', status: 'match' });
    expect(summary(result.parcels)).toEqual(fromGazette);
    expect(result.inputs[0]!.encoding).toBe('docx-text');
  });
});

/** A valid one-page PDF with an empty content stream, with its cross-reference table computed. */
function blankPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
