import { postgresPassageIndex } from "../../src/index/postgres/postgres-passage-index.js";
import type { Gazetteer } from "../../src/lexicon/places.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool } from "../../src/pg/pool.js";
import { REPORTS_CORPUS, remoteEquivalenceSuite, SEEDS_CORPUS } from "../engine/remote-equivalence.js";
import { createTestDatabase, describePg } from "../pg/pg-database.js";

// The engine's remote path over the PostgreSQL index: the same replies, examples, digest figures and topic
// matches as the embedded engine, for every golden, dev and reports-dev case.
const inPostgres = async (gazetteer: Gazetteer) => {
  const db = await createTestDatabase();
  const pool = openPool(db.url);
  await migratePg(pool, new Date("2026-01-01T00:00:00Z"));
  return {
    index: postgresPassageIndex(pool, gazetteer),
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
};

remoteEquivalenceSuite(
  "the engine over the PostgreSQL index, on the seeds: the same replies as in process",
  inPostgres,
  SEEDS_CORPUS,
  describePg,
);
remoteEquivalenceSuite(
  "the engine over the PostgreSQL index, on the 2026 reports: the same replies as in process",
  inPostgres,
  REPORTS_CORPUS,
  describePg,
);
