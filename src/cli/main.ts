// The `jiezhi` command: file and terminal IO around src/core.
import { Command } from 'commander';
import { runConvert, type ConvertOptions } from './convert.js';
import { runExtract, runVerify } from './extract.js';
import { runTransform } from './transform.js';
import { parseZone, type ZoneOption } from './zoneOption.js';

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
    .action(async (paths: string[], opts: { out: string; zone?: ZoneOption; strict?: boolean; layers?: string }) => {
      process.exitCode = await runExtract(paths, opts);
    });

  program
    .command('verify')
    .description('print the stated vs computed area table')
    .argument('<paths...>', 'gazette text files or folders')
    .option('--zone <n>', 'zone for Y coordinates printed without a zone prefix', parseZone)
    .option('--strict', 'exit 1 when any parcel is mismatch or invalid')
    .action(async (paths: string[], opts: { zone?: ZoneOption; strict?: boolean }) => {
      process.exitCode = await runVerify(paths, opts);
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
      process.exitCode = await runConvert(paths, opts);
    });

  program
    .command('transform')
    .description('convert coordinate pairs read from stdin: "X Y" (northing first) for projected CRSs, "lon lat" for geographic')
    .requiredOption('--from <crs>', 'source CRS, e.g. EPSG:4525')
    .requiredOption('--to <crs>', 'target CRS, e.g. EPSG:4490')
    .action(async (opts: { from: string; to: string }) => {
      process.exitCode = await runTransform(opts);
    });

  await program.parseAsync(argv);
}
