import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DigestChannel } from "../../src/digest/channel.js";
import type { Digest } from "../../src/digest/digest.js";
import { DigestScheduler, type TickReport } from "../../src/digest/scheduler.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { migratePg, PG_MIGRATIONS } from "../../src/pg/migrations.js";
import { openPool } from "../../src/pg/pool.js";
import type { Store } from "../../src/store/open-store.js";
import { linesLog, recordSeeds, subscribe } from "../digest/helpers.js";
import { createTestDatabase, describePg } from "../pg/pg-database.js";
import { type BackendUnderTest, postgresBackend, sqliteBackend } from "./backend-under-test.js";

const SUBSCRIPTIONS = 40;
const DAYS = 6;
/** 01:00 UTC is 09:00 in Shanghai: every subscription is due. */
const tickAt = (day: number) => new Date(Date.UTC(2025, 2, 3 + day, 1, 0, 0));

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

/** A platform that counts what it accepted, per chat and digest date, answering after a short random delay. */
function countingChannel(received: Map<string, number>): DigestChannel {
  return {
    render: (digest: Digest) => [digest.date],
    send: async (chatId, payload) => {
      await sleep(Math.floor(Math.random() * 3));
      const key = `${chatId} ${payload}`;
      received.set(key, (received.get(key) ?? 0) + 1);
      return { kind: "sent", messageId: `${key} #${received.get(key)}` };
    },
  };
}

/** One bot replica: its own store connection(s) and scheduler, as another process would have. */
async function replica(b: BackendUnderTest, owner: string, received: Map<string, number>) {
  const store = await b.open();
  const s = new DigestScheduler({
    store,
    source: engine,
    channels: { telegram: countingChannel(received) },
    owner,
    log: linesLog([]),
    sleep: async () => {},
  });
  return { store, s };
}

const sentCount = (reports: TickReport[]) => reports.reduce((n, r) => n + r.sent.length, 0);

function replicaCases(b: BackendUnderTest): void {
  let first: Store;
  beforeEach(async () => {
    await b.fresh();
    first = await b.open();
    await recordSeeds(first, engine, new Date("2025-03-01T00:00:00Z"), new Date("2025-03-05T00:00:00Z"));
    for (let i = 0; i < SUBSCRIPTIONS; i++)
      await subscribe(first, { chatId: `chat-${i}`, wantEmpty: true }, new Date("2025-03-02T12:00:00Z"));
  });

  it(`two replicas racing over ${SUBSCRIPTIONS * DAYS} (subscription, day) digests: 0 duplicates, 0 missed`, async () => {
    const received = new Map<string, number>();
    const [a, c] = [await replica(b, "replica-a", received), await replica(b, "replica-c", received)];
    const reports: TickReport[] = [];
    for (let day = 0; day < DAYS; day++)
      reports.push(...(await Promise.all([a.s.tick(tickAt(day)), c.s.tick(tickAt(day))])));
    expect([...received.values()].filter((n) => n > 1)).toEqual([]); // no duplicates
    expect(received.size).toBe(SUBSCRIPTIONS * DAYS); // none missed
    expect(sentCount(reports)).toBe(SUBSCRIPTIONS * DAYS);
    // A real race: each replica delivered some of them.
    expect(sentCount(reports.filter((_, i) => i % 2 === 0))).toBeGreaterThan(0);
    expect(sentCount(reports.filter((_, i) => i % 2 === 1))).toBeGreaterThan(0);
    for (const sub of await first.subscriptions.active())
      expect(await first.deliveries.lastSent(sub.id)).toMatchObject({
        digestDate: "2025-03-08",
        status: "sent",
      });
  });

  it("a claim left by a crashed replica is resumed by exactly one of two others once its lease expires", async () => {
    const received = new Map<string, number>();
    const subs = await first.subscriptions.active();
    for (const sub of subs)
      await first.deliveries.claim(
        sub.id,
        "2025-03-03",
        "crashed",
        tickAt(0),
        new Date(tickAt(0).getTime() + 180_000),
      );
    const [a, c] = [await replica(b, "replica-a", received), await replica(b, "replica-c", received)];
    const live = await Promise.all([a.s.tick(tickAt(0)), c.s.tick(tickAt(0))]);
    expect(sentCount(live)).toBe(0); // the lease is live: nobody touches it
    const later = new Date(tickAt(0).getTime() + 5 * 60_000);
    const resumed = await Promise.all([a.s.tick(later), c.s.tick(later)]);
    expect(sentCount(resumed)).toBe(subs.length);
    expect(received.size).toBe(subs.length);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    expect(await first.deliveries.unfinished()).toEqual([]);
  });
}

describe("replicas on SQLite (two connections to one file)", () => replicaCases(sqliteBackend()));
describePg("replicas on PostgreSQL (two pools on one database)", () => replicaCases(postgresBackend()));

describePg("PostgreSQL migrations", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("two replicas migrating an empty database at once apply each migration once; again changes nothing", async () => {
    const pools = [openPool(db.url), openPool(db.url)];
    const now = new Date("2025-03-03T01:00:00Z");
    try {
      const versions = await Promise.all(pools.map((p) => migratePg(p, now)));
      expect(versions).toEqual([PG_MIGRATIONS.length, PG_MIGRATIONS.length]);
      expect(await migratePg(pools[0] as pg.Pool, new Date())).toBe(PG_MIGRATIONS.length);
      const applied = await (pools[0] as pg.Pool).query("SELECT version, applied_at FROM schema_migrations");
      expect(applied.rows).toHaveLength(PG_MIGRATIONS.length);
      const ids = await (pools[0] as pg.Pool).query("SELECT value FROM store_info WHERE key = 'store_id'");
      expect(ids.rows).toHaveLength(1);
      expect(ids.rows[0]?.value).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
