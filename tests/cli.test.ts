// The `jiezhi` command as a user runs it: node bin/jiezhi.js (compiled dist/, rebuilt here when stale).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOC10, jiezhi, scratchFolder } from './helpers.js';

const scratch = scratchFolder('jiezhi-cli-');
const write = scratch.write;

describe('jiezhi extract on the bundled gazettes', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof jiezhi>>;
  beforeAll(async () => {
    out = scratch.at('gazettes-out');
    run = await jiezhi(['extract', 'data/gazettes', '--out', out]);
  });

  it('exits 0 and writes parcels.geojson, records.json, report.json and report.md', () => {
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['parcels.geojson', 'records.json', 'report.json', 'report.md']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const geojson = JSON.parse(readFileSync(path.join(out, 'parcels.geojson'), 'utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(11);
    const records = JSON.parse(readFileSync(path.join(out, 'records.json'), 'utf8'));
    expect(records.records).toHaveLength(21);
    expect(records.pointLines).toEqual({ total: 293, inParcels: 293, inDiagnostics: 0 });
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.summary.byStatus).toEqual({ match: 11, 'no-points': 10 });
    expect(report.summary.errors).toBe(0);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/^\| 吕政发〔2022〕9号 \|  \| 吕梁物资产业集团有限公司 \| 7416\.9 平方米 \| 7416\.9329 \| \+0\.0329 \| [\d.]+ \| 相符 match \| data\/gazettes\/002\\_974677008c505204\.txt:\d+-\d+ \|$/m);
    expect(run.stderr).toMatch(/21 records, 11 parcels with geometry written to /);
  });

  it('prints the stated-vs-computed table (rows checked against the hand-computed areas of docs/gazettes.md §2)', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(22); // header + 21 records
    expect(lines[0]).toMatch(/^文号\s+宗\s+文载面积\s+计算面积 m²\s+Δ m²\s+允许 m²\s+状态$/);
    expect(run.stdout).toMatch(/^吕政发〔2022〕9号\s+7416\.9 平方米\s+7416\.9329\s+\+0\.0329\s+\d+\.\d{4}\s+match$/m);
    expect(run.stdout).toMatch(/^吕政发〔2022〕10号\s+2875\.21 平方米\s+2875\.17(39|40)\s+-0\.036[01]\s+\d+\.\d{4}\s+match$/m);
    expect(run.stdout).toMatch(/^吕政发〔2022〕15号\s+2\s+10273\.75 平方米\s+10273\.750[45]\s+\+0\.000[45]\s+\d+\.\d{4}\s+match$/m);
    expect(run.stdout).toMatch(/^离政发〔2025〕12号\s+292\.0682 亩\s+no-points$/m);
    expect(run.stdout).toMatch(/^吕政函〔2023〕37号\s+380\.6386 公顷\s+no-points$/m);
  });
});

