// The MapLibre side of the page: style, layers, filters, selection, vertex markers. No basemap unless configured
// (docs/domain.md §6); labels are drawn from local fonts because the style names no glyph server (MapLibre 6 then
// rasterises every glyph with TinySDF from the CSS font stack below).
import { LABEL_ALL_ZOOMS_MAX, LABEL_MINZOOM } from '../../core/publish/pageFormat.js';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollectionLike, LayerId } from '../state/model.js';
import { LAYER_STATUS_COLOURS, STATUS_COLOURS } from '../state/model.js';

setWorkerUrl(workerUrl);

/** CSS font stack for labels: the CJK fonts planners' machines have, then the system default. */
const LABEL_FONTS = ['WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'];

export interface Basemap {
  url: string;
  attribution: string;
  enabled: boolean;
}

/** Vector tiles of the published parcels (manifest.json `tiles`, written by core/publish for many parcels). */
export interface ParcelTiles {
  /** Absolute URL template, …/{z}/{x}/{y}.pbf. */
  url: string;
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number] | null;
  /** Parcel features in the tiles. */
  features: number;
  /** First zoom at which the tiles' label points carry the names. */
  labelMinzoom?: number;
}

export interface MapFilter {
  statuses: string[] | null;
  layer: LayerId | null;
  doc: string | null;
  q: string;
}

export interface MapCallbacks {
  onSelect(id: string | null): void;
  onCursor(lngLat: { lng: number; lat: number } | null): void;
  onMoveEnd(): void;
  onTileError(message: string): void;
}

const PARCEL_TOLERANCE = 0.375;
const FIT_PADDING = 48;
const EMPTY: FeatureCollectionLike = { type: 'FeatureCollection', features: [] };

const statusColour = [
  'match',
  ['get', 'status'],
  'match',
  STATUS_COLOURS.match!,
  'mismatch',
  STATUS_COLOURS.mismatch!,
  'unstated',
  STATUS_COLOURS.unstated!,
  'invalid',
  STATUS_COLOURS.invalid!,
  // Mining zones by rule outcome, planning blocks by approval status (their label dots use this too).
  ...Object.entries(LAYER_STATUS_COLOURS).flat(),
  STATUS_COLOURS.other!,
] as ExpressionSpecification;

/** Mining zones by the retention test's outcome; planning blocks by whether a 控规 approval names them. */
const miningColour: ExpressionSpecification = ['match', ['get', 'outcome'], 'retain', LAYER_STATUS_COLOURS.retain!, 'consolidate', LAYER_STATUS_COLOURS.consolidate!, LAYER_STATUS_COLOURS.unknown!];
const planningColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'approved',
  LAYER_STATUS_COLOURS.approved!,
  'mentioned',
  LAYER_STATUS_COLOURS.mentioned!,
  LAYER_STATUS_COLOURS.unreferenced!,
];

/** Which map layers draw each data layer. */
const LAYER_GROUPS: Record<LayerId, string[]> = {
  parcel: ['parcels-fill', 'parcels-line', 'imported-fill', 'imported-line', 'topology-overlap', 'topology-gap', 'topology-labels'],
  mining: ['mining-fill', 'mining-line'],
  planning: ['planning-fill', 'planning-line'],
};
const CLICKABLE = ['parcels-fill', 'imported-fill', 'mining-fill', 'planning-fill', 'label-dots', 'parcel-dots'];
/** Point layers of label points: the GeoJSON ones (imported, layers, and all parcels without tiles) and the tiled ones. */
const LABEL_LAYERS = ['labels', 'label-dots', 'parcel-labels', 'parcel-dots'];
/** The layers drawn from the vector tiles when the published parcels come as tiles. */
const TILE_LAYERS = new Set(['parcels-fill', 'parcels-line', 'parcels-sel', 'parcel-dots', 'parcel-labels']);
const FILTERED = ['parcels-fill', 'imported-fill', 'mining-fill', 'planning-fill', 'parcels-line', 'imported-line', 'mining-line', 'planning-line'];
const SELECTION_LAYERS = ['parcels-sel', 'imported-sel', 'mining-sel', 'planning-sel'];

