// Brings the planner's layers to an extraction: joins them to the blocks and mines the gazettes name, evaluates
// each mining zone against the policy, and relates the land parcels to both. Mining zones read as records of
// the main inputs (a mining-right TXT given to extract) are mining zones here too, so every zone is evaluated.
import { joinLayers } from './joinLayers.js';
import { featureFromParcel } from './readLayers.js';
import type { LayerRead } from '../model/layers.js';
import { relateParcels } from './relateParcels.js';
import type { ExtractResult } from '../model/types.js';

export function applyLayers(result: ExtractResult, read: LayerRead): ExtractResult {
  const zonesInInputs = result.parcels.filter((p) => p.kind === 'mining-zone' && p.lonLatRing).map(featureFromParcel);
  const join = joinLayers([...read.features, ...zonesInInputs], result.planningBlocks, result.mines, result.miningPolicy);
  const relations = relateParcels(
    result.parcels.filter((p) => p.kind !== 'mining-zone'),
    [
      ...join.planning.map((f) => ({ layer: 'planning' as const, label: f.code, feature: f.feature })),
      ...join.mining.map((f) => ({ layer: 'mining' as const, label: f.mine?.name ?? f.name ?? f.feature.id, feature: f.feature })),
    ],
  );
  return { ...result, diagnostics: [...result.diagnostics, ...read.diagnostics], layers: { join, relations, skipped: read.skipped } };
}
