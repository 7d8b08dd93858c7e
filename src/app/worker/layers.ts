// Layer files on the page (published planning.geojson / mining.geojson, or an import's planning blocks and mining
// zones) into the store: rows, map polygons and label points from the core's layerRows.
import { layerRows } from '../../core/publish/layerRows.js';
import type { Diagnostic } from '../../core/model/types.js';
import type { Batch, LayerId, Message, Row } from '../state/model.js';
import { collection, store, type Feature } from './store.js';

export interface LayerBatch {
  rows: Row[];
  labels: Feature[];
  polygons: Feature[];
  messages: Message[];
}

export function addLayerFeatures(value: unknown, file: string, layer: LayerId, imported: boolean, prefix = ''): LayerBatch {
  const { items, diagnostics } = layerRows(value, file, layer, imported, (baseId, n) => {
    const id = prefix + baseId;
    return store.entries.has(id) || store.published?.has(id) ? `${prefix}${baseId}#${n}` : id;
  });
  const out: LayerBatch = { rows: [], labels: [], polygons: [], messages: diagnostics.map(toMessage) };
  for (const item of items) {
    store.entries.set(item.row.id, { kind: 'feature', row: item.row, feature: item.feature, rings: item.rings });
    out.rows.push(item.row);
    out.polygons.push(item.feature);
    if (item.label) out.labels.push(item.label);
  }
  return out;
}

export function toMessage(d: Diagnostic): Message {
  return { level: d.severity, code: d.code, file: d.source?.file, zh: d.message.zh, en: d.message.en };
}

export function polygonsOf(parts: Record<LayerId, Feature[]>, always: LayerId | null = null): Batch['polygons'] {
  const out: Batch['polygons'] = {};
  for (const l of ['parcel', 'mining', 'planning'] as const) if (parts[l].length || l === always) out[l] = collection(parts[l]);
  return out;
}
