import type { PgMigration } from "../../pg/migrations.js";

/**
 * The passage index in PostgreSQL (migration 2). A passage row holds what a question loads (the passage and its
 * facts); what scoring reads lives in `index_postings`, one row per (token, passage) with the token's count in the
 * passage (`tf`) and the passage's number of distinct tokens (`length`), all in the primary key's leaf entries:
 * a search reads only that index (an index-only scan), never a passage row, which made a search at 10,000
 * documents visit one 1.8 KB heap row per candidate under the GIN index it replaced. The postings are indexed by
 * passage too, for a remove: a document's postings tell which document frequencies to lower. Tokens compare
 * bytewise (COLLATE "C"). `index_terms` and `index_stats` are kept exact in the transaction of every add and
 * remove: a search reads document frequencies, the passage count and the average length from them. The counters
 * for the next passage id and the order of addition live in the stats row rather than in sequences: they roll
 * back with a failed add, so ids stay contiguous and equal to the embedded index's for the same history.
 * `version` counts committed adds and removes: a replica that polls it sees any change, notified or not.
 * `unvacuumed` counts the passages added since the postings were last vacuumed (an add decides by it when to
 * vacuum them: index-only scans need the visibility map).
 */
export const PASSAGE_INDEX_MIGRATION: PgMigration = {
  version: 2,
  name: "passage index",
  sql: `
    CREATE TABLE index_documents (
      doc TEXT PRIMARY KEY,
      added BIGINT NOT NULL UNIQUE,
      meta JSONB NOT NULL,
      articles JSONB NOT NULL,
      article_years JSONB NOT NULL,
      home TEXT,
      hash TEXT,
      first_passage BIGINT NOT NULL,
      passage_count INTEGER NOT NULL
    );
    CREATE TABLE index_passages (
      id BIGINT PRIMARY KEY,
      doc TEXT NOT NULL REFERENCES index_documents (doc) ON DELETE CASCADE,
      passage JSONB NOT NULL,
      facts JSONB NOT NULL
    );
    CREATE INDEX index_passages_doc ON index_passages (doc);
    CREATE TABLE index_postings (
      token TEXT COLLATE "C" NOT NULL,
      passage BIGINT NOT NULL,
      tf INTEGER NOT NULL CHECK (tf > 0),
      length INTEGER NOT NULL CHECK (length > 0),
      PRIMARY KEY (token, passage) INCLUDE (tf, length)
    );
    CREATE INDEX index_postings_passage ON index_postings (passage);
    CREATE TABLE index_terms (token TEXT COLLATE "C" PRIMARY KEY, df INTEGER NOT NULL CHECK (df > 0));
    CREATE TABLE index_stats (
      one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
      passages BIGINT NOT NULL,
      total_length BIGINT NOT NULL,
      next_passage BIGINT NOT NULL,
      next_document BIGINT NOT NULL,
      version BIGINT NOT NULL,
      unvacuumed BIGINT NOT NULL DEFAULT 0
    );
    INSERT INTO index_stats (passages, total_length, next_passage, next_document, version) VALUES (0, 0, 0, 0, 0);
  `,
};
