// What kind of file the bytes are, from their content rather than their name: users rename files, and
// bureau systems export .txt that are really GBK, or .doc that are really .docx.

export type InputFormat = 'pdf' | 'zip' | 'text-or-binary';

export function sniffFormat(bytes: Uint8Array): InputFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // PK\3\4: DOCX, a zipped Shapefile, KMZ
  return 'text-or-binary';
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
