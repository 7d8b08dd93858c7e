// A mining-right document in a gazette that lists its 矿区范围 as boundary points becomes a mining zone with
// geometry, verified on the ellipsoid, evaluated against the retention test and drawn on the mining layer.
// The document is synthetic (the five gazettes list no mining coordinates), written the way such approvals are.
import { describe, expect, it } from 'vitest';
import { applyLayers } from '../src/core/layers/applyLayers.js';
import { checkGeoJSON } from '../src/core/formats/geojson/checkGeoJSON.js';
import { extract } from '../src/core/extract.js';
import { readLayers } from '../src/core/layers/readLayers.js';
import { toMiningLayerGeoJSON } from '../src/core/formats/geojson/toLayerGeoJSON.js';
import { gazetteInputs, shoelace, unaccounted } from './helpers.js';

// A 400 m × 300 m rectangle near 吕梁新区, clockwise in (east, north) as printed.
const corners = [
  [4_160_000.0, 37_520_000.0],
  [4_160_300.0, 37_520_000.0],
  [4_160_300.0, 37_520_400.0],
  [4_160_000.0, 37_520_400.0],
] as const;

function approval(pointLines: string[], extra = ''): string {
  return [
    ' 吕梁市人民政府',
    '关于同意合成示例石料厂采矿权延续的批复',
    '吕政函〔2030〕9 号',
    '离石区人民政府：',
    '同意合成示例石料厂有限公司采矿权延续。矿区范围由以下拐点圈定：',
    ...pointLines,
    `矿区面积 0.1200 平方公里，开采标高由 1250 米至 1100 米。${extra}`,
    '吕梁市人民政府',
    '2030 年 1 月 1 日',
  ].join('\n');
}

const asXY = corners.map(([x, y], i) => `X${i + 1}=${x.toFixed(2)}，Y${i + 1}=${y.toFixed(2)}；`).concat(`X1=${corners[0][0].toFixed(2)}，Y1=${corners[0][1].toFixed(2)}。`);
const asForm = corners.map(([x, y], i) => `XY00${i + 1}=${i + 1},${x.toFixed(2)},${y.toFixed(2)}`);
const asTable = ['点号 X Y', ...corners.map(([x, y], i) => `${i + 1}\t${x.toFixed(2)}\t${y.toFixed(2)}`)];

describe('mining zones listed in a gazette document', () => {
  for (const [form, lines] of [['X=/Y= lines', asXY], ['XY001= registration lines', asForm], ['a 拐点 table', asTable]] as const) {
    it(`reads the 矿区范围 given as ${form}`, () => {
      const text = approval([...lines]);
      const result = extract([{ file: 'approval.txt', bytes: new TextEncoder().encode(text) }]);
      expect(result.parcels).toHaveLength(1);
      const zone = result.parcels[0]!;
      expect(zone).toMatchObject({ kind: 'mining-zone', doc: '吕政函〔2030〕9号', holder: '合成示例石料厂有限公司', elevation: { top: 1250, bottom: 1100 } });
      expect(zone.points).toHaveLength(4);
      // Verified on the ellipsoid, which is smaller than the grid by the square of the Gauss–Krüger scale
      // factor k ≈ 1 + E²/2R², E = 20.2 km east of the central meridian: about 1.2 m² on 120 000 m².
      expect(zone.verification.status).toBe('match');
      const k = 1 + 20_200 ** 2 / (2 * 6_371_000 ** 2);
      expect(shoelace(zone.points) / zone.verification.computedM2!).toBeCloseTo(k * k, 6);
      expect(unaccounted(result, 'approval.txt', text)).toEqual([]);
    });
  }

  it('puts the zone on the mining layer with the retention test evaluated', () => {
    const result = extract([...gazetteInputs(), { file: 'approval.txt', bytes: new TextEncoder().encode(approval(asXY)) }]);
    const layer = toMiningLayerGeoJSON(applyLayers(result, readLayers([])));
    expect(checkGeoJSON(layer)).toEqual([]);
    const feature = layer.features.find((f) => f.properties.name?.includes('合成示例'));
    expect(feature).toBeDefined();
    expect(feature!.properties.area_km2).toBeCloseTo(0.12, 4);
    // 0.12 km² passes the area criterion; capacity and service life are not in the text: unknown, never a pass.
    expect(feature!.properties.area_status).toBe('pass');
    expect(feature!.properties.capacity_status).toBe('unknown');
    expect(feature!.properties.outcome).toBe('unknown');
  });

  it('reads the points of a document that is not about mining rights as a parcel, and says so', () => {
    const text = approval(asXY)
      .replace('采矿权延续', '道路工程')
      .replace('同意合成示例石料厂有限公司采矿权延续。矿区范围由以下拐点圈定：', '同意道路工程。')
      .replace('矿区面积', '用地面积')
      .replace('，开采标高由 1250 米至 1100 米', '');
    const result = extract([{ file: 'road.txt', bytes: new TextEncoder().encode(text) }]);
    expect(result.parcels.map((p) => p.kind)).toEqual(['parcel']);
    expect(result.parcels[0]!.points).toHaveLength(4);
    expect(result.parcels[0]!.diagnostics.map((d) => d.code)).toContain('run-kind-inferred');
    expect(result.diagnostics.filter((d) => d.code === 'point-outside-parcel')).toEqual([]);
    expect(unaccounted(result, 'road.txt', text)).toEqual([]);
  });
});
