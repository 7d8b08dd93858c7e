// Node shell for PDF and Word input: pdfjs-dist and mammoth are asynchronous and load resources (CMaps,
// fonts) from disk here and from the bundle in the page, so they stay out of src/core. What they return is
// handed to the core's pure rebuildPdfText / htmlToText.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { InputFile } from '../core/extract.js';
import { htmlToText } from '../core/htmlToText.js';
import { rebuildPdfText, type PdfPage } from '../core/rebuildPdfText.js';
import { sniffFormat } from '../core/sniffFormat.js';

const require = createRequire(import.meta.url);

/** Turns PDF and DOCX bytes into an input carrying their text; other files pass through unchanged. */
export async function prepareInput(file: string, bytes: Uint8Array): Promise<InputFile | { failure: string }> {
  const format = sniffFormat(bytes);
  if (format === 'pdf') return pdfInput(file, bytes);
  if (format === 'zip' && isDocx(bytes)) return docxInput(file, bytes);
  return { file, bytes };
}

async function pdfInput(file: string, bytes: Uint8Array): Promise<InputFile | { failure: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  try {
    const doc = await pdfjs.getDocument({
      // pdfjs takes ownership of the buffer it is given.
      data: new Uint8Array(bytes),
      cMapUrl: `${pathToFileURL(path.join(root, 'cmaps')).href}/`,
      cMapPacked: true,
      standardFontDataUrl: `${pathToFileURL(path.join(root, 'standard_fonts')).href}/`,
      isEvalSupported: false,
      useSystemFonts: false,
    }).promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height || Math.abs(item.transform[3] as number) }] : [],
      );
      pages.push({ width: page.view[2] - page.view[0], runs });
    }
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

function isDocx(bytes: Uint8Array): boolean {
  try {
    return Object.keys(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })).length > 0;
  } catch {
    return false;
  }
}
