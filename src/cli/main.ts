// The `jiezhi` command: file and terminal IO around src/core.
import { Command, CommanderError } from 'commander';
import { DEFAULT_LIMITS, type ResourceLimits } from '../core/model/limits.js';
import { LIMIT_SETTINGS, limitsFrom, MAX_INPUT_FLAG } from './limits.js';
import { parseZone, type ZoneOption } from './zoneOption.js';
import { JOBS } from './batch/jobsOption.js';
// Each command loads its modules when it runs: `transform` in a pipeline should not pay for parsing the
// extraction pipeline, PDF and Word readers at every start.
import type { ConvertOptions } from './convert.js';

const MAX_INPUT = [`${MAX_INPUT_FLAG} <n>`, `largest input read, in MB (default ${DEFAULT_LIMITS.inputBytes / 1e6}; or ${LIMIT_SETTINGS.inputBytes.env})`] as const;

class LimitError extends Error {}

/** The limits of this run: the defaults, raised by environment variables and --max-input-mb. */
function limits(maxInputMb: string | undefined): ResourceLimits {
  const resolved = limitsFrom(process.env, maxInputMb);
  if ('error' in resolved) throw new LimitError(resolved.error);
  return resolved;
}

/** Resolves to the exit code; usage errors (unknown options, a bad --zone) are 2, like unreadable inputs. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('jiezhi')
    .description('界址 Jiezhi: gazette land decisions → verified parcels (GeoJSON, records, reports)')
    .showHelpAfterError()
    .exitOverride();
  let code = 0;

  program
    .command('extract')
    .description('extract land records from gazette texts, verify stated areas, write parcels.geojson, planning.geojson, mining.geojson, records.json, report.json, report.md')
    .argument('<paths...>', 'gazettes, 国土 or mining-right TXT, GeoJSON, zipped Shapefiles, or folders (every *.txt, *.geojson, *.zip inside, recursively)')
    .requiredOption('--out <dir>', 'output folder (locked for the run; report.json, written last, lists every file); - writes NDJSON records to stdout and nothing else')
    .option('--zone <n>', 'zone for Y coordinates printed without a zone prefix: 25–45 (3°) or 13–23 (6°)', parseZone)
    .option('--strict', 'exit 1 when any parcel is mismatch or invalid')
    .option('--layers <dir>', 'planning-block and mining-zone layers (GeoJSON, zipped Shapefile, 国土 TXT, mining-right TXT) to join; a missing folder is no layers')
    .option('--ndjson', 'also write records.ndjson, one record per line (with --out -, to stdout)')
    .option(...JOBS)
    .option(...MAX_INPUT)
    .option('--db <url>', 'also load the extraction into PostGIS (postgresql://…), as `jiezhi load` does')
    .action(async (paths: string[], opts: { out: string; zone?: ZoneOption; strict?: boolean; layers?: string; ndjson?: boolean; jobs?: number; maxInputMb?: string; db?: string }) => {
      if (opts.out === '-' && !opts.ndjson) throw new LimitError('--out - writes NDJSON to stdout: give --ndjson with it');
      const { defaultJobs } = await import('./batch/runFiles.js');
      code = await (await import('./extract.js')).runExtract(paths, { ...opts, jobs: opts.jobs ?? defaultJobs(), limits: limits(opts.maxInputMb) });
    });

  program
    .command('load')
    .description('load an extraction (the records.json in an extract --out folder) into PostGIS, one transaction per input file')
    .argument('<out-dir>', 'a folder written by jiezhi extract')
    .requiredOption('--db <url>', 'PostgreSQL connection, e.g. postgresql://user@host/db (the schema is created or migrated first)')
    .action(async (dir: string, opts: { db: string }) => {
      code = await (await import('./db/load.js')).runLoad(dir, opts);
    });

  program
    .command('verify')
    .description('print the stated vs computed area table')
    .argument('<paths...>', 'gazette text files or folders; - reads stdin')
    .option('--zone <n>', 'zone for Y coordinates printed without a zone prefix', parseZone)
    .option('--strict', 'exit 1 when any parcel is mismatch or invalid')
    .option(...JOBS)
    .option(...MAX_INPUT)
    .action(async (paths: string[], opts: { zone?: ZoneOption; strict?: boolean; jobs?: number; maxInputMb?: string }) => {
      const { defaultJobs } = await import('./batch/runFiles.js');
      code = await (await import('./extract.js')).runVerify(paths, { ...opts, jobs: opts.jobs ?? defaultJobs(), limits: limits(opts.maxInputMb) });
    });

  program
    .command('convert')
    .description('write the parcels of any input extract reads as geojson, shp (zipped Shapefile), kml, kmz, txt (国土 电子报盘) or csv (boundary points)')
    .argument('<paths...>', 'gazettes, 国土 or mining-right TXT, GeoJSON or zipped Shapefiles, or folders of them')
    .requiredOption('--to <format>', 'geojson | shp | kml | kmz | txt | csv')
    .requiredOption('--out <file>', 'output file')
    .option('--crs <crs>', 'shp only: gk (the parcels\' own CGCS2000 Gauss–Krüger zone, default) or wgs84')
    .option('--encoding <encoding>', 'txt only: utf8 (default) or gbk')
    .option('--zone <n>', 'zone for Y coordinates without a zone prefix, or for a projected Shapefile without .prj', parseZone)
    .option(...MAX_INPUT)
    .action(async (paths: string[], opts: Omit<ConvertOptions, 'limits'> & { maxInputMb?: string }) => {
      code = await (await import('./convert.js')).runConvert(paths, { ...opts, limits: limits(opts.maxInputMb) });
    });

  program
    .command('transform')
    .description('convert coordinate pairs read from stdin: "X Y" (northing first) for projected CRSs, "lon lat" for geographic')
    .requiredOption('--from <crs>', 'source CRS, e.g. EPSG:4525')
    .requiredOption('--to <crs>', 'target CRS, e.g. EPSG:4490')
    .option('--strict', 'exit 1 when any line cannot be converted')
    .action(async (opts: { from: string; to: string; strict?: boolean }) => {
      code = await (await import('./transform.js')).runTransform(opts);
    });

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof LimitError) {
      process.stderr.write(`jiezhi: ${err.message}\n`);
      return 2;
    }
    if (!(err instanceof CommanderError)) throw err;
    // Commander has printed its message; help and --version are not errors.
    return err.exitCode === 0 ? 0 : 2;
  }
  return code;
}
