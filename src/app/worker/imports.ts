// Files the user drops: each classified by the core (what it is, and why), parcels extracted as the CLI extracts
// them and merged into what is already loaded (the same document from another file is one record with two
// sources), layers joined to the gazettes; one notice per file says what was read.
import { diagnose } from '../../core/diagnostics/catalogue.js';
import { extract, mergeRecord, type InputFile } from '../../core/extract.js';
import { toFeatureCollection } from '../../core/formats/geojson/toGeoJSON.js';
import { toMiningCollection } from '../../core/formats/geojson/toMiningGeoJSON.js';
import { classifyInput, type ImportMode } from '../../core/layers/classifyInput.js';
import { importLayers } from '../../core/layers/importLayers.js';
import type { Diagnostic, ExtractResult, Parcel } from '../../core/model/types.js';
import { labelPoint } from '../../core/geometry/labelPoint.js';
import { parseDocLabel, recordLabel } from '../../core/publish/label.js';
import { labelFeature, parcelRow } from '../../core/publish/rows.js';
import { importNotice } from '../../core/report/importNotice.js';
import { contentHash } from '../../core/text/contentHash.js';
import { topologyMarkers } from '../../core/verify/topologyMarkers.js';
import type { Batch, ImportFile, LayerId, Message } from '../state/model.js';
import { addLayerFeatures, polygonsOf, toMessage } from './layers.js';
import { collection, ensureRecords, splitLines, store, type Feature } from './store.js';

interface Parts {
  rows: Batch['rows'];
  labels: Feature[];
  messages: Message[];
  polygons: Record<LayerId, Feature[]>;
  topology: Feature[];
}

interface Classified {
  input: InputFile;
  reason: Diagnostic | null;
}

export async function importFiles(files: ImportFile[], mode: ImportMode): Promise<Batch> {
  store.importCount++;
  const prefix = `导入${store.importCount}/`;
  const out: Parts = { rows: [], labels: [], messages: [], polygons: { parcel: [], mining: [], planning: [] }, topology: [] };
  const parcelInputs: Classified[] = [];
  const layerInputs: Classified[] = [];
  for (const f of files) {
    const input: InputFile = { file: f.name, bytes: new Uint8Array(f.bytes), ...(f.text ? { text: f.text } : {}) };
    const hash = contentHash(input.bytes);
    const same = store.importedContent.get(hash);
    if (same !== undefined) {
      out.messages.push(toMessage(diagnose('import-same-file', { file: f.name, line: 0 }, { other: same })));
      continue;
    }
    store.importedContent.set(hash, f.name);
    const c = classifyInput(input, mode);
    if (c.text !== null) store.texts.set(f.name, Promise.resolve(splitLines(c.text)));
    if (c.role === null) out.messages.push(importNotice({ file: f.name, result: extract([]), diagnostics: c.diagnostics }));
    else (c.role === 'parcel' ? parcelInputs : layerInputs).push({ input, reason: c.reason });
  }

  if (parcelInputs.length > 0) await addParcels(parcelInputs, prefix, out);
  let unlocated: Batch['unlocated'];
  if (layerInputs.length > 0) {
    await ensureRecords(null);
    unlocated = addLayers(layerInputs, mode === 'auto' || mode === 'parcel' ? null : mode, prefix, out);
  }
  return {
    rows: out.rows,
    labels: collection(out.labels),
    polygons: polygonsOf(out.polygons),
    messages: out.messages,
    ...(unlocated ? { unlocated } : {}),
    ...(out.topology.length ? { topology: collection(out.topology) } : {}),
  };
}

