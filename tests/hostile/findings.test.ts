// Inputs the binary fuzzer found, kept as fixtures once fixed: each must end in a result or a coded diagnostic.
// (A .prj proj4 rejects by throwing a string showed "undefined"; that one is rebuilt here with valid checksums.)
//   docx-truncated-document-xml.docx   a document.xml cut off mid-paragraph: mammoth's XML parser ran for minutes
//   geojson-geometry-without-type.geojson  a geometry without "type": "not a polygon (undefined)"
//   geojson-empty-ring.geojson          a MultiPolygon [[[]]]: an uncaught TypeError
//   shp-empty-part.zip                  a part whose start equals the next one's: an uncaught TypeError
//   zip-damaged-entry-data.zip          entry data damaged yet inflating: a garbled .prj led to NaN and a proj4 TypeError
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/core/formats/docx/checkDocx.js';
import { extract } from '../../src/core/extract.js';
import { repoRoot } from '../helpers.js';
import { shapefileParts, zipShapefile } from './build.js';

const dir = path.join(repoRoot, 'tests/fixtures/hostile');

describe('fuzzer findings', () => {
  it('are all here', () => {
    expect(readdirSync(dir).sort()).toEqual(['docx-truncated-document-xml.docx', 'geojson-empty-ring.geojson', 'geojson-geometry-without-type.geojson', 'shp-empty-part.zip', 'zip-damaged-entry-data.zip']);
  });

  it('a truncated document.xml is refused before mammoth, naming the unclosed element', () => {
    const started = performance.now();
    const check = checkDocx('t.docx', readFileSync(path.join(dir, 'docx-truncated-document-xml.docx')));
    expect(check.docx && check.problem?.message.en).toBe('word/document.xml header: XML element w:p is not closed properly');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each(['garbage', 'GEOGCS["a",DATUM["b"]]', 'PROJCS["x"'])('a .prj proj4 cannot parse (%s) gives a reason a user can read', (prj) => {
    const r = extract([{ file: 'p.zip', bytes: zipShapefile({ ...shapefileParts(1), prj: strToU8(prj) }) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toEqual(['the Shapefile .prj file cannot be read: not a coordinate system proj4 understands']);
  });

  it('a geometry without a type is named as such', () => {
    const r = extract([{ file: 'g.geojson', bytes: readFileSync(path.join(dir, 'geojson-geometry-without-type.geojson')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toContain('feature 2 is not a polygon (no geometry); skipped');
  });

  it('a ring with no points skips its feature, saying why', () => {
    const r = extract([{ file: 'g.geojson', bytes: readFileSync(path.join(dir, 'geojson-empty-ring.geojson')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toContain('feature 2 is not a polygon (MultiPolygon with an empty ring); skipped');
    expect(r.parcels).toHaveLength(1);
  });

  it('damaged entry data is caught by its checksum', () => {
    const r = extract([{ file: 'p.zip', bytes: readFileSync(path.join(dir, 'zip-damaged-entry-data.zip')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toEqual(['p.zip record 1: checksum 83578cf5 disagrees with fa8e5295, the checksum of the inflated data']);
  });

  it('a .shp part with no points skips its feature, saying why', () => {
    const r = extract([{ file: 'p.zip', bytes: readFileSync(path.join(dir, 'shp-empty-part.zip')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toContain('feature 1 is not a polygon (Polygon with an empty ring); skipped');
  });
});
