import { PASSAGE_INDEX_MIGRATION } from "../index/postgres/schema.js";
import { ADVISORY_LOCKS } from "./locks.js";
import { inTransaction, type PgPool } from "./pool.js";

/** One schema change of the PostgreSQL database: applied once, in order, inside a transaction. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** The PostgreSQL schema, as an ordered list; append new migrations, never edit applied ones. */
export const PG_MIGRATIONS: PgMigration[] = [PASSAGE_INDEX_MIGRATION];

/**
 * Applies the migrations the database has not seen yet, under an advisory lock (replicas starting together
 * migrate once); returns the schema version afterwards.
 */
export async function migratePg(
  pool: PgPool,
  at: Date,
  migrations: PgMigration[] = PG_MIGRATIONS,
): Promise<number> {
  const lock = await pool.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.migrate.toString()]);
    await pool.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const applied = new Set(
      (await pool.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      // All or nothing: a failed migration leaves the previous schema and no version row.
      await inTransaction(pool, async (c) => {
        await c.query(m.sql);
        await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          at,
        ]);
      });
    }
    return await pgSchemaVersion(pool);
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.migrate.toString()]).catch(() => {});
    lock.release();
  }
}

/** The highest applied migration (0 on an empty database). */
export async function pgSchemaVersion(pool: PgPool): Promise<number> {
  const exists = await pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS e");
  if (!exists.rows[0]?.e) return 0;
  const r = await pool.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations");
  return r.rows[0]?.v ?? 0;
}