/** Gazettes, PDF/Word text and coordinate files of parcels: the core's extract, merged into the records loaded. */
async function addParcels(inputs: Classified[], prefix: string, out: Parts): Promise<void> {
  const result = extract(inputs.map((i) => i.input));
  // Published records with these ids are compared in full: their chunks are loaded first.
  await ensureRecords(result.parcels.map((p) => p.id));
  // Records by the id extract gives them, so that the same document from another file finds its record.
  const known = new Map<string, Parcel>();
  for (const [id, e] of store.entries) if (e.kind === 'parcel') known.set(e.base ?? id, e.parcel);
  const merged = new Map<string, { doc: string }[]>();
  const kept: Parcel[] = [];
  const renamed = new Map<string, string>();
  for (const original of result.parcels) {
    const outcome = mergeRecord(known, original, new Set());
    if ('mergedInto' in outcome) {
      const file = original.span.file;
      merged.set(file, [...(merged.get(file) ?? []), { doc: recordLabel(original) }]);
      continue;
    }
    const base = outcome.added.id;
    const parcel: Parcel = { ...outcome.added, id: prefix + base };
    known.set(base, parcel);
    renamed.set(original.id, parcel.id);
    kept.push(parcel);
    const row = parcelRow(parcel, true);
    store.entries.set(row.id, { kind: 'parcel', row, parcel, base });
    out.rows.push(row);
    if (!parcel.lonLatRing) continue;
    const feature = (row.layer === 'mining' ? toMiningCollection([parcel]) : toFeatureCollection([parcel])).features[0];
    if (feature) {
      // The document as the table's filter names it (a 国土 block by its name and code).
      Object.assign(feature.properties, { imported: true, doc: parseDocLabel(row.doc).doc });
      out.polygons[row.layer].push(feature as unknown as Feature);
    }
    const label = labelFeature(row, labelPoint([parcel.lonLatRing]));
    if (label) out.labels.push(label);
  }
  const keptIds = new Set(kept.map((p) => p.id));
  const id = (x: string) => renamed.get(x) ?? x;
  const pairs = result.topology.pairs
    .map((p) => ({ ...p, a: id(p.a), b: id(p.b), gap: p.gap ? { ...p.gap, parcel: id(p.gap.parcel) } : null }))
    .filter((p) => keptIds.has(p.a) && keptIds.has(p.b));
  store.topologyPairs.push(...pairs);
  out.topology.push(...(topologyMarkers(pairs, lookup) as Feature[]));
  const fresh: ExtractResult = { ...result, parcels: kept };
  for (const { input, reason } of inputs) out.messages.push(importNotice({ file: input.file, result: fresh, reason, merged: merged.get(input.file) ?? [] }));
}

/** The planner's planning-block and mining-zone layers, related to every parcel on the page. */
function addLayers(inputs: Classified[], role: 'planning' | 'mining' | null, prefix: string, out: Parts): Batch['unlocated'] {
  const parcels: Parcel[] = [];
  for (const e of store.entries.values()) if (e.kind === 'parcel' && e.parcel.lonLatRing && e.parcel.kind !== 'mining-zone') parcels.push(e.parcel);
  const done = importLayers(
    inputs.map((i) => i.input),
    role,
    parcels,
    store.context,
    store.unlocated,
  );
  const names = inputs.map((i) => i.input.file).join('、');
  for (const [layer, fc] of [
    ['planning', done.planning],
    ['mining', done.mining],
  ] as const) {
    if (fc.features.length === 0) continue;
    const batch = addLayerFeatures(fc, names, layer, true, prefix);
    out.rows.push(...batch.rows);
    out.labels.push(...batch.labels);
    out.polygons[layer].push(...batch.polygons);
    out.messages.push(...batch.messages.filter((m) => m.level !== 'info'));
  }
  store.unlocated.planning = done.unlocated.planning;
  store.unlocated.mining = done.unlocated.mining;
  // Why each file was taken as a layer, said in the first notice about the layers.
  const messages = done.diagnostics.map(toMessage);
  const reasons = inputs.map((i) => i.reason).filter((d): d is Diagnostic => d !== null);
  if (messages[0] && reasons.length) {
    messages[0] = { ...messages[0], zh: [messages[0].zh, ...reasons.map((r) => r.message.zh)].join('；'), en: [messages[0].en, ...reasons.map((r) => r.message.en)].join('; ') };
  }
  out.messages.push(...messages);
  return { planning: done.unlocated.planning.length, mining: done.unlocated.mining.length };
}

/** A record's table label and full record, for the topology markers. */
export function lookup(id: string): { label: string; parcel: Parcel | null } | undefined {
  const e = store.entries.get(id);
  return e ? { label: e.row.doc, parcel: e.kind === 'parcel' ? e.parcel : null } : undefined;
}
