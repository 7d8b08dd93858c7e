// The planner's planning-block and mining-zone files dropped on the page: read, joined to the blocks and mines the
// gazettes name, the retention test evaluated and the parcels related to them (readLayers → applyLayers →
// toPlanningGeoJSON / toMiningLayerGeoJSON, as `jiezhi extract --layers` does), and what came of it said as
// coded diagnostics.
import { diagnose } from '../diagnostics/catalogue.js';
import type { InputFile } from '../extract.js';
import { formatSpan } from '../formats/geojson/toGeoJSON.js';
import { toMiningLayerGeoJSON, toPlanningGeoJSON, type UnlocatedBlock, type UnlocatedMine } from '../formats/geojson/toLayerGeoJSON.js';
import type { Diagnostic, ExtractResult, Parcel } from '../model/types.js';
import { applyLayers } from './applyLayers.js';
import type { InputRole } from './classifyInput.js';
import { readLayers } from './readLayers.js';

export type GazetteContext = Pick<ExtractResult, 'planningBlocks' | 'mines' | 'miningPolicy' | 'mineralPlan'>;

export interface LayerImport {
  planning: ReturnType<typeof toPlanningGeoJSON>;
  mining: ReturnType<typeof toMiningLayerGeoJSON>;
  /** References still without geometry: those before that these features do not locate either. */
  unlocated: { planning: UnlocatedBlock[]; mining: UnlocatedMine[] };
  diagnostics: Diagnostic[];
}

/**
 * `role` is what the files are to be (a 国土 TXT taken as planning blocks has its 地块编号 as their codes);
 * `before` the references unlocated so far (null: none said yet).
 */
export function importLayers(
  inputs: readonly InputFile[],
  role: Exclude<InputRole, 'parcel'> | null,
  parcels: readonly Parcel[],
  context: GazetteContext,
  before: { planning: UnlocatedBlock[] | null; mining: UnlocatedMine[] | null },
): LayerImport {
  const at = { file: inputs.map((i) => i.file).join('、'), line: 0 };
  const read = readLayers(inputs);
  if (role) for (const f of read.features) f.properties.layer ??= role;
  const diagnostics = read.diagnostics.filter((d) => d.severity !== 'info');
  const base: ExtractResult = { parcels: [...parcels], topology: { pairs: [] }, diagnostics: [], inputs: [], pointLines: { total: 0, inParcels: 0, inDiagnostics: 0 }, ...context };
  const applied = applyLayers(base, read);
  const planning = toPlanningGeoJSON(applied);
  const mining = toMiningLayerGeoJSON(applied);
  const stillBlocks = new Set(planning.unlocated.map((u) => u.code));
  const stillMines = new Set(mining.unlocated.map((u) => u.name));
  const unlocated = {
    planning: (before.planning ?? planning.unlocated).filter((u) => stillBlocks.has(u.code)),
    mining: (before.mining ?? mining.unlocated).filter((u) => stillMines.has(u.name)),
  };
  if (planning.features.length) {
    const codes = planning.features.filter((f) => f.properties.status === 'unreferenced').map((f) => f.properties.code);
    diagnostics.push(diagnose('layer-planning-joined', at, { count: planning.features.length, joined: planning.features.length - codes.length, unreferenced: codes.length, codes: codes.join('、'), unlocated: unlocated.planning.length }));
  }
  if (mining.features.length) {
    const count = (o: string) => mining.features.filter((f) => f.properties.outcome === o).length;
    const names = mining.features.filter((f) => !f.properties.mine).map((f) => f.properties.name ?? f.id);
    diagnostics.push(
      diagnose('layer-mining-joined', at, { count: mining.features.length, retain: count('retain'), consolidate: count('consolidate'), unknown: count('unknown'), unmatched: names.length, names: names.join('、'), unlocated: unlocated.mining.length }),
    );
  }
  const unclassified = applied.layers?.join.unclassified.length ?? 0;
  if (unclassified > 0) diagnostics.push(diagnose('layer-unclassified', at, { count: unclassified }));
  const first = read.skipped[0];
  if (first) diagnostics.push(diagnose('layer-features-skipped', at, { count: read.skipped.length, source: formatSpan(first.source), reason: first.reason }));
  if (planning.features.length + mining.features.length === 0 && unclassified === 0 && !first) diagnostics.push(diagnose('layer-no-polygons', at));
  return { planning, mining, unlocated, diagnostics };
}
