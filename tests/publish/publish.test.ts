// The page's data format: the index the publisher writes is read back into the same rows the worker builds for a
// record, the label format round-trips, and the tile writer cuts the published parcels into tiles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.js';
import { toFeatureCollection } from '../../src/core/formats/geojson/toGeoJSON.js';
import { docLabel, parseDocLabel, recordLabel } from '../../src/core/publish/label.js';
import { DISPLAY_UNIT } from '../../src/core/publish/pageFormat.js';
import { PublishedRecords, rowAt, rowsOf, tableFromIndex, packRows, unpackRows } from '../../src/core/publish/readIndex.js';
import { featureRow, parcelRow } from '../../src/core/publish/rows.js';
import { writeIndex } from '../../src/core/publish/writeIndex.js';
import { writeTiles } from '../../src/core/publish/writeTiles.js';
import { gazetteInputs, repoRoot } from '../helpers.js';

const result = extract(gazetteInputs());
// As records.json holds them: plain JSON.
const records = JSON.parse(JSON.stringify({ records: result.parcels, diagnostics: result.diagnostics, topology: result.topology }));

describe('label', () => {
  it('docLabel and parseDocLabel round-trip, with and without a parcel number', () => {
    for (const [doc, n] of [['吕政发〔2022〕15号', 3], ['吕政发〔2022〕9号', null], ['离政发〔2025〕13号', 12]] as const) {
      expect(parseDocLabel(docLabel(doc, n))).toEqual({ doc, parcelIndex: n });
    }
    expect(docLabel('吕政发〔2022〕15号', 3)).toBe('吕政发〔2022〕15号（3）');
  });

  it('names a 国土 TXT block by its 地块名称 and 地块编号, and a gazette parcel by its document', () => {
    const block = { doc: '1', parcelIndex: 1, kind: 'coordinate-file', attributes: { 地块编号: 'SYN-P1', 地块名称: '合成示例宗地一' } };
    expect(recordLabel(block)).toBe('合成示例宗地一（SYN-P1）');
    expect(recordLabel({ ...block, attributes: { 地块名称: '合成示例宗地一' } })).toBe('合成示例宗地一');
    expect(recordLabel({ ...block, attributes: {} })).toBe('1（1）');
    expect(recordLabel({ doc: '吕政发〔2022〕15号', parcelIndex: 2, kind: 'take-back' })).toBe('吕政发〔2022〕15号（2）');
  });
});

describe('index writer and reader', () => {
  const { index, chunks, bounds } = writeIndex(records);

  it('reads back, row for row, the rows the worker builds from the full records (areas to 4 decimals, boxes to 1e-7°)', () => {
    const rows = rowsOf(unpackRows(packRows(tableFromIndex(index))));
    expect(rows).toHaveLength(result.parcels.length);
    result.parcels.forEach((p, i) => {
      const full = parcelRow(p, false);
      const read = rows[i]!;
      expect({ ...read, bbox: null, statedM2: null, computedM2: null, deltaM2: null }).toEqual({ ...full, bbox: null, statedM2: null, computedM2: null, deltaM2: null });
      for (const k of ['statedM2', 'computedM2', 'deltaM2'] as const) {
        if (full[k] === null) expect(read[k]).toBeNull();
        else expect(Math.abs(read[k]! - full[k]!)).toBeLessThanOrEqual(5e-5);
      }
      if (full.bbox === null) expect(read.bbox).toBeNull();
      else {
        // Rounded outwards: the read box holds the full one, within one unit.
        const [w, s, e, n] = read.bbox!;
        expect(w).toBeLessThanOrEqual(full.bbox[0] + 1e-12);
        expect(n).toBeGreaterThanOrEqual(full.bbox[3] - 1e-12);
        expect(full.bbox[0] - w).toBeLessThan(2 / DISPLAY_UNIT);
        expect(e - full.bbox[2]).toBeLessThan(2 / DISPLAY_UNIT);
        expect(s).toBeLessThanOrEqual(full.bbox[1] + 1e-12);
      }
    });
    expect(index.drawn).toBe(result.parcels.filter((p) => p.lonLatRing).length);
    expect(bounds).not.toBeNull();
  });

  it('keeps everything of records.json but the records in meta, and every record in exactly one chunk', async () => {
    expect(Object.keys(index.meta).sort()).toEqual(['diagnostics', 'topology']);
    const byChunk = chunks.map((c) => JSON.parse(c.text) as { id: string }[]);
    expect(byChunk.flat().map((p) => p.id).sort()).toEqual(result.parcels.map((p) => p.id).sort());
    const published = new PublishedRecords(index, async (k) => JSON.parse(chunks[k]!.text));
    const loaded: string[] = [];
    await published.load(['吕政发〔2022〕12号'], (p) => loaded.push(p.id));
    expect(loaded).toContain('吕政发〔2022〕12号');
    expect(published.row('吕政发〔2022〕12号')).toEqual(rowAt(published.table, published.positionOf('吕政发〔2022〕12号')!));
    expect(published.labels()).toHaveLength(index.drawn);
  });

  it('cuts the published parcels into vector tiles that name the tile set the manifest holds', () => {
    const { tiles, set } = writeTiles(toFeatureCollection(result.parcels), index, bounds);
    expect(tiles.length).toBeGreaterThan(0);
    expect(set.features).toBe(toFeatureCollection(result.parcels).features.length);
    for (const t of tiles) expect(t.name).toMatch(/^\d+\/\d+\/\d+$/);
    expect(tiles.every((t) => t.pbf.length > 0)).toBe(true);
  });
});

describe('featureRow', () => {
  it('gives a mining zone its ellipsoidal area as the computed area and a 国土 block its name', () => {
    const ring: [number, number][] = [[111.14, 37.6], [111.15, 37.6], [111.15, 37.61], [111.14, 37.6]];
    const zone = featureRow('z', 'mining', { name: '锦瑞煤业', area_km2: 0.12, outcome: 'retain' }, [ring], 'z.txt', true);
    expect(zone.computedM2).toBeCloseTo(120000, 6);
    expect(zone.status).toBe('retain');
    expect(zone.epsg).toBe(4513 + 37 - 25);
    const block = featureRow('b', 'planning', { code: 'SYN-P1', 地块名称: '合成示例宗地一' }, [ring], 'b.txt', true);
    expect(block.doc).toBe('合成示例宗地一（SYN-P1）');
  });
});

it('the publisher script is a thin wrapper over core/publish', () => {
  const script = readFileSync(path.join(repoRoot, 'scripts/publish-data.mjs'), 'utf8');
  expect(script).toContain('dist/core/publish/');
  expect(script.split('\n').length).toBeLessThan(80);
});
