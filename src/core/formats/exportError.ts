// A download that cannot be written at all (parcels in several zones for a one-zone format). The writers
// return their problems as coded diagnostics; exportParcels and the 国土 TXT writer, whose callers expect an
// exception, throw this one carrying the diagnostic, with its English message as the error's.
import type { Diagnostic } from '../model/types.js';

export class ExportError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}
