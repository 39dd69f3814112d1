import type { PgPool } from "../../pg/pool.js";
import type { SearchHit } from "../passage-index.js";
import { splitTokens } from "../tokens.js";
import { lexemeOf } from "./document-rows.js";

/**
 * MiniSearch's BM25+ parameters (its defaults, which the embedded index uses): term saturation k, length
 * normalisation b, and the floor d every matching term adds.
 */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * Passages holding any of the tokens, scored as MiniSearch scores them: for each query term in order, idf from
 * the term's document frequency and the passage count, times the BM25+ term weight from its frequency in the
 * passage, its distinct-term count and the average over live passages; summed left to right over the terms (a
 * repeated term counts twice), so equal passages tie exactly; times the number of distinct query terms the
 * passage holds. Best first, ties by id. One statement: the GIN index on the hex lexemes finds the candidates,
 * and only `limit` rows come back.
 */
export async function searchPassages(pool: PgPool, tokens: string[], limit: number): Promise<SearchHit[]> {
  // MiniSearch splits the joined query again: an empty token is no term, a spaced one is two.
  const terms = splitTokens(tokens.join(" "));
  if (terms.length === 0 || limit <= 0) return [];
  const lexemes = terms.map(lexemeOf);
  const query = [...new Set(lexemes)].join(" | ");
  const r = await pool.query<{ id: string; score: number }>(searchSql(terms), [terms, query, limit, lexemes]);
  return r.rows.map((row) => ({ id: Number(row.id), score: row.score }));
}

/**
 * The statement for these query terms (their values are parameters; only how many there are and which repeat
 * shape the text). The candidates (GIN index) and their term frequencies are computed once each (MATERIALIZED:
 * the planner would otherwise copy the frequency array into every use); the score is written out term by term
 * so that the sum keeps their order.
 */
export function searchSql(terms: string[]): string {
  const count = terms.length;
  const f = (x: number) => `${x}::float8`;
  const ords = Array.from({ length: count }, (_v, i) => i + 1);
  // A term's frequency: 0 unless the passage's lexemes hold it, then its count among the repeats, else 1.
  const tf = ords.map(
    (i) =>
      `CASE WHEN p.lexemes @@ ($4::tsquery[])[${i}] ` +
      `THEN coalesce((p.repeats ->> ($1::text[])[${i}])::float8, 1) ELSE 0 END`,
  );
  const termScore = (i: number) =>
    `CASE WHEN c.tf[${i}] > 0 THEN w.idf[${i}] * (${f(BM25.d)} + c.tf[${i}] * ${f(BM25.k + 1)} / (c.tf[${i}] + ` +
    `${f(BM25.k)} * (${f(1 - BM25.b)} + ${f(BM25.b)} * c.length / s.avg))) ELSE 0 END`;
  const sum = ords.map(termScore).reduce((total, t) => `(${total} + ${t})`);
  // MiniSearch multiplies the sum by how many of the query's distinct terms the passage holds.
  const distinct = ords.filter((i) => terms.indexOf(terms[i - 1] as string) === i - 1);
  const quality = distinct.map((i) => `(CASE WHEN c.tf[${i}] > 0 THEN 1 ELSE 0 END)`).join(" + ");
  const score = `${sum} * (${quality})`;
  return `WITH s AS MATERIALIZED (
      SELECT passages::float8 AS n, CASE WHEN passages > 0 THEN total_length::float8 / passages ELSE 0 END AS avg
      FROM index_stats LIMIT 1),
    w AS MATERIALIZED (
      SELECT array_agg(ln(1 + (s.n - coalesce(t.df, 0) + ${f(0.5)}) / (coalesce(t.df, 0) + ${f(0.5)}))
        ORDER BY q.ord) AS idf
      FROM s CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS q(token, ord)
      LEFT JOIN index_terms t ON t.token = q.token),
    c AS MATERIALIZED (
      SELECT p.id, p.length, ARRAY[${tf.join(", ")}]::float8[] AS tf
      FROM index_passages p WHERE p.lexemes @@ $2::tsquery)
    SELECT id, score FROM (SELECT c.id, ${score} AS score FROM c CROSS JOIN s CROSS JOIN w) hit
    WHERE score > 0
    ORDER BY score DESC, id
    LIMIT $3`;
}
