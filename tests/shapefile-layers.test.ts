// A planner's own Shapefile: its DBF columns (编号, DKBM, KSMC, SCGM…, Chinese names included) stay on the record,
// so a zipped Shapefile layer joins to the gazettes' block codes and mine names like a GeoJSON one does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyLayers } from '../src/core/layers/applyLayers.js';
import { writeDbf } from '../src/core/formats/shapefile/dbf.js';
import { extract } from '../src/core/extract.js';
import { readLayers } from '../src/core/layers/readLayers.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON } from '../src/core/formats/geojson/toLayerGeoJSON.js';
import { gazetteInputs, repoRoot, exported } from './helpers.js';

const DIR = path.join(repoRoot, 'tests/fixtures/synthetic');

/** The synthetic rectangles as a GK Shapefile whose DBF is the planner's: `columns` with `rows`, one per feature. */
function plannerShapefile(file: string, columns: string[], rows: (string | number)[][]): Uint8Array {
  const parcels = extract([{ file, bytes: readFileSync(path.join(DIR, file)) }]).parcels;
  const entries = unzipSync(exported(parcels, 'shp', { crs: 'gk' }).bytes);
  // writeDbf takes ASCII names only (as our exports must); a planner's ArcGIS writes Chinese ones in the table's
  // code page, so the placeholder names are patched to UTF-8 bytes (≤ 10) afterwards.
  const dbf = writeDbf(
    columns.map((_, i) => ({ name: `F${i}`, type: typeof rows[0]![i] === 'number' ? 'N' : 'C' })),
    rows,
  ).bytes;
  columns.forEach((name, i) => {
    const bytes = new TextEncoder().encode(name);
    expect(bytes.length).toBeLessThanOrEqual(10);
    dbf.fill(0, 32 + i * 32, 32 + i * 32 + 11);
    dbf.set(bytes, 32 + i * 32);
  });
  const base = Object.keys(entries).find((n) => n.endsWith('.dbf'))!;
  entries[base] = dbf;
  entries[base.replace(/\.dbf$/, '.cpg')] = new TextEncoder().encode('UTF-8');
  return zipSync(entries);
}

describe('zipped Shapefile layers keep every DBF attribute', () => {
  it('keeps Chinese and ASCII column names with their values on the record', () => {
    const zip = plannerShapefile('synthetic-planning-blocks.geojson', ['编号', 'YDXZ', 'MJ'], [
      ['BF－09－03', '二类居住用地', 3],
      ['JR-05-06', '商业用地', 3],
      ['XC-79', '合成示例', 1],
      ['QQ-99-01', '合成示例', 1],
    ]);
    const parcels = extract([{ file: 'blocks.zip', bytes: zip }]).parcels;
    expect(parcels).toHaveLength(4);
    expect(parcels[0]!.attributes).toMatchObject({ 编号: 'BF－09－03', YDXZ: '二类居住用地', MJ: '3' });
    expect(parcels[0]!.verification.status).not.toBe('invalid');
  });

  it('a Shapefile block layer and a mining layer join by 编号 / KSMC and evaluate the rules from SCGM', () => {
    const blocks = plannerShapefile('synthetic-planning-blocks.geojson', ['编号'], [['BF－09－03'], ['JR-05-06'], ['XC-79'], ['QQ-99-01']]);
    const zones = plannerShapefile('synthetic-mining-zones.geojson', ['KSMC', 'SCGM', 'SYFWNX'], [
      ['山西吕梁离石永聚煤业有限公司', 60, 8],
      ['东江煤业', 120, 10],
      ['新升凯建材', 0, 6],
      ['晋邦德煤矿', 30, 0],
      ['合成示例石料厂', 80, 12],
    ]);
    const result = applyLayers(extract(gazetteInputs()), readLayers([{ file: 'blocks.zip', bytes: blocks }, { file: 'zones.zip', bytes: zones }]));
    const planning = toPlanningGeoJSON(result);
    expect(planning.features.map((f) => [f.properties.code, f.properties.status])).toEqual([
      ['BF-09-03', 'approved'],
      ['JR-05-06', 'approved'],
      ['XC-79', expect.any(String)],
      ['QQ-99-01', 'unreferenced'],
    ]);
    expect(planning.features[0]!.properties['编号']).toBe('BF－09－03');
    const mining = toMiningLayerGeoJSON(result);
    const yongju = mining.features.find((f) => f.properties.KSMC === '山西吕梁离石永聚煤业有限公司')!;
    expect(yongju.properties.mine).toBe('吕梁离石永聚煤业有限公司');
    expect(yongju.properties.capacity_wt_per_year).toBe(60);
    expect(yongju.properties.outcome).toBe('retain');
    expect(mining.features.filter((f) => f.properties.mine === null).map((f) => f.properties.name)).toEqual(['合成示例石料厂']);
  });
});
