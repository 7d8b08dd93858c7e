// Whether a zip is a Word document, and whether it stays within the limits before mammoth sees it. Mammoth
// unpacks every part it reads into memory and builds a tree of every XML element: a 0.9 MB .docx whose
// document.xml expands to 300 MB of paragraphs ran out of memory after a minute and a half. Here each entry is
// inflated as a stream and dropped, counting its bytes (archiveBytes) and the elements of its XML (xmlElements),
// and checking that every element of its XML is closed.
import { diagnose } from '../../diagnostics/catalogue.js';
import { corrupt, corruptDiagnostic, CorruptInput } from '../corrupt.js';
import { inflateZip, isZip, listZip, type ZipEntry } from '../zip.js';
import { resolveLimits, type ResourceLimits } from '../../model/limits.js';
import type { Diagnostic } from '../../model/types.js';

export type DocxCheck = { docx: false } | { docx: true; problem: Diagnostic | null };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;

/**
 * Counts an XML part's elements and checks that each is closed, as a stream. Mammoth's XML parser takes
 * quadratic time on a part that is cut off or has a tag left open (a 0.5 MB document.xml cut short ran for
 * minutes), so such a part is refused here. Comments and CDATA, which Word does not write, are taken as
 * ending at their first ">".
 */
class XmlBalance {
  private readonly open: string[] = [];
  private inTag = false;
  private quote = 0;
  private tag = '';

  constructor(readonly entry: ZipEntry) {}

  /** The elements that start in `chunk`. */
  push(chunk: Uint8Array): number {
    let elements = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (!this.inTag) {
        if (c === LT) {
          this.inTag = true;
          this.tag = '';
        }
        continue;
      }
      if (this.quote) {
        if (c === this.quote) this.quote = 0;
        continue;
      }
      if ((c === 0x22 || c === 0x27) && this.tag.length > 0 && this.tag[0] !== '?' && this.tag[0] !== '!') {
        this.quote = c;
        continue;
      }
      if (c !== GT) {
        // The name and a final "/" are all that matter; a long tag keeps its first characters and its last.
        if (this.tag.length < 256) this.tag += String.fromCharCode(c);
        else this.tag = this.tag.slice(0, 255) + String.fromCharCode(c);
        continue;
      }
      this.inTag = false;
      const first = this.tag.charCodeAt(0);
      if (first === QUESTION || first === BANG) continue;
      const name = /^\/?([^\s/]*)/.exec(this.tag)![1]!;
      if (first === SLASH) {
        const top = this.open.pop();
        if (top !== name) this.fail(name);
      } else {
        elements++;
        if (this.tag.charCodeAt(this.tag.length - 1) !== SLASH) this.open.push(name);
      }
    }
    return elements;
  }

  end(): void {
    if (this.inTag || this.open.length > 0) this.fail(this.open[this.open.length - 1] ?? this.tag.slice(0, 20));
  }

  private fail(name: string): never {
    corrupt({ part: this.entry.name, record: 0, field: 'xml-element', value: name || '?', problem: 'unclosed' });
  }
}

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
  let xml: XmlBalance | null = null;
  try {
    const hit = inflateZip(bytes, entries, file, limits, (entry, chunk) => {
      if (!/\.(xml|rels)$/i.test(entry.name)) return;
      if (xml?.entry !== entry) {
        xml?.end();
        xml = new XmlBalance(entry);
      }
      elements += xml.push(chunk);
    });
    if (hit) return { docx: true, problem: diagnose('limit-exceeded', where, { what: hit.what, value: hit.value, limit: hit.limit }) };
    (xml as XmlBalance | null)?.end();
  } catch (err) {
    if (err instanceof CorruptInput) return { docx: true, problem: corruptDiagnostic(where, err.corruption) };
    throw err;
  }
  if (elements > limits.xmlElements) return { docx: true, problem: diagnose('limit-exceeded', where, { what: 'xmlElements', value: elements, limit: limits.xmlElements }) };
  return { docx: true, problem: null };
}
