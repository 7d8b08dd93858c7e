// Whether a zip is a Word document, and whether it stays within the limits before mammoth sees it. Mammoth
// unpacks every part it reads into memory and builds a tree of every XML element: a 0.9 MB .docx whose
// document.xml expands to 300 MB of paragraphs ran out of memory after a minute and a half. Here each entry is
// inflated as a stream and dropped, counting its bytes (archiveBytes) and the elements of its XML (xmlElements).
import { diagnose } from '../../diagnostics/catalogue.js';
import { corruptDiagnostic, CorruptInput } from '../corrupt.js';
import { inflateZip, isZip, listZip } from '../zip.js';
import { resolveLimits, type ResourceLimits } from '../../model/limits.js';
import type { Diagnostic } from '../../model/types.js';

export type DocxCheck = { docx: false } | { docx: true; problem: Diagnostic | null };

const LT = 0x3c;

/** Not a docx (any other zip, or none); a docx within the limits; or a docx with the reason it is refused. */
export function checkDocx(file: string, bytes: Uint8Array, overrides: Partial<ResourceLimits> = {}): DocxCheck {
  if (!isZip(bytes)) return { docx: false };
  const limits = resolveLimits(overrides);
  const where = { file, line: 0 };
  let entries;
  try {
    entries = listZip(bytes, file, limits);
  } catch (err) {
    // A broken zip is not known to be a Word document; the Shapefile reader names what is broken.
    if (err instanceof CorruptInput) return { docx: false };
    throw err;
  }
  if (!Array.isArray(entries) || !entries.some((e) => e.name === 'word/document.xml')) return { docx: false };
  let elements = 0;
  let afterLt = false;
  let current: unknown = null;
  try {
    const hit = inflateZip(bytes, entries, file, limits, (entry, chunk) => {
      if (!/\.(xml|rels)$/i.test(entry.name)) return;
      if (entry !== current) afterLt = false;
      current = entry;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        // An element starts at "<" followed by its name: not "</", "<?" or "<!".
        if (afterLt && c !== 0x2f && c !== 0x3f && c !== 0x21) elements++;
        afterLt = c === LT;
      }
    });
    if (hit) return { docx: true, problem: diagnose('limit-exceeded', where, { what: hit.what, value: hit.value, limit: hit.limit }) };
  } catch (err) {
    if (err instanceof CorruptInput) return { docx: true, problem: corruptDiagnostic(where, err.corruption) };
    throw err;
  }
  if (elements > limits.xmlElements) return { docx: true, problem: diagnose('limit-exceeded', where, { what: 'xmlElements', value: elements, limit: limits.xmlElements }) };
  return { docx: true, problem: null };
}
