import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/open-store.js";
import { subscribe, tempDataDir } from "../digest/helpers.js";

const NOW = new Date("2025-03-03T01:00:00Z");

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  db.close();
  return names;
}

describe("store", () => {
  it("creates the schema on a fresh file, in WAL mode, and migrating again changes nothing", async () => {
    const dir = join(tempDataDir(), "nested", "data");
    const store = await openStore(dir, { now: NOW });
    expect(existsSync(join(dir, "bot.sqlite"))).toBe(true);
    expect(store.version).toBe(MIGRATIONS.length);
    await store.close();
    expect(tables(join(dir, "bot.sqlite"))).toEqual(
      expect.arrayContaining(["documents", "subscriptions", "deliveries", "feedback", "schema_migrations"]),
    );
    const again = await openStore(dir);
    expect(again.version).toBe(MIGRATIONS.length);
    await again.close();
    const db = new Database(join(dir, "bot.sqlite"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get()).toEqual({ n: MIGRATIONS.length });
    expect(migrate(db, NOW)).toBe(MIGRATIONS.length);
    db.close();
  });

  it("rolls back a failing migration as a whole", async () => {
    const db = new Database(":memory:");
    migrate(db, NOW);
    const broken = [
      ...MIGRATIONS,
      { version: 99, name: "broken", sql: "CREATE TABLE x (a); SELECT * FROM nope;" },
    ];
    expect(() => migrate(db, NOW, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get()).toEqual({
      v: MIGRATIONS.length,
    });
  });

  it("records a document's first sighting once, keyed by content hash", async () => {
    const store = await openStore(tempDataDir());
    const doc = { doc: "a.txt", hash: "h1", title: "标题", publisher: "重庆日报", date: "2025-04-24" };
    expect(await store.documents.recordSeen([doc], NOW)).toBe(1);
    expect(await store.documents.recordSeen([doc], new Date("2025-03-04T00:00:00Z"))).toBe(0);
    expect(await store.documents.all()).toEqual([
      {
        hash: "h1",
        file: "a.txt",
        title: "标题",
        publisher: "重庆日报",
        date: "2025-04-24",
        firstSeen: NOW.toISOString(),
      },
    ]);
    expect(await store.documents.recordSeen([{ ...doc, hash: "h2" }], new Date("2025-03-05T00:00:00Z"))).toBe(
      1,
    );
    const later = await store.documents.firstSeenBetween(NOW, new Date("2025-03-06T00:00:00Z"));
    expect(later.map((d) => d.hash)).toEqual(["h2"]);
  });

  it("claims a day's delivery once; a second claim of the same day gets nothing", async () => {
    const store = await openStore(tempDataDir());
    const sub = await subscribe(
      store,
      { platform: "slack", chatId: "C1", topics: ["学位"], subscribedBy: "U1" },
      NOW,
    );
    const lease = new Date(NOW.getTime() + 60_000);
    expect(await store.deliveries.claim(sub.id, "2025-03-03", "a", NOW, lease)).toMatchObject({
      status: "claimed",
      owner: "a",
    });
    expect(await store.deliveries.claim(sub.id, "2025-03-03", "b", NOW, lease)).toBeNull();
    expect(await store.subscriptions.remove("slack", "C1")).toBe(true);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toBeNull(); // history goes with the subscription
  });

  it("the last digest that went out is the latest sent or unknown one, never a failed or skipped one", async () => {
    const store = await openStore(tempDataDir());
    const sub = await subscribe(store, {}, NOW);
    const day = (d: number) => new Date(NOW.getTime() + d * 86_400_000);
    const finish = ["sent", "unknown", "failed", "skipped"] as const;
    for (const [d, status] of finish.entries()) {
      const row = await store.deliveries.claim(sub.id, `2025-03-0${d + 3}`, "a", day(d), day(d + 1));
      const id = row?.id ?? 0;
      if (status === "sent") await store.deliveries.markSent(id, day(d));
      if (status === "unknown") await store.deliveries.markUnknown(id, day(d), "timeout");
      if (status === "failed") await store.deliveries.markFailed(id, day(d), "retries ran out");
      if (status === "skipped") await store.deliveries.markSkipped(id);
    }
    expect(await store.deliveries.lastDelivered(sub.id)).toMatchObject({
      digestDate: "2025-03-04",
      status: "unknown",
    });
    expect(await store.deliveries.lastSent(sub.id)).toMatchObject({ digestDate: "2025-03-03" });
  });

  it("explains how to fix a DATA_DIR it cannot write", async () => {
    const file = join(tempDataDir(), "a-file");
    writeFileSync(file, "not a directory");
    await expect(openStore(join(file, "data"))).rejects.toThrow(/DATA_DIR/);
  });
});
