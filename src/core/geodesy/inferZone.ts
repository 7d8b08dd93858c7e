// Which Gauss–Krüger zone a surveying Y (easting) belongs to. Gazettes rarely name their CRS, so the zone prefix in
// front of an 8-digit Y is the only evidence of the zone; an unprefixed Y is ambiguous across every zone, and we
// refuse to guess. The datum cannot be seen in the numbers at all: it comes from the text (see datum.ts).
import { epsgForZone, zoneFromEpsg } from './crs.js';
import type { Datum, ZoneInfo } from '../model/types.js';

export type ZoneInference = { zone: ZoneInfo } | { error: 'zone-unknown' | 'zone-prefix-invalid'; prefix?: number };

export interface InferZoneOptions {
  /** The zone named by the text (带号, 中央子午线), a file header or the user; only used for unprefixed Y. */
  zone?: { width: 3 | 6; zone: number };
  /** The datum the text names; CGCS2000 when absent. */
  datum?: Datum;
}

// Any zone prefix (13–45) makes Y at least 13 000 000, while an unprefixed easting stays well below 10⁶ (a 6° zone
// reaches ≈ ±330 km from its 500 000 m false easting). So Y ≥ 10⁶ means "has a prefix", and a 7-digit Y, typically
// an X pasted into the Y column, shows up as an invalid prefix 1–9 instead of slipping through.
const PREFIX_UNIT = 1e6;

/** Throws a RangeError when options.zone itself is not a Gauss–Krüger zone (see epsgForZone). */
export function inferZone(easting: number, options: InferZoneOptions = {}): ZoneInference {
  if (easting >= PREFIX_UNIT) {
    const prefix = Math.floor(easting / PREFIX_UNIT);
    const width = prefix >= 25 && prefix <= 45 ? 3 : prefix >= 13 && prefix <= 23 ? 6 : null;
    if (width === null) return { error: 'zone-prefix-invalid', prefix };
    return { zone: zoneFromEpsg(epsgForZone(width, prefix, true, options.datum))! };
  }
  if (!options.zone) return { error: 'zone-unknown' };
  return { zone: zoneFromEpsg(epsgForZone(options.zone.width, options.zone.zone, false, options.datum))! };
}
