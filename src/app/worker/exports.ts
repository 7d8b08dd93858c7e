// Downloads: the core's writers on the chosen records. They load on the first download, so none of them is in
// the worker's start-up code; what stops a file is said as coded diagnostics.
import type { Diagnostic, Parcel } from '../../core/model/types.js';
import type { ExportedFile } from '../../core/formats/exportParcels.js';
import type { ExportRequestOptions } from '../state/model.js';
import { store } from './store.js';

export type ExportReply = { ok: true; file: ExportedFile } | { ok: false; diagnostics: Diagnostic[] };

export async function exportFile(format: string, ids: string[] | null, options: ExportRequestOptions): Promise<ExportReply> {
  const { tryExportParcels, EXPORT_FORMATS } = await import('../../core/formats/exportParcels.js');
  const known = EXPORT_FORMATS.find((f) => f === format);
  // The menu offers only the core's formats; anything else is a page bug, not the user's doing.
  if (!known) throw new Error(`unknown format: ${format}`);
  const chosen = ids ? ids.map((id) => store.entries.get(id)) : [...store.entries.values()];
  const parcels: Parcel[] = [];
  for (const e of chosen) if (e?.kind === 'parcel') parcels.push(e.parcel);
  return tryExportParcels(parcels, known, options);
}
