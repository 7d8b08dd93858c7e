// Node shell for PDF and Word input: pdfjs-dist and mammoth are asynchronous and load resources (CMaps,
// fonts) from disk here and from the bundle in the page, so they stay out of src/core. What they return is
// handed to the core's pure rebuildPdfText / htmlToText.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InputFile } from '../core/extract.js';
import { checkDocx } from '../core/formats/docx/checkDocx.js';
import type { ResourceLimits } from '../core/model/limits.js';
import { htmlToText } from '../core/text/htmlToText.js';
import { pdfLoadOptions, readPdfPages, rebuildPdfText } from '../core/text/rebuildPdfText.js';
import { sniffFormat } from '../core/text/sniffFormat.js';

const require = createRequire(import.meta.url);

/**
 * Turns PDF and DOCX bytes into an input carrying their text; other files pass through unchanged. A docx over
 * the archive or XML limits is refused before mammoth unpacks it.
 */
export async function prepareInput(file: string, bytes: Uint8Array, limits: Partial<ResourceLimits> = {}): Promise<InputFile | { failure: string }> {
  const format = sniffFormat(bytes);
  if (format === 'pdf') return pdfInput(file, bytes);
  if (format !== 'zip') return { file, bytes };
  const docx = checkDocx(file, bytes, limits);
  if (!docx.docx) return { file, bytes };
  if (docx.problem) return { failure: `${file}: ${docx.problem.message.zh} / ${docx.problem.message.en}` };
  return docxInput(file, bytes);
}

async function pdfInput(file: string, bytes: Uint8Array): Promise<InputFile | { failure: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  try {
    // pdfjs takes ownership of the buffer it is given.
    const doc = await pdfjs.getDocument(pdfLoadOptions(new Uint8Array(bytes), `${pathToFileURL(root).href}/`)).promise;
    const pages = await readPdfPages(doc);
    await doc.destroy();
    return { file, bytes, text: { content: rebuildPdfText(pages), from: 'pdf' } };
  } catch (err) {
    return { failure: `${file}: the PDF cannot be read (${(err as Error).message})` };
  }
}

async function docxInput(file: string, bytes: Uint8Array): Promise<InputFile | { failure: string }> {
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { file, bytes, text: { content: htmlToText(value), from: 'docx' } };
  } catch (err) {
    return { failure: `${file}: the Word document cannot be read (${(err as Error).message})` };
  }
}
