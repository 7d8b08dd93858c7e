// Rebuilds reading-order lines from the positioned text runs a PDF text layer holds (pdfjs-dist
// getTextContent items). PDF has no lines, only glyph runs at coordinates; gazettes are often set in two
// columns, so runs are grouped into lines by baseline and the lines of a left column read before those
// of a right one.

interface PdfTextRun {
  str: string;
  /** Left edge, PDF units. */
  x: number;
  /** Baseline, PDF units (grows upwards). */
  y: number;
  width: number;
  /** Font size, PDF units. */
  height: number;
}

export interface PdfPage {
  /** Page width, PDF units: where the middle is, for telling two columns apart. */
  width: number;
  runs: PdfTextRun[];
}

interface Line {
  y: number;
  height: number;
  runs: PdfTextRun[];
}

/** The text of all pages, one physical line per rebuilt line, pages separated by an empty line. */
export function rebuildPdfText(pages: readonly PdfPage[]): string {
  return pages.map((page) => pageLines(page).join('\n')).join('\n\n');
}

function pageLines(page: PdfPage): string[] {
  const runs = page.runs.filter((r) => r.str.length > 0);
  const middle = page.width / 2;
  // Two columns: nothing crosses the middle of the page, and both halves hold text.
  const crossing = runs.some((r) => r.x < middle - 1 && r.x + r.width > middle + 1);
  const left = runs.filter((r) => r.x + r.width <= middle + 1);
  const right = runs.filter((r) => r.x >= middle - 1 && r.x + r.width > middle + 1);
  if (!crossing && left.length > 0 && right.length > 0 && left.length + right.length === runs.length) {
    return [...groupLines(left), ...groupLines(right)];
  }
  return groupLines(runs);
}

function groupLines(runs: PdfTextRun[]): string[] {
  const lines: Line[] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines[lines.length - 1];
    // Runs whose baselines differ by less than half a character height sit on one line.
    if (line && Math.abs(line.y - run.y) < Math.max(line.height, run.height) / 2) line.runs.push(run);
    else lines.push({ y: run.y, height: run.height, runs: [run] });
  }
  return lines.map((line) => joinRuns(line.runs.sort((a, b) => a.x - b.x)));
}

// A visible gap between runs is a space; touching runs are one word (Chinese needs no spaces).
function joinRuns(runs: PdfTextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const r of runs) {
    if (text.length > 0 && r.x - end > r.height * 0.25 && !text.endsWith(' ') && !r.str.startsWith(' ')) text += ' ';
    text += r.str;
    end = r.x + r.width;
  }
  return text.trimEnd();
}

/** The part of pdfjs-dist's PDFDocumentProxy read here, so that the core imports no pdfjs. */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ view: number[]; getTextContent(): Promise<{ items: readonly object[] }> }>;
}

/** The text runs of every page (text items only; marked-content items carry no text). */
export async function readPdfPages(doc: PdfDocumentLike): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) => {
      if (!('str' in item)) return [];
      const t = item as { str: string; transform: number[]; width: number; height: number };
      return [{ str: t.str, x: t.transform[4]!, y: t.transform[5]!, width: t.width, height: t.height || Math.abs(t.transform[3]!) }];
    });
    pages.push({ width: page.view[2]! - page.view[0]!, runs });
  }
  return pages;
}

/**
 * Options for pdfjs-dist's getDocument: CMaps (needed for Chinese fonts) and standard fonts from the
 * shell's own copy under `resourceBase` (a file: URL in Node, the page's bundle in the browser), never the
 * network; no eval.
 */
export function pdfLoadOptions(data: Uint8Array, resourceBase: string) {
  return {
    data,
    cMapUrl: `${resourceBase}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${resourceBase}standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
  };
}
