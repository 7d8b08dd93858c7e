// Inputs the binary fuzzer found, kept as fixtures once fixed: each must end in a result or a coded diagnostic.
//   docx-truncated-document-xml.docx   a document.xml cut off mid-paragraph: mammoth's XML parser ran for minutes
//   zip-prj-unparsable.zip              a .prj proj4 rejects with a bare object: the reason read "undefined"
//   geojson-geometry-without-type.geojson  a geometry without "type": "not a polygon (undefined)"
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocx } from '../../src/core/formats/docx/checkDocx.js';
import { extract } from '../../src/core/extract.js';
import { repoRoot } from '../helpers.js';

const dir = path.join(repoRoot, 'tests/fixtures/hostile');

describe('fuzzer findings', () => {
  it('are all here', () => {
    expect(readdirSync(dir).sort()).toEqual(['docx-truncated-document-xml.docx', 'geojson-geometry-without-type.geojson', 'zip-prj-unparsable.zip']);
  });

  it('a truncated document.xml is refused before mammoth, naming the unclosed element', () => {
    const started = performance.now();
    const check = checkDocx('t.docx', readFileSync(path.join(dir, 'docx-truncated-document-xml.docx')));
    expect(check.docx && check.problem?.message.en).toBe('word/document.xml header: XML element w:p is not closed properly');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an unparsable .prj gives a reason a user can read', () => {
    const r = extract([{ file: 'p.zip', bytes: readFileSync(path.join(dir, 'zip-prj-unparsable.zip')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toContain('the Shapefile .prj file cannot be read: not a coordinate system proj4 understands');
  });

  it('a geometry without a type is named as such', () => {
    const r = extract([{ file: 'g.geojson', bytes: readFileSync(path.join(dir, 'geojson-geometry-without-type.geojson')) }]);
    expect(r.diagnostics.map((d) => d.message.en)).toContain('feature 2 is not a polygon (no geometry); skipped');
  });
});
