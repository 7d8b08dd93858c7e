// `jiezhi convert <in...> --to <format> --out <file>`: anything `extract` reads, written in one exchange format.
// The writing is exportParcels in src/core (shared with the page's download menu); this module handles files,
// option checks and exit codes.
import path from 'node:path';
import { unzipSync } from 'fflate';
import { extract } from '../core/extract.js';
import { exportParcels, EXPORT_FORMATS, type ExportFormat } from '../core/formats/exportParcels.js';
import type { ResourceLimits } from '../core/model/limits.js';
import type { ExtractResult } from '../core/model/types.js';
import { gatherInputs, printDiagnostic, printProblems, unreadable } from './extract.js';
import type { ZoneOption } from './zoneOption.js';
import { ensureFolder, OutputError, previousOutputs, realPath, refuseInputs, writeWhole } from './outputs.js';

export interface ConvertOptions {
  to: string;
  out: string;
  crs?: string;
  encoding?: string;
  zone?: ZoneOption;
  limits: ResourceLimits;
}

/** Resolves to the exit code: 0 written, 2 bad options, an unreadable input, or an output that cannot be written. */
export async function runConvert(paths: string[], opts: ConvertOptions): Promise<number> {
  const problem = checkOptions(opts);
  if (problem) {
    process.stderr.write(`jiezhi convert: ${problem}\n`);
    return 2;
  }
  try {
    // --out x.shp asks for the Shapefile itself, as GIS software writes it: x.shp beside x.shx, x.dbf, x.prj and
    // x.cpg, not a zip that merely carries the .shp name.
    const parts = opts.to === 'shp' && /\.shp$/i.test(opts.out);
    const targets = parts ? ['.shp', '.shx', '.dbf', '.prj', '.cpg'].map((ext) => opts.out.replace(/\.shp$/i, ext)) : [opts.out];
    const folder = path.dirname(path.resolve(opts.out));
    await ensureFolder(folder);
    // What a rerun replaces, and what an extract run wrote into the same folder, are not inputs when that folder
    // is walked; named explicitly, they are refused or read as the user asked.
    const outputs = [...(await Promise.all(targets.map(realPath))), ...(await previousOutputs(folder))];
    const gathered = await gatherInputs(paths, opts.limits, { files: new Set(outputs) });
    const core = extract(gathered.inputs, { ...(opts.zone ? { zone: opts.zone } : {}), limits: opts.limits });
    const result: ExtractResult = { ...core, diagnostics: [...gathered.failures, ...core.diagnostics] };
    printProblems(result);
    // A partial conversion looks complete to whoever opens it: nothing is written when an input was not read.
    if (result.diagnostics.some(unreadable)) return 2;
    await refuseInputs(targets, gathered.identities);
    const outcome = exportParcels(result.parcels, opts.to as ExportFormat, {
      crs: opts.crs as 'gk' | 'wgs84' | undefined,
      encoding: opts.encoding as 'utf8' | 'gbk' | undefined,
      name: path.basename(opts.out).replace(/\.[^.]*$/, '') || 'parcels',
    });
    if (!outcome.ok) {
      for (const d of outcome.diagnostics) printDiagnostic(d);
      return 2;
    }
    const file = outcome.file;
    // What the format could not hold as given (a DBF text cut to 254 bytes): written, and said.
    for (const d of file.diagnostics) printDiagnostic(d);
    const written = parts ? await writeShapefileParts(opts.out, file.bytes) : [(await writeWhole(opts.out, file.bytes)).file];
    const drawn = result.parcels.filter((p) => p.lonLatRing).length;
    process.stderr.write(`jiezhi: ${drawn} parcels written to ${written.join(', ')} (${opts.to})\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    printDiagnostic(err.diagnostic);
    return 2;
  }
}

async function writeShapefileParts(out: string, zip: Uint8Array): Promise<string[]> {
  const base = out.replace(/\.shp$/i, '');
  const written: string[] = [];
  for (const [name, bytes] of Object.entries(unzipSync(zip))) written.push((await writeWhole(`${base}${path.extname(name)}`, bytes)).file);
  return written;
}

function checkOptions(opts: ConvertOptions): string | null {
  if (opts.out === '') return '--out is an empty name';
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
