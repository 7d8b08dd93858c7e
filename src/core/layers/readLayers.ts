// The planner's own layers (planning blocks, mining zones) as plain features: lon/lat polygons with every
// attribute the file carries. GeoJSON is read here through the GeoJSON reader's features (one validity rule) because the join needs the planner's own
// properties (地块编号, 矿山名称, 生产规模, …), which the parcel reader does not keep; every other format
// (国土 TXT, mining-right TXT, zipped Shapefile) goes through extract's coordinate readers and arrives as a parcel.
import { decode } from '../text/decode.js';
import { extract, type InputFile } from '../extract.js';
import { lonLatPolygons } from '../geometry/parcelGeometry.js';
import { geoJSONFeatures, isGeoJSON } from '../formats/geojson/readGeoJSON.js';
import type { ExtractOptions, Parcel, SourceSpan } from '../model/types.js';
import type { LayerFeature, LayerRead } from '../model/layers.js';

export function readLayers(inputs: readonly InputFile[], options: ExtractOptions = {}): LayerRead {
  const out: LayerRead = { features: [], diagnostics: [], skipped: [] };
  const others: InputFile[] = [];
  for (const input of inputs) {
    const { decoded } = decode(input.file, input.bytes);
    if (decoded && isGeoJSON(decoded.text)) readGeoJSONLayer(input.file, decoded.text, out);
    else others.push(input);
  }
  if (others.length > 0) {
    const result = extract(others, options);
    out.diagnostics.push(...result.diagnostics, ...result.parcels.flatMap((p) => p.diagnostics));
    for (const p of result.parcels) {
      if (p.lonLatRing) out.features.push(featureFromParcel(p));
      else out.skipped.push({ source: p.span, reason: `no usable geometry (${p.verification.status})` });
    }
  }
  return out;
}

/** A parcel read from a coordinate file, as a layer feature: its attributes, with its name and code where the format has them. */
export function featureFromParcel(p: Parcel): LayerFeature {
  const properties: Record<string, unknown> = { ...p.attributes };
  // A 国土 TXT keeps 地块编号 among its attributes; a mining-right TXT's title is its 矿区名称. A 地块名称 is not a
  // mine name, so only mining zones get one.
  if (p.kind === 'mining-zone') {
    properties.layer ??= 'mining';
    if (p.title) properties.name ??= p.title;
  }
  if (p.elevation) {
    properties.elevation_top_m = p.elevation.top;
    properties.elevation_bottom_m = p.elevation.bottom;
  }
  const feature: LayerFeature = { id: p.id, source: p.span, properties, polygons: lonLatPolygons(p) };
  if (p.verification.ellipsoidalM2 !== null) feature.ellipsoidalM2 = p.verification.ellipsoidalM2;
  return feature;
}

function readGeoJSONLayer(file: string, text: string, out: LayerRead): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    out.skipped.push({ source: { file, line: 0 }, reason: `not valid JSON: ${(err as Error).message}` });
    return;
  }
  geoJSONFeatures(value).forEach((f, i) => {
    const source: SourceSpan = { file, line: 0, feature: i + 1 };
    const polygons = f.polygons && inDegrees(f.polygons) ? f.polygons.map((poly) => poly.map((ring) => ring.map((p): [number, number] => [p[0]!, p[1]!]))) : null;
    if (!polygons) {
      out.skipped.push({ source, reason: 'not a Polygon or MultiPolygon in lon/lat degrees (RFC 7946)' });
      return;
    }
    out.features.push({ id: `${file}#${i + 1}`, source, properties: f.properties, polygons });
  });
}

// A layer is drawn and related to parcels in lon/lat: projected coordinates (metres) are not taken for degrees.
function inDegrees(polygons: number[][][][]): boolean {
  return polygons.every((poly) => poly.every((ring) => ring.every((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90)));
}
