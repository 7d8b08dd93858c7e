// The name a record goes by on the page: the document number with the parcel's number in a multi-parcel
// document (吕政发〔2022〕15号（3）), or the block's own name and code for a 国土 coordinate file, whose
// document number is only its file name or a bare "1".

/** The label of parcel `parcelIndex` of document `doc`: `doc（n）`, or `doc` for a one-parcel document. */
export function docLabel(doc: string, parcelIndex: number | null): string {
  return parcelIndex ? `${doc}（${parcelIndex}）` : doc;
}

/** docLabel read back: the document number and the parcel's number (null when the label carries none). */
export function parseDocLabel(label: string): { doc: string; parcelIndex: number | null } {
  const m = /^(.*)（(\d+)）$/.exec(label);
  return m && m[1] ? { doc: m[1], parcelIndex: Number(m[2]) } : { doc: label, parcelIndex: null };
}

interface Labelled {
  doc: string;
  parcelIndex: number | null;
  kind: string;
  attributes?: Record<string, string>;
}

/**
 * What the table lists and the map writes on a record. A 国土 TXT block carries 地块名称 and 地块编号: it is
 * listed as `地块名称（地块编号）`; without a name, by its code and number as any document.
 */
export function recordLabel(p: Labelled): string {
  const name = p.kind === 'coordinate-file' ? p.attributes?.['地块名称'] : undefined;
  if (!name) return docLabel(p.doc, p.parcelIndex);
  const code = p.attributes?.['地块编号'];
  return code && code !== name ? `${name}（${code}）` : name;
}
