// A layer file (planning.geojson, mining.geojson, or what an import made of the planner's own layer) as the page
// shows it: one row, one map feature and one label point per polygon feature, with what was left out said as
// coded diagnostics.
import { diagnose } from '../diagnostics/catalogue.js';
import { checkGeoJSON } from '../formats/geojson/checkGeoJSON.js';
import { geoJSONFeatures } from '../formats/geojson/readGeoJSON.js';
import { labelPoint, type Position } from '../geometry/labelPoint.js';
import type { Diagnostic } from '../model/types.js';
import { featureRow, labelFeature, type LabelFeature, type LayerId, type Row } from './rows.js';

export interface LayerFeatureRow {
  row: Row;
  feature: { type: 'Feature'; id: string; properties: Record<string, unknown>; geometry: unknown };
  /** Outer rings, [lon, lat]. */
  rings: Position[][];
  label: LabelFeature | null;
}

/**
 * `layer` null: each feature's own `layer` property decides. `idFor(baseId, n)` gives the page's id of feature n
 * (1-based) whose own id is baseId, so that the page can keep ids unique across files.
 */
export function layerRows(value: unknown, file: string, layer: LayerId | null, imported: boolean, idFor: (baseId: string, n: number) => string): { items: LayerFeatureRow[]; diagnostics: Diagnostic[] } {
  const at = { file, line: 0 };
  const diagnostics: Diagnostic[] = [];
  const problems = checkGeoJSON(value);
  if (problems.length > 0) {
    const first = problems.slice(0, 3).map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ');
    diagnostics.push(diagnose('geojson-not-rfc7946', at, { count: problems.length, first }));
  }
  const items: LayerFeatureRow[] = [];
  let skipped = 0;
  geoJSONFeatures(value).forEach((f, i) => {
    const rings = (f.polygons ?? []).map((poly) => poly[0]!.map(([x, y]) => [x!, y!] as Position)).filter((r) => r.length >= 3);
    if (rings.length === 0) {
      skipped++;
      return;
    }
    const props = f.properties;
    const featureLayer: LayerId = layer ?? (props.layer === 'mining' || props.layer === 'planning' ? props.layer : 'parcel');
    const id = idFor(String(props.id ?? f.id ?? `${file}#${i + 1}`), i + 1);
    const row = featureRow(id, featureLayer, props, rings, file, imported);
    const feature = { type: 'Feature' as const, id, properties: { ...props, id, layer: featureLayer, status: row.status, doc: row.doc, ...(imported ? { imported: true } : {}) }, geometry: f.geometry };
    items.push({ row, feature, rings, label: labelFeature(row, labelPoint(rings)) });
  });
  if (skipped > 0) diagnostics.push(diagnose('layer-features-not-polygons', at, { count: skipped }));
  return { items, diagnostics };
}
