import type { PgPool } from "../../pg/pool.js";
import type { SearchHit } from "../passage-index.js";
import { splitTokens } from "../tokens.js";

/**
 * MiniSearch's BM25+ parameters (its defaults, which the embedded index uses): term saturation k, length
 * normalisation b, and the floor d every matching term adds.
 */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** A search as one statement: its text and parameters (EXPLAIN runs the same). */
export interface SearchStatement {
  text: string;
  values: unknown[];
}

/**
 * Passages holding any of the tokens, scored as MiniSearch scores them: for each query term in order, idf from
 * the term's document frequency and the passage count, times the BM25+ term weight from its frequency in the
 * passage, its distinct-term count and the average over live passages; summed left to right over the terms (a
 * repeated term counts twice), so equal passages tie exactly; times the number of distinct query terms the
 * passage holds. Best first, ties by id; only `limit` rows come back.
 */
export async function searchPassages(pool: PgPool, tokens: string[], limit: number): Promise<SearchHit[]> {
  const statement = searchStatement(tokens, limit);
  if (!statement) return [];
  const r = await pool.query<{ id: string; score: number }>(statement.text, statement.values);
  return r.rows.map((row) => ({ id: Number(row.id), score: row.score }));
}

/** The statement searchPassages runs, or null when there is nothing to search for. */
export function searchStatement(tokens: string[], limit: number): SearchStatement | null {
  // MiniSearch splits the joined query again: an empty token is no term, a spaced one is two.
  const terms = splitTokens(tokens.join(" "));
  if (terms.length === 0 || limit <= 0) return null;
  return { text: searchSql(terms.length), values: [terms, limit] };
}

/**
 * The statement for `count` query terms ($1, in order; $2 the limit). Each term's postings come from the primary
 * key's leaf entries alone (token, passage, tf, length: an index-only scan), one BM25+ part per (term, passage);
 * the parts are gathered per passage into one column per term and added in the terms' order (a missing term adds
 * an exact 0), so the sum never depends on the order the database groups rows in. `first` marks a term's first
 * place in the query: their count is MiniSearch's number of distinct query terms the passage holds.
 */
export function searchSql(count: number): string {
  const f = (x: number) => `${x}::float8`;
  const ords = Array.from({ length: count }, (_v, i) => i + 1);
  const part =
    `w.idf * (${f(BM25.d)} + p.tf * ${f(BM25.k + 1)} / (p.tf + ` +
    `${f(BM25.k)} * (${f(1 - BM25.b)} + ${f(BM25.b)} * p.length / s.avg)))`;
  const columns = ords.map((i) => `coalesce(sum(h.part) FILTER (WHERE h.ord = ${i}), 0)`);
  const sum = columns.reduce((total, c) => `(${total} + ${c})`);
  return `WITH s AS MATERIALIZED (
      SELECT passages::float8 AS n, CASE WHEN passages > 0 THEN total_length::float8 / passages ELSE 0 END AS avg
      FROM index_stats LIMIT 1),
    w AS MATERIALIZED (
      SELECT q.token, q.ord, (q.ord = min(q.ord) OVER (PARTITION BY q.token))::int AS first,
        ln(1 + (s.n - coalesce(t.df, 0) + ${f(0.5)}) / (coalesce(t.df, 0) + ${f(0.5)})) AS idf
      FROM s CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS q(token, ord)
      LEFT JOIN index_terms t ON t.token = q.token),
    h AS MATERIALIZED (
      SELECT p.passage, w.ord, w.first, ${part} AS part
      FROM w JOIN index_postings p ON p.token = w.token CROSS JOIN s)
    SELECT h.passage AS id, ${sum} * sum(h.first) AS score FROM h
    GROUP BY h.passage
    ORDER BY score DESC, id
    LIMIT $2`;
}
