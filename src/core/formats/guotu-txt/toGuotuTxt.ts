// 国土 "电子报盘" coordinate TXT, the file construction-land approval systems import: an [属性描述] header naming
// the zone, then per parcel a block line (界址点数, 地块面积 in 公顷, 编号, 名称, 图形属性, 图幅号, 用途, 地类编码, @)
// and its points "J1,圈号,X,Y": X northing, Y easting with the zone prefix, surveying order, each ring closed by
// repeating its first point. CRLF line ends because the systems reading it are Windows programs.
import { encodeText, type TextEncoding } from '../../text/encodeText.js';
import { hasGeometry, parcelRings, polygonGroups } from '../../geometry/parcelGeometry.js';
import { sharedZoneEpsg } from '../shapefile/toShapefile.js';
import { DATUMS, zoneDatum, zoneFromEpsg } from '../../geodesy/crs.js';
import type { Parcel } from '../../model/types.js';

export interface GuotuTxtOptions {
  /** utf8 (default) or gbk, which many bureau systems still require. */
  encoding?: TextEncoding;
  /** 数据产生日期, YYYY-MM-DD; default today. */
  date?: string;
}

const M2_PER_HECTARE = 10_000;

/** The text of the file. Throws when the parcels lie in more than one zone: the header names one 带号. */
export function toGuotuTxtText(parcels: readonly Parcel[], options: Pick<GuotuTxtOptions, 'date'> = {}): string {
  const drawn = parcels.filter(hasGeometry);
  const zone = zoneFromEpsg(sharedZoneEpsg(drawn))!;
  // Unprefixed eastings (a zone the user named) get the prefix: the format always carries it.
  const prefix = zone.prefixed ? 0 : zone.zone * 1e6;
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const lines = [
    '[属性描述]',
    '格式版本号=1.01',
    '数据产生单位=界址 Jiezhi',
    `数据产生日期=${date}`,
    // The plane the coordinates are on, as read: Xian 1980 coordinates are written back as Xian 1980.
    `坐标系=${DATUMS[zoneDatum(zone)!].name.zh}`,
    `几度分带=${zone.width}`,
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone.zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  for (const p of drawn) {
    const rings = parcelRings(p);
    const order = polygonGroups(p).flat();
    const pointLines: string[] = [];
    let label = 0;
    for (const index of order) {
      const ring = rings[index]!;
      const first = label + 1;
      for (const q of ring) pointLines.push(pointLine(++label, index + 1, q.x, q.y + prefix, q.xDecimals, q.yDecimals));
      pointLines.push(pointLine(first, index + 1, ring[0]!.x, ring[0]!.y + prefix, ring[0]!.xDecimals, ring[0]!.yDecimals));
    }
    const a = p.attributes ?? {};
    const hectares = ((p.verification.computedM2 ?? 0) / M2_PER_HECTARE).toFixed(4);
    const header = [
      String(pointLines.length),
      hectares,
      a['地块编号'] ?? p.id,
      a['地块名称'] ?? p.holder ?? p.title,
      '面',
      a['图幅号'] ?? '',
      a['地块用途'] ?? '',
      a['地类编码'] ?? '',
      '@',
    ].map((f, i) => (i === 8 ? f : field(f)));
    lines.push(header.join(','), ...pointLines);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toGuotuTxt(parcels: readonly Parcel[], options: GuotuTxtOptions = {}): Uint8Array {
  return encodeText(toGuotuTxtText(parcels, options), options.encoding ?? 'utf8');
}

function pointLine(label: number, ring: number, x: number, y: number, xDecimals: number, yDecimals: number): string {
  return `J${label},${ring},${x.toFixed(Math.max(xDecimals, 3))},${y.toFixed(Math.max(yDecimals, 3))}`;
}

// Commas separate fields and the format has no quoting. Readers NFKC-normalise lines (so 【】 and full-width
// digits read), which would turn a full-width comma back into a separator: an enumeration comma stands in.
function field(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[,，]/g, '、');
}
