// Vector tiles of many parcels, so that MapLibre loads only the tiles in view instead of cutting a 100 MB GeoJSON
// into tiles at start-up. Two tile layers, each from its own geojson-vt cut: `parcels`, the polygons of
// parcels.geojson, and `labels`, one point per parcel (from the index). A feature's id is its record's position in
// the index, which the page maps back to the record; its properties are only what the map styles by: `status` and
// `layer`, and on label points from the zoom where names are drawn, `label`. The map filters by document and free
// text by feature id, from the table's filtered rows.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { geoJSONFeatures } from '../formats/geojson/readGeoJSON.js';
import { decodeBox, LABEL_ALL_ZOOMS_MAX, LABEL_MINZOOM, PAGE_DIR, type Bounds, type PageIndex, type TileSet } from './pageFormat.js';

/**
 * Tiles are cut down to this zoom and MapLibre over-zooms them beyond. MapLibre draws a tile on a grid of 8192 units, so
 * at zoom 14 (≈ 1.9 km per tile at 37.6°N) a drawn vertex is within 12 cm of its place: half a pixel at zoom 18, where
 * a selected parcel is shown, a pixel at 19. The vertex markers, the details and every download use the full records.
 * (Zoom 15 would halve that and quadruple the number of tile files.)
 */
const TILE_MAXZOOM = 14;
const TILE_EXTENT = 8192;
/**
 * Below zoom 14 a parcel's status dot (radius 3–5 px) covers a polygon of a few pixels: a tile carries only the polygons
 * at least this many pixels across at its zoom (512-pixel tiles), the dots stand for the others.
 */
const MIN_POLYGON_PX = 4;

export interface Tile {
  /** "z/x/y" */
  name: string;
  pbf: Uint8Array;
}

type Tags = Record<string, unknown>;
type TileFeature = { tags: Tags } & Record<string, unknown>;

/** The tiles of the parcels (`parcels`: parsed parcels.geojson) and the tile set the manifest names. */
export function writeTiles(parcels: unknown, index: PageIndex, bounds: Bounds | null): { tiles: Tile[]; set: TileSet } {
  const c = index.columns;
  const at = new Map(c.id.map((id, i) => [id, i]));
  const status = (i: number) => (c.status[i]! >= 0 ? index.strings[c.status[i]!]! : 'unstated');
  const polygons: unknown[] = [];
  for (const f of geoJSONFeatures(parcels)) {
    const i = at.get(String(f.properties.id ?? f.id));
    if (i === undefined || !f.geometry) continue;
    const box = decodeBox(c.label[2 * i]!, c.label[2 * i + 1]!, c.bbox.slice(4 * i, 4 * i + 4) as number[]);
    polygons.push({ type: 'Feature', id: i, properties: { status: status(i), layer: 'parcel', minzoom: polygonMinzoom(box) }, geometry: f.geometry });
  }
  const labelMinzoom = polygons.length > LABEL_ALL_ZOOMS_MAX ? LABEL_MINZOOM : 0;
  const points: unknown[] = [];
  for (let i = 0; i < c.id.length; i++) {
    if (c.label[2 * i] === null) continue;
    points.push({ type: 'Feature', id: i, properties: { status: status(i), layer: 'parcel', label: c.doc[i] }, geometry: { type: 'Point', coordinates: [c.label[2 * i], c.label[2 * i + 1]] } });
  }
  const options = { maxZoom: TILE_MAXZOOM, indexMaxZoom: TILE_MAXZOOM, indexMaxPoints: 0, extent: TILE_EXTENT, buffer: (64 * TILE_EXTENT) / 4096, tolerance: 3 };
  const cut = (features: unknown[]) => new GeoJSONVT({ type: 'FeatureCollection', features } as never, options);
  const cuts = { parcels: cut(polygons), labels: cut(points) };
  const keep: Record<keyof typeof cuts, (f: TileFeature, z: number) => TileFeature | null> = {
    parcels: (f, z) => ((f.tags.minzoom as number) <= z ? { ...f, tags: { status: f.tags.status, layer: f.tags.layer } } : null),
    labels: (f, z) => (z >= labelMinzoom ? f : { ...f, tags: { status: f.tags.status, layer: f.tags.layer } }),
  };
  const coords = new Map<string, { z: number; x: number; y: number }>();
  // Every tile the cuts made (indexMaxZoom = maxZoom, indexMaxPoints 0: all of them, down to the last zoom).
  for (const vt of Object.values(cuts)) {
    const made = vt as unknown as { tileIndex?: { tileCoords: { z: number; x: number; y: number }[] }; tileCoords?: { z: number; x: number; y: number }[] };
    for (const t of made.tileIndex?.tileCoords ?? made.tileCoords ?? []) coords.set(`${t.z}/${t.x}/${t.y}`, t);
  }
  const tiles: Tile[] = [];
  for (const [name, { z, x, y }] of coords) {
    const layers: Record<string, { features: TileFeature[] }> = {};
    for (const [layer, vt] of Object.entries(cuts) as [keyof typeof cuts, GeoJSONVT][]) {
      const tile = vt.getTile(z, x, y) as { features?: TileFeature[] } | null;
      const kept = (tile?.features ?? []).map((f) => keep[layer](f, z)).filter((f): f is TileFeature => f !== null);
      if (kept.length) layers[layer] = { features: kept };
    }
    if (Object.keys(layers).length === 0) continue;
    tiles.push({ name, pbf: fromGeojsonVt(layers as never, { version: 2, extent: TILE_EXTENT }) });
  }
  const set: TileSet = { url: `${PAGE_DIR}/tiles/{z}/{x}/{y}.pbf`, minzoom: 0, maxzoom: TILE_MAXZOOM, bounds, features: polygons.length, labelMinzoom };
  return { tiles, set };
}

/** The first zoom at which a box [w, s, e, n] (degrees) is MIN_POLYGON_PX pixels across on 512-pixel tiles. */
function polygonMinzoom([w, s, e, n]: Bounds): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const size = Math.max((e - w) / 360, Math.abs(y(n) - y(s)));
  if (!(size > 0)) return TILE_MAXZOOM;
  return Math.max(0, Math.min(TILE_MAXZOOM, Math.ceil(Math.log2(MIN_POLYGON_PX / (512 * size)))));
}
