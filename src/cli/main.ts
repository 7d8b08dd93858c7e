// The `jiezhi` command: file and terminal IO around src/core.
// Each command's module is imported when the command runs: the core, pdfjs, mammoth and fflate are not
// loaded for `jiezhi --help`, which must start in well under a second on a planner's laptop.
import { Command, InvalidArgumentError } from 'commander';
import type { ConvertOptions } from './convert.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('jiezhi')
    .description('界址 Jiezhi: gazette land decisions → verified parcels (GeoJSON, records, reports)')
    .showHelpAfterError();

  program
    .command('extract')
    .description('extract land records from gazette texts, verify stated areas, write parcels.geojson, planning.geojson, mining.geojson, records.json, report.json, report.md')
    .argument('<paths...>', 'gazettes, 国土 or mining-right TXT, GeoJSON, zipped Shapefiles, or folders (every *.txt, *.geojson, *.zip inside, recursively)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--zone <n>', 'zone for Y coordinates printed without a zone prefix: 25–45 (3°) or 13–23 (6°)', parseZone)
    .option('--strict', 'exit 1 when any parcel is mismatch or invalid')
    .option('--layers <dir>', 'planning-block and mining-zone layers (GeoJSON, zipped Shapefile, 国土 TXT, mining-right TXT) to join; a missing folder is no layers')
    .option('--db <url>', 'also load the extraction into PostGIS (postgresql://…), as `jiezhi load` does')
    .action(async (paths: string[], opts: { out: string; zone?: ZoneOption; strict?: boolean; layers?: string; db?: string }) => {
      process.exitCode = await (await import('./extract.js')).runExtract(paths, opts);
    });

  program
    .command('load')
    .description('load an extraction (the records.json in an extract --out folder) into PostGIS, one transaction per input file')
    .argument('<out-dir>', 'a folder written by jiezhi extract')
    .requiredOption('--db <url>', 'PostgreSQL connection, e.g. postgresql://user@host/db (the schema is created or migrated first)')
    .action(async (dir: string, opts: { db: string }) => {
      process.exitCode = await (await import('./db/load.js')).runLoad(dir, opts);
    });

  program
    .command('verify')
    .description('print the stated vs computed area table')
    .argument('<paths...>', 'gazette text files or folders')
    .option('--zone <n>', 'zone for Y coordinates printed without a zone prefix', parseZone)
    .option('--strict', 'exit 1 when any parcel is mismatch or invalid')
    .action(async (paths: string[], opts: { zone?: ZoneOption; strict?: boolean }) => {
      process.exitCode = await (await import('./extract.js')).runVerify(paths, opts);
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
    .action(async (paths: string[], opts: ConvertOptions) => {
      process.exitCode = await (await import('./convert.js')).runConvert(paths, opts);
    });

  program
    .command('transform')
    .description('convert coordinate pairs read from stdin: "X Y" (northing first) for projected CRSs, "lon lat" for geographic')
    .requiredOption('--from <crs>', 'source CRS, e.g. EPSG:4525')
    .requiredOption('--to <crs>', 'target CRS, e.g. EPSG:4490')
    .action(async (opts: { from: string; to: string }) => {
      process.exitCode = await (await import('./transform.js')).runTransform(opts);
    });

  await program.parseAsync(argv);
}

export type ZoneOption = { width: 3 | 6; zone: number };

// 3° zones (25–45) and 6° zones (13–23) do not overlap, so the number alone says which.
function parseZone(text: string): ZoneOption {
  const n = Number(text);
  if (Number.isInteger(n) && n >= 25 && n <= 45) return { width: 3, zone: n };
  if (Number.isInteger(n) && n >= 13 && n <= 23) return { width: 6, zone: n };
  throw new InvalidArgumentError('a zone is 25–45 (3° zones) or 13–23 (6° zones)');
}
