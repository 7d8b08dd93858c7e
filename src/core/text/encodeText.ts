// Text → bytes in the encodings bureau systems ask for. UTF-8 is TextEncoder's; GBK has no encoder in browsers or
// Node, so its table is built once from the platform's own GBK decoder over every double-byte code (lead byte
// 0x81–0xFE, trail 0x40–0xFE without 0x7F): whatever TextDecoder('gbk') reads back is exactly what we write.

export type TextEncoding = 'utf8' | 'gbk';

let gbkTable: Map<number, number> | null = null;

function gbkCodes(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder('gbk');
  const table = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      // A pair at a time: an invalid pair decodes to U+FFFD plus its ASCII trail, which would shift a batch.
      const text = decoder.decode(pair);
      const cp = text.codePointAt(0)!;
      if (text.length !== 1 || cp === 0xfffd || table.has(cp)) continue;
      table.set(cp, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

/** Throws a RangeError naming the first character GBK cannot hold (GB18030's four-byte range, emoji, …). */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkCodes();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = table.get(cp);
    if (code === undefined) {
      throw new RangeError(`"${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) cannot be written in GBK; use UTF-8`);
    }
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}

/** The first character of the text GBK cannot hold, with its code point as U+ hex; null when it can hold all. */
export function unencodableInGbk(text: string): { char: string; codePoint: string } | null {
  const table = gbkCodes();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 && !table.has(cp)) return { char: ch, codePoint: cp.toString(16).toUpperCase().padStart(4, '0') };
  }
  return null;
}

export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  return encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
}
