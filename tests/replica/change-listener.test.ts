import pg from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { parseDocument } from "../../src/corpus/parse-document.js";
import { postgresPassageIndex } from "../../src/index/postgres/postgres-passage-index.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { type ChangeListener, listenForCorpusChanges } from "../../src/replica/change-listener.js";
import { notifyCorpusChanged, readCorpusVersion } from "../../src/replica/corpus-version.js";
import { createRefreshScheduler } from "../../src/replica/refresh-scheduler.js";
import { withCorpusSyncLock } from "../../src/replica/sync-lock.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

let db: TestDatabase;
let pool: PgPool;
const gazetteer = loadGazetteer();

/** A replica's side of the listener: how many times it refreshed, and its log. */
function replica(options: { listen: boolean; pollMs: number; application?: string }) {
  const refreshed: number[] = [];
  const lines: string[] = [];
  const refreshes = createRefreshScheduler({
    readVersion: () => readCorpusVersion(pool),
    refresh: async () => {
      refreshed.push(await readCorpusVersion(pool));
    },
    log: (l) => lines.push(l),
    version: 0,
    debounceMs: 10,
  });
  const listener: ChangeListener = listenForCorpusChanges({
    connect: async () => {
      const c = new pg.Client({
        connectionString: db.url,
        application_name: options.application ?? "listener",
      });
      await c.connect();
      return c;
    },
    refreshes,
    log: (l) => lines.push(l),
    listen: options.listen,
    pollMs: options.pollMs,
    retryMs: 50,
  });
  return {
    refreshed,
    lines,
    stop: async () => {
      await listener.stop();
      await refreshes.stop();
    },
  };
}

/** Adds a one-sentence document, as a sync on another replica would. */
async function addDocument(name: string): Promise<number> {
  await postgresPassageIndex(pool, gazetteer).add([parseDocument(name, "全市新增学位28万个。\n")]);
  return notifyCorpusChanged(pool);
}

/** The last statement the named connection sent (pg_stat_activity). */
async function lastQuery(application: string): Promise<string | null> {
  const r = await pool.query<{ query: string }>(
    "SELECT query FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
    [application],
  );
  return r.rows[0]?.query ?? null;
}

const eventually = (check: () => void | Promise<void>) =>
  vi.waitFor(check, { timeout: 20_000, interval: 20 });

describePg("replicas: the corpus-sync lock, notifications and polling", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = openPool(db.url);
    await migratePg(pool, new Date("2026-01-01T00:00:00Z"));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("lets one replica at a time sync: another trying meanwhile skips, one waiting runs after", async () => {
    const order: string[] = [];
    let release = () => {};
    const first = withCorpusSyncLock(pool, async () => {
      order.push("first starts");
      await new Promise<void>((r) => {
        release = r;
      });
      order.push("first ends");
    });
    await eventually(() => expect(order).toEqual(["first starts"]));
    expect(await withCorpusSyncLock(pool, async () => order.push("skipped"))).toEqual({ kind: "busy" });
    const waiting = withCorpusSyncLock(pool, async () => order.push("waited"), true);
    release();
    await first;
    expect((await waiting).kind).toBe("ran");
    expect(order).toEqual(["first starts", "first ends", "waited"]);
  });

  it("refreshes a replica when another notifies a change, long before its next poll", async () => {
    const r = replica({ listen: true, pollMs: 3_600_000, application: "notified-listener" });
    try {
      await eventually(async () =>
        expect(await lastQuery("notified-listener")).toBe("LISTEN corpus_changed"),
      );
      const version = await addDocument("a.txt");
      await eventually(() => expect(r.refreshed).toContain(version));
    } finally {
      await r.stop();
    }
  });

  it("refreshes by polling alone when it does not listen", async () => {
    const r = replica({ listen: false, pollMs: 50 });
    try {
      const version = await addDocument("b.txt");
      await eventually(() => expect(r.refreshed).toContain(version));
    } finally {
      await r.stop();
    }
  });

  it("re-establishes a killed listener connection, says so in one line each time, and catches up", async () => {
    const r = replica({ listen: true, pollMs: 3_600_000, application: "killed-listener" });
    try {
      await eventually(async () => expect(await lastQuery("killed-listener")).toBe("LISTEN corpus_changed"));
      await pool.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
        ["killed-listener"],
      );
      const version = await addDocument("c.txt");
      await eventually(() => expect(r.refreshed).toContain(version));
      await eventually(() => expect(r.lines.at(-1)).toBe("corpus listener: listening again"));
      expect(r.lines[0]).toMatch(/^corpus listener: connection lost \(.+\); reconnecting in 0\.05 s$/);
      expect(r.lines).toHaveLength(2);
    } finally {
      await r.stop();
    }
  });
});
