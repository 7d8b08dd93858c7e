// Start-up: the manifest, the table index (the rows go to the page as columns), and the layer files.
import { diagnose } from '../../core/diagnostics/catalogue.js';
import { isObject } from '../../core/model/isObject.js';
import type { Diagnostic, Parcel } from '../../core/model/types.js';
import type { Manifest, PageIndex } from '../../core/publish/pageFormat.js';
import { packRows, PublishedRecords } from '../../core/publish/readIndex.js';
import type { InitResult, LayerId, LayerSummary, Message, Row } from '../state/model.js';
import { addLayerFeatures, toMessage } from './layers.js';
import { collection, fetchJson, rememberContext, store, type Feature } from './store.js';

export async function init(dataUrl: string, location: string): Promise<InitResult> {
  const t0 = performance.now();
  const base = new URL(dataUrl, location);
  const manifest = (await fetchJson(new URL('manifest.json', base))) as Manifest;
  store.sourceUrls = Object.fromEntries(Object.entries(manifest.sources ?? {}).map(([file, rel]) => [file, new URL(rel, base).href]));
  const index = (await fetchJson(new URL(manifest.index, base))) as PageIndex;
  const records = index.meta as { diagnostics?: Diagnostic[]; crsNote?: string };
  rememberContext(records);

  const tParsed = performance.now();
  const published = new PublishedRecords(index, async (k) => (await fetchJson(new URL(index.chunks[k]!, base))) as Parcel[]);
  store.published = published;
  // The published rows go to the page as columns (rowsFromColumns); these are the layers' rows.
  const rows: Row[] = [];
  // With vector tiles the map draws the published parcels' label points from the tiles.
  const labels: Feature[] = manifest.tiles ? [] : published.labels();
  const layers: Record<LayerId, LayerSummary> = {
    parcel: { features: index.drawn, file: manifest.layers.parcel ?? null },
    mining: { features: null, file: manifest.layers.mining ?? null },
    planning: { features: null, file: manifest.layers.planning ?? null },
  };
  const polygons: InitResult['polygons'] = {};
  const messages: Message[] = [];
  for (const layer of ['mining', 'planning'] as const) {
    const file = manifest.layers[layer];
    if (!file) continue;
    try {
      const fc = await fetchJson(new URL(file, base));
      const batch = addLayerFeatures(fc, file, layer, false);
      rows.push(...batch.rows);
      labels.push(...batch.labels);
      polygons[layer] = collection(batch.polygons);
      layers[layer].features = batch.polygons.length;
      if (isObject(fc) && Array.isArray(fc.unlocated)) {
        layers[layer].unlocated = fc.unlocated.length;
        store.unlocated[layer] = fc.unlocated as never;
      }
      messages.push(...batch.messages);
    } catch (err) {
      messages.push(toMessage(diagnose('layer-file-unreadable', { file, line: 0 }, { reason: err instanceof Error ? err.message : String(err) })));
      layers[layer].features = 0;
    }
  }
  return {
    rows,
    labels: collection(labels),
    polygons,
    messages,
    layers,
    diagnostics: records.diagnostics ?? [],
    parcelsUrl: manifest.layers.parcel ? new URL(manifest.layers.parcel, base).href : null,
    crsNote: records.crsNote ?? null,
    timings: { startedAt: performance.timeOrigin + t0, loadMs: tParsed - t0, rowsMs: performance.now() - tParsed },
    published: published.count,
    publishedRows: packRows(published.table),
  };
}
