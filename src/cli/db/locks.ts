// Advisory-lock namespaces (the first key of pg_advisory_xact_lock(int, int)); migrations/ uses zoneView too.
export const LOCK = {
  /** A source file: two loaders of the same file take turns. */
  file: 19034,
  /** A bucket of 文号: loaders of different files that share a document take turns on it. */
  documents: 19035,
  /** A zone's typed view, taken in jiezhi.ensure_zone_view. */
  zoneView: 19036,
  migrations: 19037,
  /** The planning-block and mine rows that files share. */
  shared: 19038,
} as const;

/** Buckets rather than one lock per 文号, so that a file of a million documents stays within the lock table. */
export const DOCUMENT_BUCKETS = 256;
