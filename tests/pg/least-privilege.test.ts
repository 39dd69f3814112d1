import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openReplica } from "../../adapters/open-replica.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool } from "../../src/pg/pool.js";
import { tryOpenPostgresStore } from "../../src/store/postgres/open-postgres-store.js";
import { createTestDatabase, describePg, PG_URL, type TestDatabase } from "./pg-database.js";

let db: TestDatabase;
const role = `pfb_rw_${randomBytes(4).toString("hex")}`;
let roleUrl: string;

/** Runs statements as the server's owner, on the test database or on the server's own. */
async function asOwner(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describePg("a role that may only read and write rows", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = openPool(db.url);
    await migratePg(owner, new Date("2026-01-01T00:00:00Z"));
    await owner.end();
    await asOwner(PG_URL, `CREATE ROLE ${role} LOGIN`);
    await asOwner(
      db.url,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    );
    const u = new URL(db.url);
    u.username = role;
    roleUrl = u.toString();
  });
  afterAll(async () => {
    await db?.drop();
    await asOwner(PG_URL, `DROP ROLE IF EXISTS ${role}`);
  });

  it("opens the store and a replica on a database the owner migrated", async () => {
    const opening = await tryOpenPostgresStore(roleUrl);
    expect(opening.kind).toBe("open");
    if (opening.kind === "open") await opening.store.close();
    const replica = await openReplica(
      roleUrl,
      { corpusDir: "seeds" },
      { startSync: "none", listen: false, log: () => {} },
    );
    expect(replica.engine.sources()).toEqual([]);
    await replica.close();
  });

  it("is told to run migrate as the database owner when a migration is due, on the store and the index", async () => {
    await asOwner(db.url, "DROP TABLE corpus_identity; DELETE FROM schema_migrations WHERE version = 3");
    const opening = await tryOpenPostgresStore(roleUrl);
    expect(opening.kind).toBe("unavailable");
    if (opening.kind === "unavailable")
      expect(opening.problem.fix).toContain("run `npm run cli -- migrate` as the database owner");
    await expect(
      openReplica(roleUrl, { corpusDir: "seeds" }, { startSync: "none", listen: false, log: () => {} }),
    ).rejects.toThrow(
      /^INDEX_UNAVAILABLE: the passage index in PostgreSQL \(.*\) cannot be used: permission denied .* — the user in DATABASE_URL may not change the schema: run `npm run cli -- migrate` as the database owner$/,
    );
  });
});
