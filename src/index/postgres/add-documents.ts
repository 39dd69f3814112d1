import type { Gazetteer } from "../../lexicon/places.js";
import { inTransaction, type PgClient, type PgPool } from "../../pg/pool.js";
import type { IndexInput } from "../corpus-index.js";
import type { IndexedDocument } from "../passage-index.js";
import { documentRows, type PassageRow } from "./document-rows.js";
import { removeDocuments } from "./remove-documents.js";

/**
 * An add that makes up at least this share of the index (each of a new corpus's first documents) refreshes the
 * planner's statistics at once: without them the planner scans every passage instead of using the GIN index, and
 * autovacuum may take a minute to notice.
 */
const REANALYZE_SHARE = 0.1;

/** Passages written per INSERT: a few MB of JSON at most. */
const PASSAGES_PER_INSERT = 1000;

/**
 * Adds documents in one transaction (a reader sees all of them or none), replacing any under the same name. The
 * stats row is locked first: writers take turns, so passage ids are contiguous per document and the counts
 * exact. Segmenting and computing facts happen before the transaction, outside the lock.
 */
export async function addDocuments(pool: PgPool, gazetteer: Gazetteer, docs: IndexInput[]): Promise<void> {
  if (docs.length === 0) return;
  const names = [...new Set(docs.map((d) => d.meta.doc))];
  // Numbered from 0 here; shifted by the ids already used once the transaction knows them.
  const rows = documentRows(gazetteer, docs, 0);
  const live = await inTransaction(pool, async (c) => {
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
    const after = await c.query<{ passages: string }>(
      `UPDATE index_stats SET passages = passages + $1, total_length = total_length + $2,
         next_passage = next_passage + $3, next_document = next_document + $4, version = version + 1
       RETURNING passages`,
      [
        rows.passages.length,
        rows.passages.reduce((sum, p) => sum + p.length, 0),
        rows.consumed,
        rows.documents.length,
      ],
    );
    return Number(after.rows[0]?.passages ?? 0);
  });
  if (rows.passages.length >= live * REANALYZE_SHARE) await pool.query("ANALYZE index_passages, index_terms");
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

async function insertPassages(c: PgClient, passages: PassageRow[], first: number) {
  const json = passages.map((p) => ({
    id: first + p.passage.id,
    doc: p.passage.doc,
    passage: { ...p.passage, id: first + p.passage.id },
    facts: p.facts,
    tokens: p.tokens,
    repeats: p.repeats,
    length: p.length,
    lexemes: p.lexemes,
  }));
  await c.query(
    `INSERT INTO index_passages (id, doc, passage, facts, tokens, repeats, length, lexemes)
     SELECT id, doc, passage, facts, tokens, repeats, length, array_to_tsvector(lexemes)
     FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, doc text, passage jsonb, facts jsonb, tokens text[],
       repeats jsonb, length integer, lexemes text[])`,
    [JSON.stringify(json)],
  );
}
