// Reading dropped or picked files into what the worker imports: too large files are refused, PDF and Word
// documents have their text taken out here.
import { tooLarge } from '../../core/diagnostics/limitDiagnostics.js';
import { DEFAULT_LIMITS } from '../../core/model/limits.js';
import { sniffFormat } from '../../core/text/sniffFormat.js';
import type { ImportFile, Message } from './model.js';

/** The files the worker can read; each refused file is reported through notify. */
export async function readImportFiles(files: File[], notify: (m: Message) => void): Promise<ImportFile[]> {
  const payload: ImportFile[] = [];
  for (const f of files) {
    // Refused before reading, as the CLI does, so that a huge file cannot exhaust the page's memory.
    if (f.size > DEFAULT_LIMITS.inputBytes) {
      notify({ level: 'error', file: f.name, ...tooLarge(f.name, f.size).message });
      continue;
    }
    const bytes = await f.arrayBuffer();
    if (sniffFormat(new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength))) !== 'text-or-binary') {
      // PDF and Word: their text is taken out here (pdfjs and mammoth load only now), then read as a gazette.
      const { readDocument } = await import('./documents.js');
      const prepared = await readDocument(f.name, bytes);
      if ('failure' in prepared) {
        notify({ level: 'error', file: f.name, ...prepared.failure });
        continue;
      }
      payload.push(prepared);
    } else payload.push({ name: f.name, bytes });
  }
  return payload;
}
