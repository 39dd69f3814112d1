import type { PgClient } from "../../pg/pool.js";

/** How many of the documents' passages hold each token. */
const GONE_TERMS = `SELECT token, count(*)::int AS n
  FROM index_passages p CROSS JOIN LATERAL unnest(p.tokens) AS token
  WHERE p.doc = ANY($1::text[]) GROUP BY token`;

/**
 * Removes documents inside the caller's transaction (which holds the stats row): their passages leave the
 * term counts and the totals, then the documents go (their passages with them, ON DELETE CASCADE).
 */
export async function removeDocuments(client: PgClient, docs: string[]): Promise<void> {
  if (docs.length === 0) return;
  // A term whose last passages go is deleted, never kept at 0 (the table's CHECK says so).
  await client.query(
    `DELETE FROM index_terms t USING (${GONE_TERMS}) g WHERE t.token = g.token AND t.df <= g.n`,
    [docs],
  );
  await client.query(
    `UPDATE index_terms t SET df = t.df - g.n FROM (${GONE_TERMS}) g WHERE t.token = g.token`,
    [docs],
  );
  await client.query(
    `UPDATE index_stats s SET passages = s.passages - g.n, total_length = s.total_length - g.len
     FROM (SELECT count(*) AS n, coalesce(sum(length), 0) AS len FROM index_passages WHERE doc = ANY($1::text[])) g`,
    [docs],
  );
  await client.query("DELETE FROM index_documents WHERE doc = ANY($1::text[])", [docs]);
}
