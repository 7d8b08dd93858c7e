// Corrupt Shapefiles: every length, count and offset in .shp, .shx and .dbf is checked against the bytes
// present. Each case is a valid zip from build.ts with one field patched at a known offset; each must end in a
// coded diagnostic naming the file, the record and the field, never in a loop, an exception or a silent loss.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import type { Diagnostic, ExtractResult } from '../../src/core/model/types.js';
import {
  CONTENT_LENGTH_AT,
  DBF_COUNT_AT,
  DBF_HEADER_LENGTH_AT,
  DBF_RECORD_LENGTH_AT,
  PART_COUNT_AT,
  POINT_COUNT_AT,
  patchInt32,
  patchUint,
  shapefileParts,
  zipShapefile,
  type ShapefileParts,
} from './build.js';

function read(parts: Partial<ShapefileParts>): ExtractResult {
  return extract([{ file: 'bad.zip', bytes: zipShapefile(parts) }]);
}

function corruption(result: ExtractResult): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === 'import-corrupt');
  expect(found).toHaveLength(1);
  expect(found[0]!.severity).toBe('error');
  expect(found[0]!.source?.file).toBe('bad.zip');
  return found[0]!;
}

const valid = shapefileParts(3);

describe('corrupt .shp', () => {
  it('the valid fixture reads as three verified squares', () => {
    const r = read(valid);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.parcels.map((p) => p.verification.computedM2)).toEqual([10000, 10000, 10000]);
    expect(r.parcels.map((p) => p.attributes?.NAME)).toEqual(['地块1', '地块2', '地块3']);
  });

  it('a content length of −4 in the first record header is an error, not a loop', () => {
    const d = corruption(read({ ...valid, shp: patchInt32(valid.shp, CONTENT_LENGTH_AT, -4, false) }));
    expect(d.message.en).toBe('parcels.shp record 1: content length -4 is negative');
    expect(d.message.zh).toBe('parcels.shp 第 1 条记录：内容长度 -4 是负数');
  });

  it('a negative content length in record 3 keeps records 1 and 2 and names record 3', () => {
    const recordBytes = (valid.shp.length - 100) / 3;
    const shp = patchInt32(valid.shp, 100 + 2 * recordBytes + 4, -4, false);
    const r = read({ ...valid, shp });
    expect(corruption(r).message.en).toBe('parcels.shp record 3: content length -4 is negative');
    expect(r.parcels).toHaveLength(2);
  });

  it('a content length past the end of the file names the file size', () => {
    const d = corruption(read({ ...valid, shp: patchInt32(valid.shp, CONTENT_LENGTH_AT, 0x7fffffff, false) }));
    expect(d.message.en).toBe(`parcels.shp record 1: content length 2147483647 runs past the end of the file (${valid.shp.length} bytes)`);
  });

  it('a point count of −5 is an error for that record, not a parcel with no points', () => {
    const r = read({ ...valid, shp: patchInt32(valid.shp, POINT_COUNT_AT, -5, true) });
    expect(corruption(r).message.en).toBe('parcels.shp record 1: point count -5 is negative');
    expect(r.parcels.map((p) => p.attributes?.NAME)).toEqual(['地块2', '地块3']);
    expect(r.parcels.some((p) => p.verification.status === 'no-points')).toBe(false);
  });

  it('a part count larger than the record is an error before anything is allocated for it', () => {
    const r = read({ ...valid, shp: patchInt32(valid.shp, PART_COUNT_AT, 0x7fffffff, true) });
    expect(corruption(r).message.en).toMatch(/^parcels\.shp record 1: part count 2147483647 runs past the record's content \(\d+ bytes\)$/);
  });

  it('every truncation of the .shp ends in a result or a coded diagnostic, never an exception', () => {
    for (let n = 0; n < valid.shp.length; n++) {
      const r = read({ ...valid, shp: valid.shp.subarray(0, n) });
      const messages = r.diagnostics.map((d) => d.message.en).join('\n');
      expect(messages).not.toMatch(/DataView|Offset is outside|undefined|NaN/);
      if (n < valid.shp.length) expect(r.diagnostics.some((d) => d.code === 'import-corrupt'), `cut at ${n}`).toBe(true);
    }
  });
});

describe('corrupt .dbf', () => {
  it('record length 0 with 0xFFFFFFFF records is an error, not a loop', () => {
    const dbf = patchUint(patchUint(valid.dbf, DBF_RECORD_LENGTH_AT, 0, 2), DBF_COUNT_AT, 0xffffffff, 4);
    const r = read({ ...valid, dbf });
    expect(corruption(r).message.en).toMatch(/^parcels\.dbf header: record length 0 is below the minimum of \d+$/);
    // The geometry is intact and still read; only the table is refused.
    expect(r.parcels).toHaveLength(3);
  });

  it('a header length of 65535 is an error, not every attribute dropped silently', () => {
    const r = read({ ...valid, dbf: patchUint(valid.dbf, DBF_HEADER_LENGTH_AT, 65535, 2) });
    expect(corruption(r).message.en).toBe(`parcels.dbf header: header length 65535 runs past the end of the file (${valid.dbf.length} bytes)`);
  });

  it('a record count beyond the bytes present reads what is there and says so', () => {
    const r = read({ ...valid, dbf: patchUint(valid.dbf, DBF_COUNT_AT, 1000, 4) });
    expect(corruption(r).message.en).toBe(`parcels.dbf header: record count 1000 runs past the end of the file (${valid.dbf.length} bytes)`);
    expect(r.parcels.map((p) => p.attributes?.NAME)).toEqual(['地块1', '地块2', '地块3']);
  });

  it('a table with fewer records than the .shp says so', () => {
    const r = read({ ...valid, dbf: patchUint(valid.dbf, DBF_COUNT_AT, 2, 4) });
    expect(corruption(r).message.en).toBe('parcels.dbf header: record count 2 disagrees with 3 in parcels.shp');
  });

  it('every truncation of the .dbf ends in a result or a coded diagnostic', () => {
    for (let n = 0; n < valid.dbf.length - 1; n++) {
      const r = read({ ...valid, dbf: valid.dbf.subarray(0, n) });
      expect(r.diagnostics.some((d) => d.code === 'import-corrupt'), `cut at ${n}`).toBe(true);
      expect(r.parcels).toHaveLength(3);
    }
  });
});

describe('corrupt .shx', () => {
  it('an index entry pointing past the .shp is named', () => {
    const r = read({ ...valid, shx: patchInt32(valid.shx, 100 + 8, 1 << 20, false) });
    expect(corruption(r).message.en).toBe(`parcels.shx record 2: record offset 1048576 runs past the end of the file (${valid.shp.length} bytes)`);
    expect(r.parcels).toHaveLength(3);
  });
});

describe('non-finite coordinates', () => {
  it('a NaN coordinate in a .shp names its feature', () => {
    const shp = valid.shp.slice();
    new DataView(shp.buffer).setFloat64(POINT_COUNT_AT + 4 + 4 + 16, Number.NaN, true);
    const r = read({ ...valid, shp });
    const d = r.diagnostics.find((x) => x.code === 'import-coordinate-not-finite')!;
    expect(d.message.en).toBe('the coordinate NaN is not a finite number; the feature was not read as a parcel');
    expect(d.source).toEqual({ file: 'bad.zip', line: 0, feature: 1 });
    expect(r.parcels).toHaveLength(2);
  });
});
