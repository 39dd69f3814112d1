import type { PgMigration } from "../../pg/migrations.js";

/**
 * The passage index in PostgreSQL (migration 2). A passage's distinct jieba tokens are kept as written (`tokens`,
 * for the term counts when it is removed), as a `tsvector` of hex-encoded lexemes (`lexemes`, GIN-indexed; no
 * text-search parser or dictionary ever touches them), with the counts of the tokens it holds more than once
 * (`repeats`) and its number of distinct tokens (`length`): all that scoring reads. `index_terms` and `index_stats` are kept exact in the transaction of every add
 * and remove: a search reads document frequencies, the passage count and the average length from them. The
 * counters for the next passage id and the order of addition live in the stats row rather than in sequences:
 * they roll back with a failed add, so ids stay contiguous and equal to the embedded index's for the same history.
 * `version` counts committed adds and removes: a replica that polls it sees any change, notified or not.
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
      facts JSONB NOT NULL,
      tokens TEXT[] NOT NULL,
      repeats JSONB NOT NULL,
      length INTEGER NOT NULL,
      lexemes TSVECTOR NOT NULL
    );
    CREATE INDEX index_passages_doc ON index_passages (doc);
    CREATE INDEX index_passages_lexemes ON index_passages USING GIN (lexemes);
    CREATE TABLE index_terms (token TEXT PRIMARY KEY, df INTEGER NOT NULL CHECK (df > 0));
    CREATE TABLE index_stats (
      one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
      passages BIGINT NOT NULL,
      total_length BIGINT NOT NULL,
      next_passage BIGINT NOT NULL,
      next_document BIGINT NOT NULL,
      version BIGINT NOT NULL
    );
    INSERT INTO index_stats (passages, total_length, next_passage, next_document, version) VALUES (0, 0, 0, 0, 0);
  `,
};
