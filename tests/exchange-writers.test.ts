// The exports against GDAL (Debian gdal-bin, the engine inside QGIS) as the independent reader: every export of the
// 11 gazette parcels opens with the right feature count, SRS and Chinese attributes byte for byte, and GDAL's own
// area of each Shapefile polygon in EPSG:4525 matches the stated area within the tolerance. A missing ogrinfo
// fails these tests on purpose (scripts/ensure-system-deps.sh installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../src/core/text/encodeText.js';
import { toEsriWkt } from '../src/core/formats/shapefile/esriWkt.js';
import { exportParcels, type ExportFormat, type ExportOptions } from '../src/core/formats/exportParcels.js';
import { extract } from '../src/core/extract.js';
import { PARCEL_ATTRIBUTES } from '../src/core/formats/parcelAttributes.js';
import { toCsvText } from '../src/core/formats/csv/toCsv.js';
import { toGuotuTxtText } from '../src/core/formats/guotu-txt/toGuotuTxt.js';
import { escapeXml, toKml } from '../src/core/formats/kml/toKml.js';
import { toShapefile } from '../src/core/formats/shapefile/toShapefile.js';
import type { Parcel } from '../src/core/model/types.js';
import { gazetteInputs } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jiezhi-exchange-'));
let parcels: Parcel[];
let drawn: Parcel[];

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed (install gdal-bin: scripts/ensure-system-deps.sh): ${e.stderr ?? e.message}`);
  }
}

function write(format: ExportFormat, options: ExportOptions = {}): string {
  const file = exportParcels(parcels, format, { name: 'parcels', date: '2024-01-02', ...options });
  const out = path.join(dir, `${options.crs ?? 'x'}-${options.encoding ?? 'u'}-${file.fileName}`);
  writeFileSync(out, file.bytes);
  return out;
}

/** GDAL's reading of a dataset as GeoJSON features (ogr2ogr, no reprojection). */
function gdalFeatures(source: string, extra: string[] = []): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] {
  return JSON.parse(run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', source, ...extra])).features;
}

function summary(source: string): string {
  return run('ogrinfo', ['-ro', '-so', '-al', source]);
}

function srsCode(info: string): string | null {
  // The layer SRS ends with its identified authority code: the last ID[...] of the WKT2 printout.
  const ids = [...info.matchAll(/^ {4}ID\["EPSG",(\d+)\]\]$/gm)];
  return ids.length ? `EPSG:${ids[ids.length - 1]![1]}` : null;
}

const CHINESE_COLUMNS = ['ID', 'DOC', 'TITLE', 'HOLDER', 'LOCATION', 'FOUR_SIDES', 'REPORT_NO', 'STATED_TXT', 'STATUS_ZH', 'SOURCE'] as const;

function expectedAttributes(p: Parcel): Record<string, string | null> {
  const statusZh: Record<string, string> = { match: '相符', mismatch: '不符', unstated: '未载面积' };
  return {
    ID: p.id,
    DOC: p.doc,
    TITLE: p.title,
    HOLDER: p.holder,
    LOCATION: p.location,
    FOUR_SIDES: p.fourSides,
    REPORT_NO: p.reportNumbers.length ? p.reportNumbers.join('、') : null,
    STATED_TXT: p.statedArea?.text ?? null,
    STATUS_ZH: statusZh[p.verification.status]!,
    SOURCE: `${p.span.file}:${p.span.line}-${p.span.endLine}`,
  };
}

beforeAll(() => {
  parcels = extract(gazetteInputs()).parcels;
  drawn = parcels.filter((p) => p.lonLatRing);
});

describe('Shapefile export read by GDAL', () => {
  it('GK export: 11 polygons in EPSG:4525 with x = easting, y = northing as printed', () => {
    expect(drawn).toHaveLength(11);
    const zip = write('shp');
    const info = summary(`/vsizip/${zip}`);
    expect(info).toMatch(/Geometry: Polygon/);
    expect(info).toMatch(/Feature Count: 11/);
    expect(srsCode(info)).toBe('EPSG:4525');
    expect(run('gdalsrsinfo', ['-e', `/vsizip/${zip}/parcels.shp`])).toMatch(/^EPSG:4525$/m);
    const features = gdalFeatures(`/vsizip/${zip}`);
    features.forEach((f, i) => {
      const ring = (f.geometry!.coordinates as number[][][])[0]!;
      const first = drawn[i]!.points[0]!;
      expect(ring[0]).toEqual([first.y, first.x]);
    });
  });

  it('Chinese attributes come back from the DBF byte for byte, with a .cpg of UTF-8', () => {
    const zip = write('shp');
    const entries = unzipSync(new Uint8Array(readFileSync(zip)));
    expect(Object.keys(entries).sort()).toEqual(['parcels.cpg', 'parcels.dbf', 'parcels.prj', 'parcels.shp', 'parcels.shx']);
    expect(new TextDecoder().decode(entries['parcels.cpg'])).toBe('UTF-8');
    const features = gdalFeatures(`/vsizip/${zip}`);
    expect(features).toHaveLength(11);
    features.forEach((f, i) => {
      const expected = expectedAttributes(drawn[i]!);
      for (const column of CHINESE_COLUMNS) expect(f.properties[column], column).toBe(expected[column]);
      expect(f.properties.DOC_DATE).toBe(drawn[i]!.date);
      expect(f.properties.EPSG).toBe(4525);
    });
  });

  it("GDAL's planar area of every polygon in EPSG:4525 matches the stated area within the tolerance", () => {
    const zip = write('shp');
    const rows = gdalFeatures(`/vsizip/${zip}`, ['-dialect', 'sqlite', '-sql', 'SELECT ID, STATED_M2, TOL_M2, ST_Area(geometry) AS gdal_area FROM parcels']);
    expect(rows).toHaveLength(11);
    for (const r of rows) {
      const p = drawn.find((q) => q.id === r.properties.ID)!;
      const gdalArea = r.properties.gdal_area as number;
      expect(Math.abs(gdalArea - p.statedArea!.m2), String(p.id)).toBeLessThanOrEqual(p.verification.toleranceM2!);
      expect(Math.abs(gdalArea - p.verification.computedM2!)).toBeLessThan(1e-3);
    }
  });

  it('WGS84 export: EPSG:4326, clockwise lon/lat rings GDAL reads as valid polygons', () => {
    const zip = write('shp', { crs: 'wgs84' });
    const info = summary(`/vsizip/${zip}`);
    expect(info).toMatch(/Feature Count: 11/);
    expect(srsCode(info)).toBe('EPSG:4326');
    const rows = gdalFeatures(`/vsizip/${zip}`, ['-dialect', 'sqlite', '-sql', 'SELECT ID, ST_IsValid(geometry) AS valid, HOLDER FROM parcels']);
    rows.forEach((r, i) => {
      expect(r.properties.valid).toBe(1);
      expect(r.properties.HOLDER).toBe(drawn[i]!.holder);
    });
  });

  it('refuses a GK export that would mix zones, naming them', () => {
    const moved = { ...drawn[0]!, zone: { ...drawn[0]!.zone!, epsg: 4526, zone: 38 } };
    expect(() => toShapefile([drawn[1]!, moved])).toThrow(/EPSG:4525, EPSG:4526/);
  });

  it('.prj is the ESRI WKT projinfo prints, for every supported code', () => {
    const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
    // CGCS2000, then Xian 1980 and Beijing 1954 (geographic and every Gauss–Krüger code).
    const codes = [4326, 4490, ...range(4491, 4554), 4610, ...range(2327, 2390), 4214, ...range(2401, 2442), ...range(21413, 21423), ...range(21453, 21463)];
    for (const epsg of codes) {
      expect(toEsriWkt(epsg), `EPSG:${epsg}`).toBe(run('projinfo', [`EPSG:${epsg}`, '-o', 'WKT1_ESRI', '-q']).trim());
    }
  });
});

describe('KML, KMZ, GeoJSON and CSV read by GDAL', () => {
  it.each(['kml', 'kmz', 'geojson'] as const)('%s: 11 features in EPSG:4326 with the Chinese attributes', (format) => {
    const file = write(format);
    const info = summary(file);
    expect(info).toMatch(/Feature Count: 11/);
    expect(srsCode(info)).toBe('EPSG:4326');
    const features = gdalFeatures(file);
    features.forEach((f, i) => {
      const p = drawn[i]!;
      if (format === 'geojson') {
        expect(f.properties.holder).toBe(p.holder);
        expect(f.properties.title).toBe(p.title);
        expect(f.properties.four_sides).toBe(p.fourSides);
      } else {
        const expected = expectedAttributes(p);
        for (const column of CHINESE_COLUMNS) expect(f.properties[column] ?? null, column).toBe(expected[column]);
        expect(f.properties.Name).toBe(p.parcelIndex ? `${p.doc} 第${p.parcelIndex}宗` : p.doc);
      }
      const ring = (f.geometry!.coordinates as number[][][])[0]!;
      expect(ring[0]![0]).toBeCloseTo(p.lonLatRing![0]![0], 9);
      expect(ring[0]![1]).toBeCloseTo(p.lonLatRing![0]![1], 9);
    });
  });

  it('KML has the XML declaration, one Style per status, and escapes document text', () => {
    const kml = toKml(drawn);
    expect(kml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    for (const s of ['match', 'mismatch', 'unstated']) expect(kml).toContain(`<Style id="status-${s}">`);
    expect(escapeXml('a<b>&"c\'\u0001')).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
    const hostile = { ...drawn[0]!, holder: '</value></Data><script>x</script>&', title: ']]><x/>' };
    const file = path.join(dir, 'hostile.kml');
    writeFileSync(file, toKml([hostile]));
    const [f] = gdalFeatures(file);
    expect(f!.properties.HOLDER).toBe(hostile.holder);
    expect(f!.properties.TITLE).toBe(hostile.title);
  });

  it('CSV: UTF-8 with BOM, 地块/点号/X/Y/经度/纬度, one row per printed point, read by GDAL', () => {
    const text = toCsvText(drawn);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe('地块,点号,X,Y,经度,纬度');
    const file = write('csv');
    const rows = gdalFeatures(file);
    expect(rows).toHaveLength(drawn.reduce((n, p) => n + p.points.length, 0));
    expect(rows[0]!.properties).toMatchObject({ 地块: drawn[0]!.id, 点号: `J${drawn[0]!.points[0]!.label}`, X: drawn[0]!.points[0]!.x.toFixed(3) });
    expect(Number(rows[0]!.properties['经度'])).toBeCloseTo(drawn[0]!.pointLonLat![0]![0], 9);
  });
});

describe('国土 电子报盘 TXT', () => {
  it('header names zone 37 of 3°; blocks carry 公顷 to 4 decimals and closed J-numbered rings in surveying order', () => {
    const text = toGuotuTxtText(drawn, { date: '2024-01-02' });
    const lines = text.split('\r\n');
    expect(lines.slice(0, 12)).toEqual([
      '[属性描述]', '格式版本号=1.01', '数据产生单位=界址 Jiezhi', '数据产生日期=2024-01-02', '坐标系=2000国家大地坐标系', '几度分带=3',
      '投影类型=高斯克吕格', '计量单位=米', '带号=37', '精度=0.001', '转换参数=,,,,,,', '[地块坐标]',
    ]);
    const p = drawn[0]!;
    expect(lines[12]).toBe(`${p.points.length + 1},${(p.verification.computedM2! / 1e4).toFixed(4)},${p.id},${p.holder},面,,,,@`);
    expect(lines[13]).toBe(`J1,1,${p.points[0]!.x.toFixed(3)},${p.points[0]!.y.toFixed(3)}`);
    expect(lines[13 + p.points.length]).toBe(lines[13]);
  });

  it('GBK on request: bytes that TextDecoder("gbk") reads back to the same text', () => {
    const utf8 = toGuotuTxtText(drawn, { date: '2024-01-02' });
    const gbk = exportParcels(drawn, 'txt', { encoding: 'gbk', date: '2024-01-02' }).bytes;
    expect(new TextDecoder('gbk').decode(gbk)).toBe(utf8);
    expect([...gbk.slice(1, 5)]).toEqual([0xca, 0xf4, 0xd0, 0xd4]); // 属性
    expect(run('iconv', ['-f', 'GBK', '-t', 'UTF-8', write('txt', { encoding: 'gbk' })])).toContain('吕梁能源科创有限公司');
  });

  it('the GBK encoder agrees with the decoder on every Han character and CJK punctuation of the gazettes, and refuses what GBK lacks', () => {
    const text = gazetteInputs().map((g) => new TextDecoder().decode(g.bytes)).join('');
    const chars = [...new Set(text)].filter((c) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c)).join('');
    expect(chars.length).toBeGreaterThan(1000);
    expect(new TextDecoder('gbk').decode(encodeGbk(chars))).toBe(chars);
    expect([...encodeGbk('啊〔〕')]).toEqual([0xb0, 0xa1, 0xa1, 0xb2, 0xa1, 0xb3]);
    expect(() => encodeGbk('地块😀')).toThrow(/U\+1F600/);
  });
});

describe('DBF alias table', () => {
  it('ASCII field names of at most 10 bytes, unique, each with a Chinese alias', () => {
    const names = PARCEL_ATTRIBUTES.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const a of PARCEL_ATTRIBUTES) {
      expect(a.name).toMatch(/^[A-Z][A-Z0-9_]{0,9}$/);
      expect(a.alias).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
