import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MigrateRequest, runMigrate } from "../../adapters/cli/migrate.js";
import { PG_MIGRATIONS, pgSchemaVersion } from "../../src/pg/migrations.js";
import { openPool } from "../../src/pg/pool.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { subscribe, tempDataDir } from "../digest/helpers.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";
import { RATED_SOURCE } from "../store/rated-source.js";

// In process: the command is a function of its request, environment and output streams (fast tier).
async function migrate(r: Partial<MigrateRequest>, env: Record<string, string | undefined>) {
  let out = "";
  let err = "";
  const io = {
    out: (t: string) => {
      out += t;
    },
    err: (t: string) => {
      err += t;
    },
  };
  const code = await runMigrate({ fromSqlite: false, files: [], ...r }, env, io);
  return { code, out, err };
}

const T0 = new Date("2025-03-03T01:00:00Z");

/** A SQLite store with a little of everything: a removed subscription leaves a gap in the ids. */
async function sqliteState(): Promise<string> {
  const dir = tempDataDir();
  const s = await openStore(dir);
  await s.documents.recordSeen(
    [
      { doc: "a.txt", hash: "h1", title: "标题", publisher: "重庆日报", date: "2025-04-24" },
      { doc: "b.txt", hash: "h2", title: null, publisher: null, date: null },
    ],
    T0,
  );
  await subscribe(s, { chatId: "gone" }, T0);
  const sub = await subscribe(s, { chatId: "100", topics: ["学位"], wantEmpty: true }, T0);
  await subscribe(s, { platform: "slack", chatId: "C1" }, T0);
  await s.subscriptions.remove("telegram", "gone");
  await s.subscriptions.pause(sub.id, "推送失败（2025-03-03）：chat not found");
  const row = await s.deliveries.claim(sub.id, "2025-03-03", "A", T0, new Date(T0.getTime() + 60_000));
  await s.parts.add(row?.id ?? 0, ["<b>一</b>", "二"]);
  await s.parts.mark(row?.id ?? 0, 1, "sent", T0, "m-1");
  await s.deliveries.markUnknown(row?.id ?? 0, T0, "part 2: timeout");
  const vote = {
    platform: "slack" as const,
    chat: "C1",
    user: "U1",
    question: "新增学位多少",
    at: T0.toISOString(),
  };
  await s.feedback.record({
    ...vote,
    rating: "down",
    target: { replyId: "r1", index: 0 },
    answer: { kind: "answer", figure: "27.8万个", quote: "新增学位27.8万个。", source: RATED_SOURCE },
  });
  await s.feedback.record({ ...vote, rating: "up" });
  await s.close();
  return dir;
}

/** Everything a store holds, as its repositories return it. */
async function contents(s: Store) {
  const subs = [
    await s.subscriptions.get("telegram", "100"),
    await s.subscriptions.get("slack", "C1"),
    await s.subscriptions.get("telegram", "gone"),
  ];
  const delivery = await s.deliveries.get(subs[0]?.id ?? 0, "2025-03-03");
  return {
    documents: await s.documents.all(),
    subs,
    delivery,
    parts: await s.parts.list(delivery?.id ?? 0),
    feedback: await s.feedback.list(),
  };
}

describe("cli migrate without PostgreSQL", () => {
  it("says it needs DATABASE_URL (exit 1); a file without --from-sqlite, or two files, are usage mistakes", async () => {
    const r = await migrate({}, { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^migrate needs DATABASE_URL/);
    await expect(migrate({ files: ["x.sqlite"] }, {})).rejects.toThrow(/needs --from-sqlite/);
    await expect(migrate({ fromSqlite: true, files: ["a", "b"] }, {})).rejects.toThrow(
      /one SQLite file at most/,
    );
  });
});

describePg("cli migrate", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    await c.end();
  });

  it("applies the migrations and prints the version; a second run is up to date", async () => {
    const first = await migrate({}, { DATABASE_URL: db.url });
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain(`schema version ${PG_MIGRATIONS.length}, applied 1 (`);
    expect(first.out).not.toMatch(/postgres:\/\/[^@\s]*:[^@\s]*@/); // no password printed
    const second = await migrate({}, { DATABASE_URL: db.url });
    expect(second.out).toContain(`schema version ${PG_MIGRATIONS.length}, up to date`);
  });

  it("--from-sqlite copies DATA_DIR/bot.sqlite: the same rows, ids kept, new ids after them; a second copy is refused", async () => {
    const dir = await sqliteState();
    const r = await migrate({ fromSqlite: true }, { DATA_DIR: dir, DATABASE_URL: db.url });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `copied ${join(dir, "bot.sqlite")}: 2 documents, 2 subscriptions, 1 deliveries, 2 delivery parts, 2 feedback rows`,
    );
    const sqlite = await openStore(dir);
    const postgres = await openStore("", { databaseUrl: db.url });
    try {
      const copied = await contents(postgres);
      expect(copied).toEqual(await contents(sqlite));
      expect(copied.subs[0]).toMatchObject({ paused: true, wantEmpty: true, topics: ["学位"] });
      const next = await subscribe(postgres, { chatId: "new" }, T0);
      expect(next.id).toBeGreaterThan(Math.max(...copied.subs.map((s) => s?.id ?? 0)));
      // The copied vote is still the user's one vote on that answer.
      const again = {
        platform: "slack" as const,
        chat: "C1",
        user: "U1",
        question: "q",
        at: T0.toISOString(),
      };
      expect(
        await postgres.feedback.record({ ...again, rating: "up", target: { replyId: "r1", index: 0 } }),
      ).toBe("changed");
    } finally {
      await Promise.all([sqlite.close(), postgres.close()]);
    }
    const refused = await migrate({ fromSqlite: true }, { DATA_DIR: dir, DATABASE_URL: db.url });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^refusing to copy .*already holds 2 documents, 3 subscriptions.*nothing was changed/,
    );
    expect(refused.err).toContain("createdb");
  });

  it("--from-sqlite FILE: a file that does not exist says what to pass, before anything is migrated", async () => {
    const missing = join(tempDataDir(), "nope.sqlite");
    const r = await migrate({ fromSqlite: true, files: [missing] }, { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no SQLite store at ${missing} — pass the file to copy`);
    expect(r.out).toBe("");
    const pool = openPool(db.url);
    try {
      expect(await pgSchemaVersion(pool)).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
