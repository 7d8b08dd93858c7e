// The .prj of a Shapefile: ESRI's WKT1 dialect, which ArcGIS requires and QGIS/GDAL identify by name and
// parameters. Generated from the zone arithmetic in the exact form `projinfo EPSG:<code> -o WKT1_ESRI` prints
// for the CGCS2000, Xian 1980 and Beijing 1954 codes (tests/exchange-writers.test.ts compares every one).
import { DATUMS, WGS84_GEOGRAPHIC, zoneDatum, zoneFromEpsg } from '../../geodesy/crs.js';
import type { Datum } from '../../model/types.js';

const WGS84_GEOGCS =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

// ESRI's names: GEOGCS/DATUM/SPHEROID of each datum, and the prefix of its projected names.
const ESRI: Record<Datum, { geogcs: string; datum: string; spheroid: string; a: number; rf: number; prefix: string }> = {
  CGCS2000: { geogcs: 'GCS_China_Geodetic_Coordinate_System_2000', datum: 'D_China_2000', spheroid: 'CGCS2000', a: 6378137, rf: 298.257222101, prefix: 'CGCS2000' },
  Xian80: { geogcs: 'GCS_Xian_1980', datum: 'D_Xian_1980', spheroid: 'Xian_1980', a: 6378140, rf: 298.257, prefix: 'Xian_1980' },
  Beijing54: { geogcs: 'GCS_Beijing_1954', datum: 'D_Beijing_1954', spheroid: 'Krasovsky_1940', a: 6378245, rf: 298.3, prefix: 'Beijing_1954' },
};

/** ESRI writes every number with a decimal point: 37500000.0, 111.0. */
function esriNumber(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

function geogcs(datum: Datum): string {
  const e = ESRI[datum];
  return `GEOGCS["${e.geogcs}",DATUM["${e.datum}",SPHEROID["${e.spheroid}",${esriNumber(e.a)},${e.rf}]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
}

export function toEsriWkt(epsg: number): string {
  if (epsg === WGS84_GEOGRAPHIC) return WGS84_GEOGCS;
  const geographic = (Object.keys(DATUMS) as Datum[]).find((d) => DATUMS[d].geographic === epsg);
  if (geographic) return geogcs(geographic);
  const z = zoneFromEpsg(epsg);
  if (!z) throw new Error(`no ESRI WKT for EPSG:${epsg}`);
  const datum = zoneDatum(z)!;
  // EPSG/ESRI names: prefixed codes by zone number, unprefixed ones by central meridian; 6° names carry no
  // width, and the unprefixed 6° Beijing 1954 codes spell out Gauss_Kruger.
  const width = z.width === 3 ? '3_Degree_' : '';
  const gk = datum === 'Beijing54' && z.width === 6 && !z.prefixed ? 'Gauss_Kruger' : 'GK';
  const name = z.prefixed ? `${ESRI[datum].prefix}_${width}GK_Zone_${z.zone}` : `${ESRI[datum].prefix}_${width}${gk}_CM_${z.centralMeridian}E`;
  const falseEasting = z.prefixed ? z.zone * 1e6 + 500000 : 500000;
  const params: [string, number][] = [
    ['False_Easting', falseEasting],
    ['False_Northing', 0],
    ['Central_Meridian', z.centralMeridian],
    ['Scale_Factor', 1],
    ['Latitude_Of_Origin', 0],
  ];
  const parameters = params.map(([k, v]) => `PARAMETER["${k}",${esriNumber(v)}]`).join(',');
  return `PROJCS["${name}",${geogcs(datum)},PROJECTION["Gauss_Kruger"],${parameters},UNIT["Meter",1.0]]`;
}
