// Small valid inputs for the hostile-input tests and the binary fuzzer, built from scratch so that every byte
// offset a test patches is known: a zipped Shapefile of a few squares in CGCS2000 3° zone 37 (EPSG:4525), a
// Word document of a few paragraphs, a GeoJSON polygon.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { writeDbf } from '../../src/core/formats/shapefile/dbf.js';
import { toEsriWkt } from '../../src/core/formats/shapefile/esriWkt.js';
import { writeShpShx } from '../../src/core/formats/shapefile/toShapefile.js';

const SHP_HEADER = 100;
/** Offset of a record's content-length word within the .shp (record header big-endian, after its number). */
export const CONTENT_LENGTH_AT = SHP_HEADER + 4;
/** Offsets inside the first record's content (it starts after the 8-byte record header). */
const FIRST_CONTENT = SHP_HEADER + 8;
export const PART_COUNT_AT = FIRST_CONTENT + 36;
export const POINT_COUNT_AT = FIRST_CONTENT + 40;
/** dBASE header: record count (u32 LE) at 4, header length (u16) at 8, record length (u16) at 10. */
export const DBF_COUNT_AT = 4;
export const DBF_HEADER_LENGTH_AT = 8;
export const DBF_RECORD_LENGTH_AT = 10;

/** A clockwise square of `side` metres with its south-west corner at (easting, northing), closed. */
function square(easting: number, northing: number, side: number): [number, number][] {
  return [
    [easting, northing],
    [easting, northing + side],
    [easting + side, northing + side],
    [easting + side, northing],
    [easting, northing],
  ];
}

export interface ShapefileParts {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj: Uint8Array;
  cpg: Uint8Array;
}

/** `count` squares of 100 m side along an easting, each with an ID and a Chinese NAME. */
export function shapefileParts(count = 3): ShapefileParts {
  const rings = Array.from({ length: count }, (_, i) => [square(37_500_000 + 200 * i, 4_150_000, 100)]);
  const { shp, shx } = writeShpShx(rings);
  const dbf = writeDbf(
    [
      { name: 'ID', type: 'N' },
      { name: 'NAME', type: 'C' },
    ],
    rings.map((_, i) => [i + 1, `地块${i + 1}`]),
  ).bytes;
  return { shp, shx, dbf, prj: strToU8(toEsriWkt(4525)), cpg: strToU8('UTF-8') };
}

export function zipShapefile(parts: Partial<ShapefileParts>, extra: Zippable = {}, name = 'parcels'): Uint8Array {
  const files: Zippable = { ...extra };
  for (const [ext, bytes] of Object.entries(parts)) if (bytes) files[`${name}.${ext}`] = bytes;
  return zipSync(files);
}

/** A copy of `bytes` with a 32-bit integer written at `at`. */
export function patchInt32(bytes: Uint8Array, at: number, value: number, littleEndian: boolean): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setInt32(at, value, littleEndian);
  return out;
}

export function patchUint(bytes: Uint8Array, at: number, value: number, width: 2 | 4): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (width === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return out;
}

/** A minimal .docx: the parts mammoth needs and `paragraphs` paragraphs of text. */
export function docx(paragraphs: string[], level = 6): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    },
    { level: level as 6 },
  );
}

/** A GeoJSON FeatureCollection of one polygon with the given lon/lat ring. */
export function geojsonPolygon(ring: number[][]): string {
  return JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] });
}
