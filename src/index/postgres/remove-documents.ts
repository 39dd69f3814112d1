import type { PgClient } from "../../pg/pool.js";

/**
 * Removes documents inside the caller's transaction (which holds the stats row), in one statement: their postings
 * go (found by passage), each token they held loses that many passages from its document frequency (a term whose
 * last passages go is deleted, never kept at 0: the table's CHECK says so), the totals lose their passages and
 * their lengths (a passage's length is its number of postings), then the documents go (their passages with them,
 * ON DELETE CASCADE). The sub-statements see one snapshot, and each term row is either deleted or lowered.
 */
export async function removeDocuments(client: PgClient, docs: string[]): Promise<void> {
  if (docs.length === 0) return;
  await client.query(
    `WITH ids AS (SELECT id FROM index_passages WHERE doc = ANY($1::text[])),
      gone AS (DELETE FROM index_postings WHERE passage IN (SELECT id FROM ids) RETURNING token),
      counts AS (SELECT token, count(*)::int AS n FROM gone GROUP BY token),
      dropped AS (DELETE FROM index_terms t USING counts g WHERE t.token = g.token AND t.df <= g.n),
      lowered AS (UPDATE index_terms t SET df = t.df - g.n FROM counts g WHERE t.token = g.token AND t.df > g.n),
      totals AS (UPDATE index_stats SET passages = passages - (SELECT count(*) FROM ids),
        total_length = total_length - (SELECT count(*) FROM gone))
    DELETE FROM index_documents WHERE doc = ANY($1::text[])`,
    [docs],
  );
}
