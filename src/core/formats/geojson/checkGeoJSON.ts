// GeoJSON validity by two validators. geojson-validation, written independently of Jiezhi, checks the
// structure every GeoJSON reader expects (types, members, positions, closed rings of four positions). The
// checks here repeat the structural ones with a JSON path a user can find, and add the rules of RFC 7946 that
// GIS software relies on and generic validators skip: exterior rings counter-clockwise and holes clockwise
// (§3.1.6), longitude and latitude in range (§3.1.1, §4), no `crs` member (§4).
import geojsonValidation from 'geojson-validation';

import { isObject } from '../../model/isObject.js';

export interface GeoJsonProblem {
  /** JSON path of the offending member, e.g. "features[3].geometry.coordinates[0]". */
  path: string;
  message: string;
}

type Position = number[];

export function checkGeoJSON(value: unknown): GeoJsonProblem[] {
  const problems: GeoJsonProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (typeof value === 'object' && value !== null) {
    for (const message of geojsonValidation.valid(value, true)) report('', `geojson-validation: ${message}`);
  }
  if (!isObject(value)) {
    report('', 'not a JSON object');
    return problems;
  }
  if (value.type === 'FeatureCollection') {
    checkNoCrs(value, '', report);
    if (!Array.isArray(value.features)) report('features', 'FeatureCollection without a features array');
    else value.features.forEach((f, i) => checkFeature(f, `features[${i}]`, report));
  } else if (value.type === 'Feature') {
    checkFeature(value, '', report);
  } else {
    checkGeometry(value, '', report);
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function checkFeature(f: unknown, path: string, report: Report): void {
  if (!isObject(f) || f.type !== 'Feature') {
    report(path, 'not a Feature');
    return;
  }
  checkNoCrs(f, path, report);
  if (!('geometry' in f)) report(path, 'Feature without a geometry member');
  if (!('properties' in f)) report(path, 'Feature without a properties member');
  if ('geometry' in f && f.geometry !== null) checkGeometry(f.geometry, join(path, 'geometry'), report);
}

function checkGeometry(g: unknown, path: string, report: Report): void {
  if (!isObject(g)) {
    report(path, 'geometry is not an object');
    return;
  }
  checkNoCrs(g, path, report);
  const at = join(path, 'coordinates');
  switch (g.type) {
    case 'Point':
      checkPosition(g.coordinates, at, report);
      break;
    case 'MultiPoint':
    case 'LineString':
      eachArray(g.coordinates, at, report, (p, i) => checkPosition(p, `${at}[${i}]`, report));
      break;
    case 'MultiLineString':
      eachArray(g.coordinates, at, report, (line, i) =>
        eachArray(line, `${at}[${i}]`, report, (p, j) => checkPosition(p, `${at}[${i}][${j}]`, report)),
      );
      break;
    case 'Polygon':
      checkPolygon(g.coordinates, at, report);
      break;
    case 'MultiPolygon':
      eachArray(g.coordinates, at, report, (poly, i) => checkPolygon(poly, `${at}[${i}]`, report));
      break;
    case 'GeometryCollection':
      eachArray(g.geometries, join(path, 'geometries'), report, (child, i) => checkGeometry(child, `${join(path, 'geometries')}[${i}]`, report));
      break;
    default:
      report(path, `unknown geometry type ${JSON.stringify(g.type)}`);
  }
}

function checkPolygon(rings: unknown, path: string, report: Report): void {
  eachArray(rings, path, report, (ring, r) => {
    const at = `${path}[${r}]`;
    if (!Array.isArray(ring)) {
      report(at, 'ring is not an array');
      return;
    }
    let valid = true;
    ring.forEach((p, i) => {
      if (!checkPosition(p, `${at}[${i}]`, report)) valid = false;
    });
    if (!valid) return;
    const positions = ring as Position[];
    if (positions.length < 4) report(at, `ring has ${positions.length} positions; at least 4 are required`);
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) report(at, 'ring is not closed (first and last positions differ)');
    const area = ringArea(positions);
    if (r === 0 && area < 0) report(at, 'exterior ring is clockwise; RFC 7946 requires counter-clockwise');
    if (r > 0 && area > 0) report(at, 'hole is counter-clockwise; RFC 7946 requires clockwise');
  });
}

function checkPosition(p: unknown, path: string, report: Report): boolean {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    report(path, 'position must be 2 or 3 finite numbers');
    return false;
  }
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180) report(path, `longitude ${lon} out of range [-180, 180]`);
  if (lat! < -90 || lat! > 90) report(path, `latitude ${lat} out of range [-90, 90]`);
  return true;
}

function checkNoCrs(o: Record<string, unknown>, path: string, report: Report): void {
  if ('crs' in o) report(join(path, 'crs'), 'the crs member was removed in RFC 7946; coordinates must be WGS84 lon/lat');
}

/** Twice the signed area in the lon/lat plane: the sign is the winding. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

function eachArray(value: unknown, path: string, report: Report, visit: (item: unknown, i: number) => void): void {
  if (!Array.isArray(value)) report(path, 'expected an array');
  else value.forEach(visit);
}



function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}
