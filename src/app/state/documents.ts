// The page's shell for PDF and Word input, loaded only when such a file is dropped (pdfjs-dist and mammoth are
// large): like src/cli/readDocuments.ts, it takes the text out and hands it to the core's pure rebuildPdfText /
// htmlToText; extract then reads it as a gazette. CMaps and standard fonts come from the page's own folder
// (copied from pdfjs-dist at build time by vite.config.ts): no network.
import { htmlToText } from '../../core/text/htmlToText.js';
import { pdfLoadOptions, readPdfPages, rebuildPdfText } from '../../core/text/rebuildPdfText.js';
import type { ImportFile } from './model.js';

type Failure = { failure: { zh: string; en: string } };

/** PDF and DOCX bytes → an import carrying their text; any other file (a zipped Shapefile…) passes through. */
export async function readDocument(name: string, bytes: ArrayBuffer): Promise<ImportFile | Failure> {
  const head = new Uint8Array(bytes, 0, Math.min(5, bytes.byteLength));
  if (String.fromCharCode(...head) === '%PDF-') return pdf(name, bytes);
  const { checkDocx } = await import('../../core/formats/docx/checkDocx.js');
  const check = checkDocx(name, new Uint8Array(bytes));
  if (!check.docx) return { name, bytes };
  if (check.problem) return { failure: check.problem.message };
  return docx(name, bytes);
}

async function pdf(name: string, bytes: ArrayBuffer): Promise<ImportFile | Failure> {
  const [pdfjs, { default: workerUrl }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const base = new URL('pdfjs/', document.baseURI).href;
  try {
    // pdfjs takes ownership of (detaches) the buffer it is given: keep the original for the worker.
    const doc = await pdfjs.getDocument(pdfLoadOptions(new Uint8Array(bytes.slice(0)), base)).promise;
    const pages = await readPdfPages(doc);
    await doc.destroy();
    // An empty text (a scanned PDF) is passed on as it is: the core says so with input-pdf-no-text.
    return { name, bytes, text: { content: rebuildPdfText(pages), from: 'pdf' } };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { failure: { zh: `无法读取该 PDF（${reason}）`, en: `the PDF cannot be read (${reason})` } };
  }
}

async function docx(name: string, bytes: ArrayBuffer): Promise<ImportFile | Failure> {
  const mammoth = (await import('mammoth/mammoth.browser.js')).default;
  try {
    const { value } = await mammoth.convertToHtml({ arrayBuffer: bytes.slice(0) });
    return { name, bytes, text: { content: htmlToText(value), from: 'docx' } };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { failure: { zh: `无法读取该 Word 文档（${reason}）`, en: `the Word document cannot be read (${reason})` } };
  }
}
