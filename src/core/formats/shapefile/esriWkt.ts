// The .prj of a Shapefile: ESRI's WKT1 dialect, which ArcGIS requires and QGIS/GDAL identify by name and
// parameters. Generated from the zone arithmetic in the exact form `projinfo EPSG:45xx -o WKT1_ESRI` prints
// (tests/exchange-writers.test.ts compares every supported code).
import { CGCS2000_GEOGRAPHIC, WGS84_GEOGRAPHIC, zoneFromEpsg } from '../../geodesy/crs.js';

const CGCS2000_GEOGCS =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const WGS84_GEOGCS =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI writes every number with a decimal point: 37500000.0, 111.0. */
function esriNumber(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

export function toEsriWkt(epsg: number): string {
  if (epsg === CGCS2000_GEOGRAPHIC) return CGCS2000_GEOGCS;
  if (epsg === WGS84_GEOGRAPHIC) return WGS84_GEOGCS;
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`no ESRI WKT for EPSG:${epsg}`);
  // EPSG/ESRI names: prefixed codes by zone number, unprefixed ones by central meridian; 6° names carry no width.
  const width = z.width === 3 ? '3_Degree_' : '';
  const name = z.prefixed ? `CGCS2000_${width}GK_Zone_${z.zone}` : `CGCS2000_${width}GK_CM_${z.centralMeridian}E`;
  const falseEasting = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  const params: [string, number][] = [
    ['False_Easting', falseEasting],
    ['False_Northing', 0],
    ['Central_Meridian', z.centralMeridian],
    ['Scale_Factor', 1],
    ['Latitude_Of_Origin', 0],
  ];
  const parameters = params.map(([k, v]) => `PARAMETER["${k}",${esriNumber(v)}]`).join(',');
  return `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],${parameters},UNIT["Meter",1.0]]`;
}
