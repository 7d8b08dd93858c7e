// Node shell for PDF and Word input: pdfjs-dist and mammoth are asynchronous and load resources (CMaps,
// fonts) from disk here and from the bundle in the page, so they stay out of src/core. What they return is
// handed to the core's pure rebuildPdfText / htmlToText.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose } from '../core/diagnostics/catalogue.js';
import type { InputFile } from '../core/extract.js';
import { checkDocx } from '../core/formats/docx/checkDocx.js';
import type { ResourceLimits } from '../core/model/limits.js';
import { htmlToText } from '../core/text/htmlToText.js';
import { pdfLoadOptions, readPdfPages, rebuildPdfText } from '../core/text/rebuildPdfText.js';
import { sniffFormat } from '../core/text/sniffFormat.js';
import type { Diagnostic } from '../core/model/types.js';

const require = createRequire(import.meta.url);

/**
 * Turns PDF and DOCX bytes into an input carrying their text; other files pass through unchanged. A docx over
 * the archive or XML limits is refused before mammoth unpacks it.
 */
export async function prepareInput(file: string, bytes: Uint8Array, limits: Partial<ResourceLimits> = {}): Promise<InputFile | { diagnostic: Diagnostic }> {
  const format = sniffFormat(bytes);
  if (format === 'pdf') return pdfInput(file, bytes);
  if (format !== 'zip') return { file, bytes };
  const docx = checkDocx(file, bytes, limits);
  if (docx.docx && docx.problem) return { diagnostic: docx.problem };
  // A truncated .docx has lost the directory checkDocx reads, but is still a Word document to report as one.
  return docx.docx || isDocx(bytes) ? docxInput(file, bytes) : { file, bytes };
}

async function pdfInput(file: string, bytes: Uint8Array): Promise<InputFile | { diagnostic: Diagnostic }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  try {
    // pdfjs takes ownership of the buffer it is given.
    const doc = await pdfjs.getDocument(pdfLoadOptions(new Uint8Array(bytes), `${pathToFileURL(root).href}/`)).promise;
    const pages = await readPdfPages(doc);
    await doc.destroy();
    return { file, bytes, text: { content: rebuildPdfText(pages), from: 'pdf' } };
  } catch (err) {
    return { diagnostic: unreadableDocument(file, 'PDF', err) };
  }
}

async function docxInput(file: string, bytes: Uint8Array): Promise<InputFile | { diagnostic: Diagnostic }> {
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { file, bytes, text: { content: htmlToText(value), from: 'docx' } };
  } catch (err) {
    return { diagnostic: unreadableDocument(file, 'Word', err) };
  }
}

function unreadableDocument(file: string, format: 'PDF' | 'Word', err: unknown): Diagnostic {
  const reason = String((err as Error)?.message ?? err).split('\n')[0]!;
  return diagnose('input-document-unreadable', { file, line: 0 }, { format, reason });
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const DOCUMENT_PART = Buffer.from('word/document.xml');

/**
 * A Word document is a zip with a word/document.xml entry. The entry's name is looked for in the local headers,
 * which come before the data, rather than in the central directory at the end: a truncated .docx has lost its
 * directory but is still a Word document, and must be reported as one rather than as a broken Shapefile.
 */
function isDocx(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf(DOCUMENT_PART); at !== -1; at = buf.indexOf(DOCUMENT_PART, at + 1)) {
    const header = at - 30;
    if (header >= 0 && LOCAL_HEADER.every((b, i) => buf[header + i] === b) && buf.readUInt16LE(header + 26) === DOCUMENT_PART.length) return true;
  }
  return false;
}
