// The page's data format, as the publisher writes it and the worker reads it (beside records.json and
// parcels.geojson, the CLI's complete output and the downloads):
//   page/index.json       the table: one column per table field (strings shared through a table of strings), each
//                         record's label point and bbox, and the chunk holding its full record; plus everything of
//                         records.json except the records (diagnostics, topology, planning blocks, mines…).
//   page/records/N.json   the full records, in chunks of neighbouring parcels, fetched when one is needed.
//   page/tiles/z/x/y.pbf  with many parcels: vector tiles of the polygons (layer `parcels`) and label points (`labels`).
//   manifest.json         names all of the above and the layer files that exist, and the bounds of the data.

export const INDEX_FORMAT = 'jiezhi-page-index/1';
export const MANIFEST_FORMAT = 'jiezhi-manifest/2';
export const PAGE_DIR = 'page';
export const LAYER_FILES = { parcel: 'parcels.geojson', mining: 'mining.geojson', planning: 'planning.geojson' } as const;

/** Display positions (bbox, label point) are whole multiples of 1e-7° (≈ 1 cm); records and downloads keep full precision. */
export const DISPLAY_UNIT = 1e7;
/** With more drawn parcels than this, the map writes names from LABEL_MINZOOM on and draws status dots below. */
export const LABEL_ALL_ZOOMS_MAX = 3000;
export const LABEL_MINZOOM = 14;
/** Above this many parcel features the map reads vector tiles; below it MapLibre tiles the GeoJSON itself in well under a second. */
export const TILE_THRESHOLD = 3000;

/** A position to whole DISPLAY_UNITs. */
export function near(v: number): number {
  return Math.round(v * DISPLAY_UNIT) / DISPLAY_UNIT;
}

/** [w, s, e, n] in degrees from a label point and its four outward distances in DISPLAY_UNITs. */
export function decodeBox(lon: number, lat: number, off: readonly number[]): Bounds {
  return [lon - off[0]! / DISPLAY_UNIT, lat - off[1]! / DISPLAY_UNIT, lon + off[2]! / DISPLAY_UNIT, lat + off[3]! / DISPLAY_UNIT];
}

export interface PageIndex {
  format: string;
  count: number;
  /** Records with geometry. */
  drawn: number;
  /** Chunk files of full records, relative to the data folder. */
  chunks: string[];
  /** Every string the columns below refer to by position (-1: none). */
  strings: string[];
  columns: {
    id: string[];
    /** The table's label (recordLabel): 吕政发〔2022〕15号（2）. */
    doc: string[];
    /** The document number alone when `doc` carries more than it. */
    docBase: number[];
    holder: number[];
    location: number[];
    title: number[];
    /** Survey report numbers, joined by spaces. */
    reports: number[];
    /** m² to 4 decimals, as in parcels.geojson. */
    statedM2: (number | null)[];
    statedText: number[];
    computedM2: (number | null)[];
    deltaM2: (number | null)[];
    status: number[];
    /** The record's span as formatSpan writes it ("file:line-endLine") is strings[sourceFile] + source. */
    sourceFile: number[];
    source: string[];
    epsg: (number | null)[];
    /** Two numbers per record: the label point in whole DISPLAY_UNITs; nulls without geometry. */
    label: (number | null)[];
    /** Four per record: west, south, east, north as distances from the label point in units of 1e-7° (rounded outwards). */
    bbox: (number | null)[];
    /** Which chunk holds the full record. */
    chunk: number[];
  };
  /** records.json without its records: diagnostics, crsNote, topology, planning blocks, mines… */
  meta: Record<string, unknown>;
}

export interface TileSet {
  url: string;
  minzoom: number;
  maxzoom: number;
  bounds: Bounds | null;
  /** Parcel polygons in the tiles. */
  features: number;
  /** Zoom from which label points carry their names. */
  labelMinzoom: number;
}

export type Bounds = [number, number, number, number];
export type LayerName = keyof typeof LAYER_FILES;

export interface Manifest {
  format: string;
  records: string;
  index: string;
  count: number;
  bounds: Bounds | null;
  tiles: TileSet | null;
  layers: Record<LayerName, string | null>;
  /** Source file as records cite it → its copy, relative to the data folder. */
  sources: Record<string, string>;
}

export function pageManifest(init: Pick<Manifest, 'count' | 'bounds' | 'tiles' | 'layers' | 'sources'>): Manifest {
  return { format: MANIFEST_FORMAT, records: 'records.json', index: `${PAGE_DIR}/index.json`, count: init.count, bounds: init.bounds, tiles: init.tiles, layers: init.layers, sources: init.sources };
}
