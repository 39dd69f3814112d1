import type { Gazetteer } from "../../lexicon/places.js";
import { inTransaction, type PgPool } from "../../pg/pool.js";
import type { PassageIndex } from "../passage-index.js";
import { addDocuments } from "./add-documents.js";
import { listDocuments, listVersionedDocuments, loadPassages, termFrequencies } from "./read-index.js";
import { removeDocuments } from "./remove-documents.js";
import { searchPassages } from "./search-passages.js";

/**
 * The passage index in PostgreSQL (schema: migration 2, `PASSAGE_INDEX_MIGRATION`): shared by every replica on
 * the database, with the same hits, scores, passages, facts and documents as the embedded index given the same
 * history of adds and removes. The gazetteer is the one the embedded index would use: it decides the places in
 * the facts.
 */
export function postgresPassageIndex(pool: PgPool, gazetteer: Gazetteer): PassageIndex {
  return {
    add: (docs) => addDocuments(pool, gazetteer, docs),
    remove: (doc) =>
      inTransaction(pool, async (c) => {
        const found = await c.query("SELECT 1 FROM index_documents WHERE doc = $1", [doc]);
        if (found.rowCount === 0) return;
        await c.query("UPDATE index_stats SET version = version + 1");
        await removeDocuments(c, [doc]);
      }),
    search: (tokens, limit) => searchPassages(pool, tokens, limit),
    load: (ids) => loadPassages(pool, ids),
    frequencies: (tokens) => termFrequencies(pool, tokens),
    documents: () => listDocuments(pool),
    versionedDocuments: () => listVersionedDocuments(pool),
  };
}
