/**
 * The advisory lock keys the bot's processes agree on (pg_advisory_lock's bigint key space is shared by every
 * application on the database: these sit in a range of their own).
 */
export const ADVISORY_LOCKS = {
  /** Held while migrations are applied: two replicas starting together migrate once. */
  migrate: 7_301_000_001n,
  /** Held by the one replica that reads the corpus directory into the database (start, sync, ingest). */
  corpusSync: 7_301_000_002n,
} as const;
