import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { openReplica, type Replica, type ReplicaOptions } from "../../adapters/open-replica.js";
import { ADVISORY_LOCKS } from "../../src/pg/locks.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

const NEW_DOC = "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n";

let db: TestDatabase;
let admin: PgPool;
let corpus: string;
const opened: Replica[] = [];

async function replica(o: Partial<ReplicaOptions> = {}) {
  const log: string[] = [];
  const r = await openReplica(
    db.url,
    { corpusDir: corpus },
    { startSync: "try", listen: false, pollMs: 3_600_000, log: (l) => log.push(l), ...o },
  );
  opened.push(r);
  return { ...r, log };
}

/** The backend holding an advisory lock (default: the corpus-sync one), if one does. */
async function lockHolder(key: bigint = ADVISORY_LOCKS.corpusSync, url?: string): Promise<number | null> {
  const sql = `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
     WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $2
       AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint`;
  const name = new URL(url ?? db.url).pathname.slice(1);
  const r = await admin.query<{ pid: number }>(sql, [key.toString(), name]);
  return r.rows[0]?.pid ?? null;
}

const indexed = async () =>
  (await admin.query<{ doc: string }>("SELECT doc FROM index_documents")).rows.map((r) => r.doc);

describePg("the corpus-sync lock's session", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    admin = openPool(db.url);
    await migratePg(admin, new Date("2026-01-01T00:00:00Z"));
    corpus = mkdtempSync(join(tmpdir(), "lock-sessions-"));
    cpSync("seeds", corpus, { recursive: true });
  });
  afterEach(async () => {
    for (const r of opened.splice(0)) await r.close();
    await admin.end();
    await db.drop();
    rmSync(corpus, { recursive: true, force: true });
  });

  it("ended by the server during a sync fails that sync with one clear error; the process and the replica live", async () => {
    const a = await replica({ startSync: "none" });
    // The sync's first add waits on the stats row, so that it is surely under way when its lock's session ends.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT * FROM index_stats FOR UPDATE");
    const syncing = a.engine.sync();
    syncing.catch(() => {});
    let pid: number | null = null;
    while (pid === null) pid = await lockHolder();
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await blocker.query("ROLLBACK");
    await blocker.end();
    await expect(syncing).rejects.toThrow(
      /^the corpus-sync lock's database session ended \(.*\); the lock is gone with it$/,
    );
    expect(await lockHolder()).toBeNull();
    // The next sync takes the lock again and runs.
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    await a.engine.sync();
    expect(await indexed()).toContain("yubei.txt");
  });

  it("a bot's start sync in the background: it answers from the database while the directory is being synced", async () => {
    await replica({ startSync: "try" });
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    // The start sync's first add waits on the stats row: the replica must be open and answering all the same.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT * FROM index_stats FOR UPDATE");
    const b = await replica({ startSync: "background" });
    const seeds = await b.engine.ask("高等教育毛入学率");
    expect(JSON.stringify(seeds)).toContain("63.5%");
    expect(await lockHolder()).not.toBeNull();
    expect(await indexed()).not.toContain("yubei.txt");
    await blocker.query("ROLLBACK");
    await blocker.end();
    await b.startSynced;
    expect(await indexed()).toContain("yubei.txt");
    expect(JSON.stringify(await b.engine.ask("渝北区新增公共停车位多少"))).toContain("1.2万个");
    expect(b.log).toContain("corpus: start sync: 1 added, 0 updated, 0 removed");
  });

  it("held by another replica: a file-watch sync skipped for it runs once the lock is free", async () => {
    const a = await replica({ busyRetryMs: 50 });
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.corpusSync.toString()]);
      writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
      expect((await a.engine.sync()).added).toEqual([]);
      await new Promise((r) => setTimeout(r, 200));
      expect(await indexed()).not.toContain("yubei.txt");
      await holder.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.corpusSync.toString()]);
    } finally {
      await holder.end();
    }
    await vi.waitFor(async () => expect(await indexed()).toContain("yubei.txt"), { timeout: 30_000 });
    await vi.waitFor(() => expect(a.log).toContain("corpus: added yubei.txt"));
  });

  it("ended by the server while migrations are applied: they complete, and the process lives", async () => {
    const fresh = await createTestDatabase();
    const pool = openPool(fresh.url);
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      // The migration waits on a lock the test holds, so that it is surely under way when the session ends.
      await holder.query("SELECT pg_advisory_lock(42)");
      const migrating = migratePg(pool, new Date(), [
        { version: 1, name: "waits", sql: "SELECT pg_advisory_xact_lock(42)" },
      ]);
      let pid: number | null = null;
      while (pid === null) pid = await lockHolder(ADVISORY_LOCKS.migrate, fresh.url);
      await holder.query("SELECT pg_terminate_backend($1)", [pid]);
      await holder.query("SELECT pg_advisory_unlock(42)");
      expect(await migrating).toBe(1);
    } finally {
      await holder.end();
      await pool.end();
      await fresh.drop();
    }
  });
});
