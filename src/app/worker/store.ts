// What the worker holds: every record and layer feature on the page (published ones once their chunk is loaded,
// imported ones as they come), the source texts by file name, the topology pairs, and the gazettes' context for
// joining layers dropped on the page.
import type { GazetteContext } from '../../core/layers/importLayers.js';
import type { UnlocatedBlock, UnlocatedMine } from '../../core/formats/geojson/toLayerGeoJSON.js';
import type { Position } from '../../core/geometry/labelPoint.js';
import { isObject } from '../../core/model/isObject.js';
import type { ExtractResult, Parcel } from '../../core/model/types.js';
import type { PublishedRecords } from '../../core/publish/readIndex.js';
import { parcelRow } from '../../core/publish/rows.js';
import type { ParcelPairRelation } from '../../core/model/topology.js';
import { decode } from '../../core/text/decode.js';
import type { FeatureCollectionLike, Row } from '../state/model.js';

export type Feature = FeatureCollectionLike['features'][number];

export type Entry =
  /** `base`: an imported record's id as extract gave it, before the import's prefix. */
  | { kind: 'parcel'; row: Row; parcel: Parcel; base?: string }
  | { kind: 'feature'; row: Row; feature: Feature; rings: Position[][] };

export const store = {
  entries: new Map<string, Entry>(),
  /** Source texts split into physical lines (index 0 = line 1), by the file name records cite. */
  texts: new Map<string, Promise<string[] | null>>(),
  sourceUrls: {} as Record<string, string>,
  importCount: 0,
  /** Content hash → the file first imported with that content. */
  importedContent: new Map<string, string>(),
  /** What the gazettes say about blocks and mines (from records.json), for joining layers dropped on the page. */
  context: { planningBlocks: [], mines: [], miningPolicy: null, mineralPlan: null } as GazetteContext,
  /** Shared vertices, overlaps and gaps between parcels: the published report plus each import's own. */
  topologyPairs: [] as ParcelPairRelation[],
  /** References no layer feature locates yet; null until a layer file (published or dropped) has said. */
  unlocated: { planning: null as UnlocatedBlock[] | null, mining: null as UnlocatedMine[] | null },
  published: null as PublishedRecords | null,
};

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Puts the full records of these ids (null: of all) into `entries`, fetching the chunks that hold them. */
export async function ensureRecords(ids: readonly string[] | null): Promise<void> {
  const pub = store.published;
  if (!pub || (ids !== null && ids.length === 0)) return;
  await pub.load(ids, (parcel) => {
    if (!store.entries.has(parcel.id)) store.entries.set(parcel.id, { kind: 'parcel', row: pub.row(parcel.id) ?? parcelRow(parcel, false), parcel });
  });
  if (ids === null) {
    // Everything is in: the published records first, in table order, then the imported ones as they came.
    const all = [...store.entries].map(([id, e], k) => ({ id, e, at: pub.positionOf(id) ?? pub.count + k }));
    all.sort((a, b) => a.at - b.at);
    store.entries.clear();
    for (const { id, e } of all) store.entries.set(id, e);
  }
}

export function rememberContext(records: unknown): void {
  if (!isObject(records)) return;
  store.context = {
    planningBlocks: Array.isArray(records.planningBlocks) ? (records.planningBlocks as ExtractResult['planningBlocks']) : [],
    mines: Array.isArray(records.mines) ? (records.mines as ExtractResult['mines']) : [],
    miningPolicy: isObject(records.miningPolicy) ? (records.miningPolicy as unknown as ExtractResult['miningPolicy']) : null,
    mineralPlan: isObject(records.mineralPlan) ? (records.mineralPlan as unknown as ExtractResult['mineralPlan']) : null,
  };
  const topology = records.topology;
  if (isObject(topology) && Array.isArray(topology.pairs)) store.topologyPairs.push(...(topology.pairs as ParcelPairRelation[]));
}

export function sourceLines(file: string): Promise<string[] | null> {
  let p = store.texts.get(file);
  if (!p) {
    const url = store.sourceUrls[file];
    p = url
      ? fetch(url)
          .then((r) => (r.ok ? r.arrayBuffer() : null))
          .then((buf) => {
            if (!buf) return null;
            const { decoded } = decode(file, new Uint8Array(buf));
            return decoded ? splitLines(decoded.text) : null;
          })
          .catch(() => null)
      : Promise.resolve(null);
    store.texts.set(file, p);
  }
  return p;
}

export function collection(features: Feature[]): FeatureCollectionLike {
  return { type: 'FeatureCollection', features };
}

export async function fetchJson(url: URL | string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return response.json();
}