export class ParcelMap {
  readonly map: MapLibreMap;
  private visible: Record<LayerId, boolean> = { parcel: true, mining: true, planning: true };
  private filter: MapFilter = { statuses: null, layer: null, doc: null, q: '' };
  private selected: string | null = null;
  private imported: FeatureCollectionLike['features'] = [];
  private extra: Record<'mining' | 'planning', FeatureCollectionLike['features']> = { mining: [], planning: [] };
  private labels: FeatureCollectionLike['features'] = [];
  private topology: FeatureCollectionLike['features'] = [];
  private basemap: Basemap | null;
  private tileErrorShown = false;
  /**
   * With vector tiles: a tile feature's id is its record's position among the published records (setPublished), and
   * document and free-text filters reach tile features through the ids of the table's matching rows (setFilter).
   */
  private tiled = false;
  /**
   * Resolves on the map's `load` (style and first tiles in). isStyleLoaded() is no test for it: it turns false again
   * whenever a source reloads tiles, after `load` has fired once and for all.
   */
  readonly ready: Promise<void>;
  private published: readonly string[] = [];
  private positions: Map<string, number> | null = null;
  private matching: (() => readonly { id: string }[]) | null = null;

  constructor(
    container: HTMLElement,
    callbacks: MapCallbacks,
    opts: {
      parcelsUrl: string | null;
      /** Instead of parcelsUrl: vector tiles of the published parcels. */
      tiles?: ParcelTiles | null;
      basemap: Basemap | null;
      center?: [number, number];
      zoom?: number;
      /** The first view, when no center is given: these bounds as zoomAll frames them (no tile of another view is loaded). */
      bounds?: [number, number, number, number] | null;
    },
  ) {
    this.basemap = opts.basemap?.enabled && opts.basemap.url ? opts.basemap : null;
    this.tiled = !!opts.tiles;
    const first = !opts.center && opts.bounds && opts.bounds.every(Number.isFinite) ? opts.bounds : null;
    this.map = new MapLibreMap({
      container,
      style: this.style(opts.parcelsUrl, opts.tiles ?? null),
      center: opts.center ?? [111.145, 37.57],
      zoom: opts.zoom ?? 12,
      ...(first ? { bounds: first as LngLatBoundsLike, fitBoundsOptions: { padding: FIT_PADDING, maxZoom: 17 } } : {}),
      attributionControl: false,
      localIdeographFontFamily: LABEL_FONTS.join(', '),
      maxPitch: 0,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      fadeDuration: 0,
    });
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-left');
    this.map.addControl(new AttributionControl({ compact: true, customAttribution: this.basemap?.attribution || undefined }), 'bottom-right');

    this.map.on('click', (e) => {
      const hits = this.map.queryRenderedFeatures(e.point, { layers: CLICKABLE.filter((l) => this.map.getLayer(l)) });
      callbacks.onSelect(hits.length ? this.featureId(hits[0]!) : null);
    });
    this.map.on('mousemove', (e) => {
      callbacks.onCursor(e.lngLat);
      const hits = this.map.queryRenderedFeatures(e.point, { layers: CLICKABLE.filter((l) => this.map.getLayer(l)) });
      this.map.getCanvas().style.cursor = hits.length ? 'pointer' : '';
    });
    this.map.getCanvasContainer().addEventListener('mouseleave', () => callbacks.onCursor(null));
    this.map.on('moveend', () => callbacks.onMoveEnd());
    this.map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
      if (sourceId === 'basemap') {
        if (!this.tileErrorShown) callbacks.onTileError(e.error?.message ?? String(e.error));
        this.tileErrorShown = true;
        return;
      }
      // Anything else is a bug in the page or the data: keep it visible to the developer, never fatal.
      console.warn('map:', e.error?.message ?? e);
    });
  }

  private style(parcelsUrl: string | null, tiles: ParcelTiles | null): StyleSpecification {
    const line = (id: string, source: string, colour: ExpressionSpecification | string, width: number, dash?: number[]) => ({
      id,
      type: 'line' as const,
      source,
      paint: { 'line-color': colour, 'line-width': width, ...(dash ? { 'line-dasharray': dash } : {}) },
    });
    const sel = (id: string, source: string) => ({
      id,
      type: 'line' as const,
      source,
      filter: ['==', ['get', 'id'], ''] as FilterSpecification,
      paint: { 'line-color': '#0b5cff', 'line-width': 4 },
    });
    const darker: ExpressionSpecification = [
      'match',
      ['get', 'status'],
      'match',
      '#1c6b3c',
      'mismatch',
      '#9e1f25',
      'unstated',
      '#a8701a',
      'invalid',
      '#5e2a75',
      '#2d5298',
    ];
    const style: StyleSpecification = {
      version: 8,
      sources: {
        // geojson-vt's default tolerance: polygons under about a pixel are dropped at low zooms (tolerance 0 doubles
        // the load time of 20 000 parcels); the status dots of 'label-dots' keep them visible there.
        parcels: { type: 'geojson', data: parcelsUrl ?? EMPTY, tolerance: PARCEL_TOLERANCE } as never,
        imported: { type: 'geojson', data: EMPTY, tolerance: PARCEL_TOLERANCE } as never,
        mining: { type: 'geojson', data: EMPTY } as never,
        planning: { type: 'geojson', data: EMPTY } as never,
        labels: { type: 'geojson', data: EMPTY } as never,
        vertices: { type: 'geojson', data: EMPTY } as never,
        topology: { type: 'geojson', data: EMPTY } as never,
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
        { id: 'mining-fill', type: 'fill', source: 'mining', paint: { 'fill-color': miningColour, 'fill-opacity': 0.3 } },
        line('mining-line', 'mining', miningColour, 2),
        { id: 'planning-fill', type: 'fill', source: 'planning', paint: { 'fill-color': planningColour, 'fill-opacity': 0.16 } },
        line('planning-line', 'planning', planningColour, 1.6, [3, 2]),
        { id: 'parcels-fill', type: 'fill', source: 'parcels', paint: { 'fill-color': statusColour, 'fill-opacity': 0.42 } },
        line('parcels-line', 'parcels', darker, 1.4),
        { id: 'imported-fill', type: 'fill', source: 'imported', paint: { 'fill-color': statusColour, 'fill-opacity': 0.42 } },
        line('imported-line', 'imported', darker, 1.8, [2, 1.5]),
        // Topology: overlaps beyond the printed precision in red, gaps between neighbours as a ring at the vertex.
        { id: 'topology-overlap', type: 'fill', source: 'topology', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#e0002a', 'fill-opacity': 0.55 } },
        {
          id: 'topology-gap',
          type: 'circle',
          source: 'topology',
          filter: ['==', ['geometry-type'], 'Point'],
          minzoom: 13,
          paint: { 'circle-radius': 7, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': ['match', ['get', 'kind'], 'overlap', '#e0002a', '#ff7a00'], 'circle-stroke-width': 2.5 },
        },
        sel('mining-sel', 'mining'),
        sel('planning-sel', 'planning'),
        sel('parcels-sel', 'parcels'),
        sel('imported-sel', 'imported'),
        {
          // At overview zooms a parcel is smaller than a pixel: a dot in its status colour keeps it findable.
          id: 'label-dots',
          type: 'circle',
          source: 'labels',
          maxzoom: 14.5,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 5],
            'circle-color': statusColour,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.2,
            'circle-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.95, 14.5, 0],
            'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 13, 1, 14.5, 0],
          },
        },
        {
          id: 'vertex-points',
          type: 'circle',
          source: 'vertices',
          minzoom: 17,
          paint: { 'circle-radius': 3.5, 'circle-color': '#ffffff', 'circle-stroke-color': '#222', 'circle-stroke-width': 1.2 },
        },
        {
          id: 'vertex-labels',
          type: 'symbol',
          source: 'vertices',
          minzoom: 17,
          layout: {
            'text-field': ['get', 'label'],
            'text-font': LABEL_FONTS,
            'text-size': 11,
            'text-offset': [0.6, -0.6],
            'text-anchor': 'bottom-left',
            'text-allow-overlap': false,
          },
          paint: { 'text-color': '#222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
        {
          id: 'labels',
          type: 'symbol',
          source: 'labels',
          layout: {
            'text-field': ['get', 'label'],
            'text-font': LABEL_FONTS,
            'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10, 16, 13],
            'text-max-width': 12,
            'text-padding': 2,
            'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
            'text-radial-offset': 0.6,
          },
          paint: { 'text-color': '#1d2733', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 },
        },
        {
          id: 'topology-labels',
          type: 'symbol',
          source: 'topology',
          filter: ['==', ['geometry-type'], 'Point'],
          minzoom: 16,
          layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
          paint: { 'text-color': '#b34700', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      ],
    };
    if (tiles) {
      // Many parcels: vector tiles cut by scripts/publish-data.mjs, of which MapLibre loads only those in view, instead
      // of a GeoJSON of every parcel cut into tiles in its worker at start-up. The published parcels' dots and names
      // come from the tiles' `labels` layer; 'label-dots' and 'labels' keep the imported ones and the other layers'.
      style.sources.parcels = { type: 'vector', tiles: [tiles.url], minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, ...(tiles.bounds ? { bounds: tiles.bounds } : {}) };
      const layers: LayerSpecification[] = [];
      for (const layer of style.layers) {
        if (layer.id === 'parcels-sel') layers.push({ ...layer, 'source-layer': 'parcels', filter: ['==', ['id'], -1] } as LayerSpecification);
        else layers.push('source' in layer && layer.source === 'parcels' ? ({ ...layer, 'source-layer': 'parcels' } as LayerSpecification) : layer);
        if (layer.id === 'label-dots' && layer.type === 'circle') {
          // Thousands of dots a pixel or two apart: smaller, without the white ring below zoom 10 (it would paint the
          // area white), and the parcels that need a look (mismatch, invalid, unstated) drawn over the matching ones.
          const paint = {
            ...layer.paint,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2.5, 14, 5],
            'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0, 12, 1.2],
          };
          const layout = { 'circle-sort-key': ['match', ['get', 'status'], 'mismatch', 3, 'invalid', 3, 'unstated', 2, 1] };
          layers.push({ ...layer, id: 'parcel-dots', source: 'parcels', 'source-layer': 'labels', paint, layout } as LayerSpecification);
        }
        if (layer.id === 'labels') {
          const minzoom = tiles.labelMinzoom ?? (tiles.features > LABEL_ALL_ZOOMS_MAX ? LABEL_MINZOOM : 0);
          layers.push({ ...layer, id: 'parcel-labels', source: 'parcels', 'source-layer': 'labels', minzoom } as LayerSpecification);
        }
      }
      style.layers = layers;
    }
    if (this.basemap) {
      style.sources.basemap = {
        type: 'raster',
        tiles: expandTemplate(this.basemap.url),
        tileSize: 256,
        attribution: this.basemap.attribution,
      };
      style.layers.splice(1, 0, { id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.85 } });
    }
    return style;
  }

  setLabels(features: FeatureCollectionLike['features']): void {
    this.labels = features;
    // Placing tens of thousands of labels at an overview zoom costs seconds and shows few of them: with many
    // features, names appear from zoom 14 on, and the status dots mark the parcels below it.
    if (this.map.getLayer('labels')) this.map.setLayerZoomRange('labels', features.length > LABEL_ALL_ZOOMS_MAX ? LABEL_MINZOOM : 0, 24);
    (this.map.getSource('labels') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: this.labels } as never);
  }

  addImported(polygons: Partial<Record<LayerId, FeatureCollectionLike>>, labels: FeatureCollectionLike['features']): void {
    if (polygons.parcel?.features.length) {
      this.imported = this.imported.concat(polygons.parcel.features);
      (this.map.getSource('imported') as GeoJSONSource).setData({ type: 'FeatureCollection', features: this.imported } as never);
    }
    for (const layer of ['mining', 'planning'] as const) {
      if (!polygons[layer]?.features.length) continue;
      this.extra[layer] = this.extra[layer].concat(polygons[layer]!.features);
      (this.map.getSource(layer) as GeoJSONSource).setData({ type: 'FeatureCollection', features: this.extra[layer] } as never);
    }
    if (labels.length) this.setLabels(this.labels.concat(labels));
  }

  /** Gap and overlap markers; `add` appends (an import's own), otherwise replaces. */
  setTopology(fc: FeatureCollectionLike, add = false): void {
    this.topology = add ? this.topology.concat(fc.features) : fc.features;
    (this.map.getSource('topology') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: this.topology } as never);
  }

  setVertices(fc: FeatureCollectionLike): void {
    (this.map.getSource('vertices') as GeoJSONSource | undefined)?.setData(fc as never);
  }

  setLayerVisible(layer: LayerId, visible: boolean): void {
    this.visible[layer] = visible;
    for (const id of LAYER_GROUPS[layer]) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    this.applyFilter();
  }

  /** The published records' ids in index order: tile feature i is the record published[i]. */
  setPublished(ids: readonly string[]): void {
    this.published = ids;
    this.positions = null;
    // Only a document or text filter and the selection refer to tile features by id (another setFilter would make
    // MapLibre parse every tile in view again).
    if (this.tiled && (this.filter.doc || this.filter.q.trim())) this.applyFilter();
    if (this.tiled && this.selected) this.select(this.selected);
  }

  /**
   * `matching` gives the rows the table shows for this filter: with vector tiles, the document and free-text filters
   * keep the tile features of exactly those rows (the tiles carry no text), so map and table agree.
   */
  setFilter(filter: MapFilter, matching?: () => readonly { id: string }[]): void {
    this.filter = filter;
    this.matching = matching ?? null;
    this.applyFilter();
  }

  private applyFilter(): void {
    const f = this.filter;
    const parts: ExpressionSpecification[] = [];
    if (f.statuses) parts.push(['in', ['get', 'status'], ['literal', f.statuses]]);
    if (f.doc) parts.push(['==', ['get', 'doc'], f.doc]);
    const q = f.q.trim().toLowerCase();
    if (q) {
      parts.push([
        'any',
        ...(['doc', 'label', 'holder', 'location'] as const).map(
          (k) => ['in', q, ['downcase', ['to-string', ['coalesce', ['get', k], '']]]] as ExpressionSpecification,
        ),
      ]);
    }
    const base: FilterSpecification = parts.length === 0 ? true : parts.length === 1 ? parts[0]! : ['all', ...parts];
    let tileBase = base;
    if (this.tiled) {
      const tileParts: ExpressionSpecification[] = [];
      if (f.statuses) tileParts.push(['in', ['get', 'status'], ['literal', f.statuses]]);
      if (f.doc || q) tileParts.push(this.matchingTileIds());
      tileBase = tileParts.length === 0 ? true : tileParts.length === 1 ? tileParts[0]! : ['all', ...tileParts];
    }
    const filterOf = (id: string) => (this.tiled && TILE_LAYERS.has(id) ? tileBase : base);
    for (const id of FILTERED) {
      if (!this.map.getLayer(id)) continue;
      const layerOf = id.startsWith('mining') ? 'mining' : id.startsWith('planning') ? 'planning' : 'parcel';
      const hidden = f.layer !== null && f.layer !== layerOf;
      this.map.setFilter(id, hidden ? false : filterOf(id));
    }
    const visibleLayers = (Object.keys(this.visible) as LayerId[]).filter((l) => this.visible[l] && (f.layer === null || f.layer === l));
    for (const id of LABEL_LAYERS) {
      if (this.map.getLayer(id)) this.map.setFilter(id, ['all', ['in', ['get', 'layer'], ['literal', visibleLayers]], filterOf(id) as ExpressionSpecification]);
    }
  }

  /** Position of each published record (its tile features' id), made the first time a filter or selection needs it. */
  private get publishedAt(): Map<string, number> {
    if (!this.positions) {
      this.positions = new Map();
      this.published.forEach((id, i) => this.positions!.set(id, i));
    }
    return this.positions;
  }

  /**
   * Tile features of the published records among the table's matching rows: a `match` on the feature id (a lookup per
   * feature), of the matching ids or, when most match, of the others.
   */
  private matchingTileIds(): ExpressionSpecification {
    const count = this.published.length;
    const kept = new Uint8Array(count);
    let n = 0;
    for (const r of this.matching?.() ?? []) {
      const at = this.publishedAt.get(r.id);
      if (at !== undefined && !kept[at]) {
        kept[at] = 1;
        n++;
      }
    }
    if (n === 0) return ['boolean', false];
    if (n === count) return ['boolean', true];
    const wanted = n <= count / 2 ? 1 : 0;
    const ids: number[] = [];
    for (let i = 0; i < count; i++) if (kept[i] === wanted) ids.push(i);
    return ['match', ['id'], ids, wanted === 1, wanted !== 1];
  }

  private featureId(f: MapGeoJSONFeature): string | null {
    if (this.tiled && f.source === 'parcels' && typeof f.id === 'number') return this.published[f.id] ?? null;
    return featureId(f);
  }

  select(id: string | null): void {
    this.selected = id;
    for (const l of SELECTION_LAYERS) {
      if (!this.map.getLayer(l)) continue;
      if (this.tiled && TILE_LAYERS.has(l)) this.map.setFilter(l, ['==', ['id'], (id === null ? undefined : this.publishedAt.get(id)) ?? -1]);
      else this.map.setFilter(l, ['==', ['get', 'id'], id ?? '']);
    }
  }

  get selection(): string | null {
    return this.selected;
  }

  fit(bounds: [number, number, number, number], opts: { animate?: boolean; maxZoom?: number } = {}): void {
    const [w, s, e, n] = bounds;
    this.map.fitBounds([w, s, e, n] as LngLatBoundsLike, { padding: FIT_PADDING, maxZoom: opts.maxZoom ?? 18, animate: opts.animate ?? true, duration: 700 });
  }
}

function featureId(f: MapGeoJSONFeature): string | null {
  const id = f.properties?.id ?? f.id;
  return id === undefined || id === null ? null : String(id);
}

/** "https://t{0-7}.example/{z}/{x}/{y}" → one URL per subdomain. */
function expandTemplate(url: string): string[] {
  const m = /\{(\d)-(\d)\}/.exec(url);
  if (!m) return [url];
  const out: string[] = [];
  for (let i = Number(m[1]); i <= Number(m[2]); i++) out.push(url.replace(m[0], String(i)));
  return out;
}
