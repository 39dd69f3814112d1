import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, expect, it, vi } from "vitest";
import { openReplica, type Replica, type ReplicaOptions } from "../../adapters/open-replica.js";
import type { Engine } from "../../src/engine.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

const CLOCK = () => new Date("2026-03-01T12:00:00+08:00");
const NEW_DOC = "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n";
const QUESTION = "渝北区新增公共停车位多少";

let db: TestDatabase;
let admin: PgPool;
let corpus: string;
const opened: Replica[] = [];
const lines: string[][] = [];

/** A replica (its own pool) over the shared corpus directory and database; its log lines in `lines`. */
async function replica(o: Partial<ReplicaOptions> = {}): Promise<Replica> {
  const log: string[] = [];
  lines.push(log);
  const r = await openReplica(
    db.url,
    { corpusDir: corpus, clock: CLOCK },
    { startSync: "try", listen: true, pollMs: 3_600_000, log: (l) => log.push(l), ...o },
  );
  opened.push(r);
  return r;
}

const figure = async (engine: Engine, q: string) => {
  const r = await engine.ask(q);
  return r.kind === "answer" ? (r.answers[0]?.figure?.text ?? null) : null;
};

/** How many times documents were added to the index (a document indexed twice counts twice). */
async function additions(): Promise<number> {
  const r = await admin.query<{ n: string }>("SELECT next_document AS n FROM index_stats");
  return Number(r.rows[0]?.n ?? 0);
}

const eventually = (check: () => void | Promise<void>) =>
  vi.waitFor(check, { timeout: 30_000, interval: 50 });

describePg("replicas sharing one PostgreSQL corpus", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    admin = openPool(db.url);
    await migratePg(admin, new Date("2026-01-01T00:00:00Z"));
    corpus = mkdtempSync(join(tmpdir(), "replicas-"));
    cpSync("seeds", corpus, { recursive: true });
  });
  afterEach(async () => {
    for (const r of opened.splice(0)) await r.close();
    await admin.end();
    await db.drop();
    rmSync(corpus, { recursive: true, force: true });
  });
  afterAll(() => {
    lines.length = 0;
  });

  it("answers on one replica a document synced through another, once notified", async () => {
    const [a, b] = [await replica(), await replica()];
    expect(await figure(b.engine, QUESTION)).toBeNull();
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    expect((await a.engine.sync()).added).toEqual(["yubei.txt"]);
    await eventually(async () => expect(await figure(b.engine, QUESTION)).toBe("1.2万个"));
  });

  it("answers it by polling alone when the replica does not listen", async () => {
    const a = await replica();
    const b = await replica({ listen: false, pollMs: 100 });
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    await a.engine.sync();
    await eventually(async () => expect(await figure(b.engine, QUESTION)).toBe("1.2万个"));
  });

  it("indexes each document once when replicas start and sync at once", async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const seeds = (await admin.query("SELECT doc FROM index_documents")).rowCount;
    expect(seeds).toBe(5);
    expect(await additions()).toBe(5);
    // The one that found the lock taken started empty and catches up when notified.
    await eventually(() => expect(b.engine.sources()).toHaveLength(5));
    await eventually(() => expect(a.engine.sources()).toHaveLength(5));
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    await Promise.all([a.engine.sync(), b.engine.sync(), a.engine.sync()]);
    await Promise.all([a.engine.sync(), b.engine.sync()]);
    expect(await additions()).toBe(6);
  });

  it("re-establishes a killed listener connection, with a log line, and answers what changed meanwhile", async () => {
    const a = await replica({ listen: false });
    const b = await replica();
    const listener =
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN corpus_changed'";
    await eventually(async () => expect((await admin.query(listener)).rowCount).toBe(1));
    await admin.query(`SELECT pg_terminate_backend(pid) FROM (${listener}) l`);
    writeFileSync(join(corpus, "yubei.txt"), NEW_DOC);
    await a.engine.sync();
    await eventually(async () => expect(await figure(b.engine, QUESTION)).toBe("1.2万个"));
    const log = lines.at(-1) ?? [];
    await eventually(() => expect(log).toContain("corpus listener: listening again"));
    expect(log.filter((l) => l.startsWith("corpus listener: connection lost"))).toHaveLength(1);
  });
});
