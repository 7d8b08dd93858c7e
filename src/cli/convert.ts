// `jiezhi convert <in...> --to <format> --out <file>`: anything `extract` reads, written in one exchange format.
// The writing is exportParcels in src/core (shared with the page's download menu); this module handles files,
// option checks and exit codes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { extract } from '../core/extract.js';
import { exportParcels, EXPORT_FORMATS, type ExportFormat } from '../core/formats/exportParcels.js';
import { gatherInputs, printProblems } from './extract.js';
import type { ZoneOption } from './zoneOption.js';

export interface ConvertOptions {
  to: string;
  out: string;
  crs?: string;
  encoding?: string;
  zone?: ZoneOption;
}

/** Resolves to the exit code: 0 written, 1 nothing to write or the format cannot hold the parcels, 2 bad options or inputs. */
export async function runConvert(paths: string[], opts: ConvertOptions): Promise<number> {
  const problem = checkOptions(opts);
  if (problem) {
    process.stderr.write(`jiezhi convert: ${problem}\n`);
    return 2;
  }
  const gathered = await gatherInputs(paths);
  const result = extract(gathered.inputs, opts.zone ? { zone: opts.zone } : {});
  printProblems(result, gathered.failures);
  if (gathered.failures.length > 0) return 2;
  let file;
  try {
    file = exportParcels(result.parcels, opts.to as ExportFormat, {
      crs: opts.crs as 'gk' | 'wgs84' | undefined,
      encoding: opts.encoding as 'utf8' | 'gbk' | undefined,
      name: path.basename(opts.out).replace(/\.[^.]*$/, '') || 'parcels',
    });
  } catch (err) {
    process.stderr.write(`jiezhi convert: ${(err as Error).message}\n`);
    return 1;
  }
  await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  const written = opts.to === 'shp' && /\.shp$/i.test(opts.out) ? await writeShapefileParts(opts.out, file.bytes) : [opts.out];
  if (written.length === 1) await writeFile(opts.out, file.bytes);
  const drawn = result.parcels.filter((p) => p.lonLatRing).length;
  process.stderr.write(`jiezhi: ${drawn} parcels written to ${written.join(', ')} (${opts.to})\n`);
  return 0;
}

// --out x.shp asks for the Shapefile itself, as GIS software writes it: x.shp beside x.shx, x.dbf, x.prj and
// x.cpg, not a zip that merely carries the .shp name.
async function writeShapefileParts(out: string, zip: Uint8Array): Promise<string[]> {
  const base = out.replace(/\.shp$/i, '');
  const written: string[] = [];
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    const target = `${base}${path.extname(name)}`;
    await writeFile(target, bytes);
    written.push(target);
  }
  return written;
}

function checkOptions(opts: ConvertOptions): string | null {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.to)) return `--to must be one of ${EXPORT_FORMATS.join(', ')}`;
  if (opts.crs !== undefined) {
    if (opts.crs !== 'gk' && opts.crs !== 'wgs84') return '--crs must be gk or wgs84';
    if (opts.to !== 'shp') return '--crs applies to --to shp only (GeoJSON, KML and KMZ are WGS84 by definition; 国土 TXT and CSV carry the zone X/Y)';
  }
  if (opts.encoding !== undefined) {
    if (opts.encoding !== 'utf8' && opts.encoding !== 'gbk') return '--encoding must be utf8 or gbk';
    if (opts.to !== 'txt') return '--encoding applies to --to txt only (the other formats are UTF-8 by their specifications)';
  }
  return null;
}
