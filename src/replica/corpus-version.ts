import type { PgPool } from "../pg/pool.js";

/** The channel a replica that changed the corpus notifies, with the corpus version as the payload. */
export const CORPUS_CHANNEL = "corpus_changed";

/** The corpus version: counts every committed add and remove of the passage index (0 before any). */
export async function readCorpusVersion(pool: PgPool): Promise<number> {
  const r = await pool.query<{ version: string }>("SELECT version FROM index_stats");
  return Number(r.rows[0]?.version ?? 0);
}

/** Tells every listening replica the corpus changed (delivered to each listener once this statement commits). */
export async function notifyCorpusChanged(pool: PgPool): Promise<number> {
  const version = await readCorpusVersion(pool);
  await pool.query("SELECT pg_notify($1, $2)", [CORPUS_CHANNEL, String(version)]);
  return version;
}
