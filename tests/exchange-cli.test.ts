// `jiezhi convert` and `jiezhi extract` on coordinate files, through the built CLI (npm run build:cli).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jiezhi-convert-'));

function jiezhi(...args: string[]) {
  return spawnSync('node', ['bin/jiezhi.js', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

describe('jiezhi convert', () => {
  it.each(['geojson', 'shp', 'kml', 'kmz', 'txt', 'csv'])('--to %s writes a file GDAL or the reader opens', (format) => {
    const out = path.join(dir, `gazettes.${format === 'shp' ? 'zip' : format}`);
    const r = jiezhi('convert', 'data/gazettes', '--to', format, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`11 parcels written to ${out}`);
    if (format !== 'txt') {
      const info = spawnSync('ogrinfo', ['-ro', '-so', '-al', format === 'shp' ? `/vsizip/${out}` : out], { encoding: 'utf8' });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout).toMatch(format === 'csv' ? /Feature Count: 282/ : /Feature Count: 11/);
    }
  });

  it('--out x.shp writes the Shapefile parts beside each other, as GIS software does', () => {
    const out = path.join(dir, 'parts', '地块.shp');
    const r = jiezhi('convert', 'data/gazettes', '--to', 'shp', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) expect(existsSync(out.replace(/\.shp$/, ext)), ext).toBe(true);
    const info = spawnSync('ogrinfo', ['-ro', '-so', '-al', out], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Feature Count: 11/);
    expect(info.stdout).toMatch(/EPSG",4525/);
  });

  it('--crs wgs84 and --encoding gbk; options that do not apply are refused with exit 2', () => {
    expect(jiezhi('convert', 'data/gazettes', '--to', 'shp', '--crs', 'wgs84', '--out', path.join(dir, 'w.zip')).status).toBe(0);
    const gbk = path.join(dir, 'g.txt');
    expect(jiezhi('convert', 'data/gazettes', '--to', 'txt', '--encoding', 'gbk', '--out', gbk).status).toBe(0);
    expect(new TextDecoder('gbk').decode(readFileSync(gbk))).toContain('[属性描述]');
    const bad = jiezhi('convert', 'data/gazettes', '--to', 'kml', '--crs', 'gk', '--out', path.join(dir, 'x.kml'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--crs applies to --to shp only/);
    expect(jiezhi('convert', 'data/gazettes', '--to', 'dwg', '--out', path.join(dir, 'x.dwg')).status).toBe(2);
  });

  it('the converted file converts back: shp → txt', () => {
    const zip = path.join(dir, 'back.zip');
    expect(jiezhi('convert', 'data/gazettes', '--to', 'shp', '--out', zip).status).toBe(0);
    const txt = path.join(dir, 'back.txt');
    const r = jiezhi('convert', zip, '--to', 'txt', '--out', txt);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(txt, 'utf8').match(/@\r\n/g)).toHaveLength(11);
  });
});

describe('jiezhi extract on coordinate files', () => {
  it('reads the fixture folder (国土 and mining TXT) and writes mining.geojson beside parcels.geojson', () => {
    const out = path.join(dir, 'fixtures-out');
    const r = jiezhi('extract', 'tests/fixtures/exchange', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const mining = JSON.parse(readFileSync(path.join(out, 'mining.geojson'), 'utf8'));
    expect(mining.features.map((f: { properties: { layer: string } }) => f.properties.layer)).toEqual(['mining', 'mining', 'mining']);
    const parcels = JSON.parse(readFileSync(path.join(out, 'parcels.geojson'), 'utf8'));
    expect(parcels.features).toHaveLength(8);
    expect(existsSync(path.join(out, 'records.json'))).toBe(true);
  });
});
