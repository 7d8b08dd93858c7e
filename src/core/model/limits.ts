// How much work one input may cost. One policy for every reader, the CLI and the page: a hostile or broken
// file (a zip bomb, a corrupt length field, a device, a self-crossing ring of 15 000 points) must end in a
// coded diagnostic within a bounded time and memory, never in an out-of-memory crash.

export interface ResourceLimits {
  /** Bytes read from one input, counted while reading (devices and pipes report no size). */
  inputBytes: number;
  /** Uncompressed bytes inflated from one archive (zip, docx, kmz), over all the entries a format needs. */
  archiveBytes: number;
  /** Entries listed in one archive. */
  archiveEntries: number;
  /** Elements parsed from one XML document (docx, kml). */
  xmlElements: number;
  /** Self-intersections listed per ring; the search stops there and says that it did. */
  crossingsListed: number;
  /** Vertices of one ring; a boundary of more is refused rather than checked. */
  ringVertices: number;
  /** Vertices of two rings together, with their crossings, beyond which the exact clipper does not compute their overlap. */
  overlapVertices: number;
}

/**
 * The largest real inputs are a few MB (a year of gazettes, a county's coordinate file) and the largest real
 * boundaries a few thousand vertices; the defaults leave two orders of magnitude above that.
 */
export const DEFAULT_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  inputBytes: 200e6,
  archiveBytes: 500e6,
  archiveEntries: 10_000,
  xmlElements: 5_000_000,
  crossingsListed: 100,
  ringVertices: 200_000,
  overlapVertices: 10_000,
});

/** The defaults with a caller's overrides; a value that is not a positive finite number keeps the default. */
export function resolveLimits(overrides: Partial<ResourceLimits> = {}): ResourceLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof ResourceLimits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}