describe('exit codes', () => {
  it('verify prints the table and exits 0', async () => {
    const r = await jiezhi(['verify', 'data/gazettes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^吕政发〔2023〕15号\s+51599\.96 平方米\s+51599\.93(16|17)\s+-0\.028[34]\s+\d+\.\d{4}\s+match$/m);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(22);
  });

  it('--strict exits 1 on a mismatching parcel, and 0 without it', async () => {
    expect(DOC10).toContain('2875.21 平方米');
    const file = write('mismatch.txt', DOC10.replace('2875.21 平方米', '2885.21 平方米'));
    const strict = await jiezhi(['extract', file, '--out', scratch.at('mismatch-out'), '--strict']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toMatch(/^吕政发〔2022〕10号\s+2885\.21 平方米\s+2875\.17\d\d\s+-10\.036\d\s+\d+\.\d{4}\s+mismatch$/m);
    expect(strict.stderr).toMatch(/mismatch\.txt:\d+: error area-mismatch/);
    const lenient = await jiezhi(['verify', file]);
    expect(lenient.code).toBe(0);
    // The unchanged document passes --strict.
    const ok = await jiezhi(['verify', write('doc10.txt', DOC10), '--strict']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^吕政发〔2022〕10号\s+2875\.21 平方米\s+2875\.17\d\d\s+-0\.036\d\s+\d+\.\d{4}\s+match$/m);
  });

  it('exits 2 for a missing path and names it', async () => {
    const missing = scratch.at('no-such-folder');
    const r = await jiezhi(['extract', missing, '--out', scratch.at('missing-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toMatch(/ENOENT|cannot be read/);
  });

  it('exits 2 for a binary file and names it', async () => {
    const bytes = new Uint8Array(512).map((_, i) => (i * 37) % 256); // contains NULs
    const file = write('scan.txt', bytes);
    const r = await jiezhi(['verify', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scan.txt');
    expect(r.stderr).toMatch(/input-binary/);
    // Also when it comes with a good file: the good file is still read.
    const both = await jiezhi(['verify', file, write('doc10b.txt', DOC10)]);
    expect(both.code).toBe(2);
    expect(both.stdout).toMatch(/^吕政发〔2022〕10号.*match$/m);
  });
});

describe('--zone and unprefixed coordinates', () => {
  // The 10号 points with the zone prefix 37 taken off every Y (EPSG:4546 instead of EPSG:4525).
  const unprefixed = () => {
    const text = DOC10.replace(/Y(\d+)＝37(\d{6}\.\d+)/g, 'Y$1＝$2');
    expect(text).not.toMatch(/Y\d+＝37/);
    expect(text.match(/Y\d+＝\d{6}\.\d{3}/g)).toHaveLength(8);
    return write('unprefixed.txt', text);
  };

  it('checks the area without --zone but does not draw the parcel, saying --zone places it', async () => {
    const r = await jiezhi(['extract', unprefixed(), '--out', scratch.at('unprefixed-out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/unprefixed\.txt:\d+: warning zone-unknown-not-drawn/);
    expect(r.stdout).toMatch(/^吕政发〔2022〕10号\s+2875\.21 平方米\s+2875\.17\d\d\s+-0\.036\d\s+\d+\.\d{4}\s+match$/m);
    const geojson = JSON.parse(readFileSync(scratch.at('unprefixed-out/parcels.geojson'), 'utf8'));
    expect(geojson.features).toHaveLength(0);
    const records = JSON.parse(readFileSync(scratch.at('unprefixed-out/records.json'), 'utf8'));
    expect(JSON.stringify(records)).toContain('吕政发〔2022〕10号');
    const strict = await jiezhi(['verify', unprefixed(), '--strict']);
    expect(strict.code).toBe(0);
  });

  it('matches with --zone 37, in the same place as the prefixed original', async () => {
    const out = scratch.at('zone37-out');
    const r = await jiezhi(['extract', unprefixed(), '--zone', '37', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/zone-unknown/);
    expect(r.stdout).toMatch(/^吕政发〔2022〕10号\s+2875\.21 平方米\s+2875\.17\d\d\s+-0\.036\d\s+\d+\.\d{4}\s+match$/m);
    const f = JSON.parse(readFileSync(path.join(out, 'parcels.geojson'), 'utf8')).features[0];
    expect(f.properties.epsg).toBe(4546);
    expect(f.properties.status).toBe('match');
    const ref = scratch.at('prefixed-out');
    expect((await jiezhi(['extract', write('prefixed.txt', DOC10), '--out', ref])).code).toBe(0);
    const g = JSON.parse(readFileSync(path.join(ref, 'parcels.geojson'), 'utf8')).features[0];
    expect(g.properties.epsg).toBe(4525);
    f.geometry.coordinates[0].forEach(([lon, lat]: number[], i: number) => {
      expect(Math.abs(lon! - g.geometry.coordinates[0][i][0])).toBeLessThan(1e-9);
      expect(Math.abs(lat! - g.geometry.coordinates[0][i][1])).toBeLessThan(1e-9);
    });
  });

  it('rejects --zone 99 with an error and writes nothing', async () => {
    const out = scratch.at('zone99-out');
    const r = await jiezhi(['extract', unprefixed(), '--zone', '99', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/--zone/);
    expect(r.stderr).toMatch(/25–45.*13–23/);
    expect(existsSync(out)).toBe(false);
    const six = await jiezhi(['verify', unprefixed(), '--zone', '19']);
    expect(six.code).toBe(0); // 6° zone 19 has the same central meridian, 111°E
    expect(six.stdout).toMatch(/^吕政发〔2022〕10号.*match$/m);
  });
});
