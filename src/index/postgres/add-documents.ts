import type { Gazetteer } from "../../lexicon/places.js";
import { inTransaction, type PgClient, type PgPool } from "../../pg/pool.js";
import type { IndexInput } from "../corpus-index.js";
import type { IndexedDocument } from "../passage-index.js";
import { documentRows, type PassageRow } from "./document-rows.js";
import { removeDocuments } from "./remove-documents.js";

/**
 * Once the passages added since the postings were last vacuumed make up this share of the index, the add that
 * crosses it runs `VACUUM (ANALYZE)` on them: a search's index-only scan reads a posting's row only on a page the
 * visibility map does not mark all-visible, and only a vacuum marks it (autovacuum waits for a fifth of the table
 * to be new, and up to a minute). The same rule refreshes the statistics of the tables a search reads while a
 * new corpus grows: without them the planner reads the whole postings table for each question. (The passage rows
 * are read by key alone; autovacuum analyzes them.)
 */
const VACUUM_SHARE = 0.05;

/** Passages written per INSERT: a few MB of JSON at most. */
const PASSAGES_PER_INSERT = 1000;

/**
 * Adds documents in one transaction (a reader sees all of them or none), replacing any under the same name. The
 * stats row is locked first: writers take turns, so passage ids are contiguous per document and the counts
 * exact. Segmenting and computing facts happen before the transaction, outside the lock; the vacuum after it.
 */
export async function addDocuments(pool: PgPool, gazetteer: Gazetteer, docs: IndexInput[]): Promise<void> {
  if (docs.length === 0) return;
  const names = [...new Set(docs.map((d) => d.meta.doc))];
  // Numbered from 0 here; shifted by the ids already used once the transaction knows them.
  const rows = documentRows(gazetteer, docs, 0);
  const vacuum = await inTransaction(pool, async (c) => {
    const counters = await c.query<{ next_passage: string; next_document: string }>(
      "SELECT next_passage, next_document FROM index_stats FOR UPDATE",
    );
    const first = Number(counters.rows[0]?.next_passage ?? 0);
    const added = Number(counters.rows[0]?.next_document ?? 0);
    await removeDocuments(c, names);
    await insertDocuments(c, rows.documents, first, added);
    for (let i = 0; i < rows.passages.length; i += PASSAGES_PER_INSERT)
      await insertPassages(c, rows.passages.slice(i, i + PASSAGES_PER_INSERT), first);
    await c.query(
      `INSERT INTO index_terms (token, df) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (token) DO UPDATE SET df = index_terms.df + excluded.df`,
      [[...rows.df.keys()], [...rows.df.values()]],
    );
    const length = rows.passages.reduce((sum, p) => sum + p.tokens.length, 0);
    return countAdd(c, rows.passages.length, length, rows.consumed, rows.documents.length);
  });
  if (vacuum) await pool.query("VACUUM (ANALYZE) index_postings, index_terms");
}

/**
 * Moves the totals and counters by an add; true when the passages added since the last vacuum reach
 * `VACUUM_SHARE` of the index (the count starts again: the caller vacuums once committed).
 */
async function countAdd(c: PgClient, passages: number, length: number, consumed: number, documents: number) {
  const r = await c.query<{ vacuum: boolean }>(
    `UPDATE index_stats SET passages = passages + $1, total_length = total_length + $2,
       next_passage = next_passage + $3, next_document = next_document + $4, version = version + 1,
       unvacuumed = CASE WHEN unvacuumed + $1 >= (passages + $1) * $5::float8 THEN 0 ELSE unvacuumed + $1 END
     RETURNING unvacuumed = 0 AND $1 > 0 AS vacuum`,
    [passages, length, consumed, documents, VACUUM_SHARE],
  );
  return r.rows[0]?.vacuum === true;
}

async function insertDocuments(c: PgClient, documents: IndexedDocument[], first: number, added: number) {
  const json = documents.map((d, i) => ({
    doc: d.meta.doc,
    added: added + i,
    meta: d.meta,
    articles: d.articles,
    article_years: d.articleYears,
    home: d.home,
    hash: d.hash,
    first_passage: first + (d.passageIds[0] ?? 0),
    passage_count: d.passageIds.length,
  }));
  await c.query(
    `INSERT INTO index_documents
       (doc, added, meta, articles, article_years, home, hash, first_passage, passage_count)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(doc text, added bigint, meta jsonb, articles jsonb,
       article_years jsonb, home text, hash text, first_passage bigint, passage_count integer)`,
    [JSON.stringify(json)],
  );
}

/** Writes passages and their postings (sorted by the primary key: neighbouring entries share index pages). */
async function insertPassages(c: PgClient, passages: PassageRow[], first: number) {
  const json = passages.map((p) => ({
    id: first + p.passage.id,
    doc: p.passage.doc,
    passage: { ...p.passage, id: first + p.passage.id },
    facts: p.facts,
  }));
  await c.query(
    `INSERT INTO index_passages (id, doc, passage, facts)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, doc text, passage jsonb, facts jsonb)`,
    [JSON.stringify(json)],
  );
  const postings = passages.flatMap((p) =>
    p.tokens.map((token, i) => [token, first + p.passage.id, p.tf[i] ?? 1, p.tokens.length] as const),
  );
  await c.query(
    `INSERT INTO index_postings (token, passage, tf, length)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[]) ORDER BY 1, 2`,
    [0, 1, 2, 3].map((k) => postings.map((row) => row[k])),
  );
}
