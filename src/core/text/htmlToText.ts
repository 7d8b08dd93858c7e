// Turns the simple, well-formed HTML that mammoth makes of a Word document into lines: one per
// paragraph, heading or list item, and one per table row with its cells separated by tabs, so that a
// coordinate table (点号 | X | Y) keeps each point on a line of its own. No DOM: the core runs in a worker.

const BLOCK_END = /<\/(?:p|h[1-6]|li|tr|caption)>|<br\s*\/?>/gi;
const CELL = /<t([dh])\b[^>]*>([\s\S]*?)<\/t\1>/gi;
const TAG = /<[^>]*>/g;

export function htmlToText(html: string): string {
  return html
    // Paragraphs inside a cell stay on the row's line; cells are separated by a tab.
    .replace(CELL, (_, _kind: string, inner: string) => `${inner.replace(BLOCK_END, ' ').replace(TAG, '').trim()}\t`)
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .split('\n')
    .map((line) => decodeEntities(line).replace(/\t+$/, '').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const name = e.toLowerCase();
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name]!;
  });
}
