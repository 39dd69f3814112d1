import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import {
  at,
  recordingChannel,
  recordSeeds,
  reopen,
  type Sent,
  scheduler,
  subscribe,
  tempDataDir,
} from "./helpers.js";

let engine: Engine;
let dir: string;
let store: Store;
let sent: Sent[];

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

beforeEach(async () => {
  dir = tempDataDir();
  store = await openStore(dir);
  sent = [];
  // Two seeds were there before anyone subscribed; three arrive on 2 March, after the subscriptions.
  await recordSeeds(store, engine, at("2025-03-01T00:00:00Z"), at("2025-03-02T13:00:00Z"));
});

describe("digest scheduling", () => {
  it("fires Asia/Shanghai 09:00 and Europe/London 09:00 at their own instants", async () => {
    await subscribe(store, { chatId: "sh" }, at("2025-03-02T12:00:00Z"));
    await subscribe(
      store,
      { chatId: "ldn", timeZone: "Europe/London", platform: "slack" },
      at("2025-03-02T12:00:00Z"),
    );
    const { s } = scheduler(store, engine, sent);
    await s.tick(at("2025-03-03T00:59:00Z")); // 08:59 in Shanghai
    expect(sent).toHaveLength(0);
    await s.tick(at("2025-03-03T01:00:00Z")); // 09:00 in Shanghai
    expect(sent.map((x) => x.chatId)).toEqual(["sh"]);
    expect(sent[0]?.digest.date).toBe("2025-03-03");
    expect(sent[0]?.digest.documents).toHaveLength(3);
    await s.tick(at("2025-03-03T08:59:00Z")); // 08:59 in London
    expect(sent).toHaveLength(1);
    await s.tick(at("2025-03-03T09:00:00Z")); // 09:00 in London
    expect(sent.map((x) => x.chatId)).toEqual(["sh", "ldn"]);
    for (const m of ["09:01", "12:00", "23:59"]) await s.tick(at(`2025-03-03T${m}:00Z`));
    expect(sent).toHaveLength(2);
  });

  it("a restart with the same database sends nothing twice", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    await scheduler(store, engine, sent).s.tick(at("2025-03-03T01:00:00Z"));
    expect(sent).toHaveLength(1);
    await store.close();
    const again = await reopen(dir);
    const { s } = scheduler(again, engine, sent);
    await s.tick(at("2025-03-03T01:01:00Z"));
    await s.tick(at("2025-03-03T05:00:00Z"));
    expect(sent).toHaveLength(1);
  });

  it("resumes a claim left by a crash once its lease has expired, once", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    // The crashed process claimed 3 March's digest at 09:00 (a 3-minute lease) and died before sending it.
    const lease = at("2025-03-03T01:03:00Z");
    expect(
      await store.deliveries.claim(sub.id, "2025-03-03", "crashed", at("2025-03-03T01:00:00Z"), lease),
    ).not.toBeNull();
    const early = scheduler(await reopen(dir), engine, sent);
    await early.s.tick(at("2025-03-03T01:02:00Z")); // its lease is live: not touched
    expect(sent).toHaveLength(0);
    const first = scheduler(await reopen(dir), engine, sent);
    const report = await first.s.tick(at("2025-03-03T01:05:00Z"));
    expect(report.sent).toEqual([sub.id]);
    expect(sent).toHaveLength(1);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({
      status: "sent",
      attempts: 2,
      owner: null,
    });
    await scheduler(await reopen(dir), engine, sent).s.tick(at("2025-03-03T01:10:00Z"));
    expect(sent).toHaveLength(1);
  });

  it("gives up a claim interrupted twice instead of sending it a third time", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const t = (hm: string) => at(`2025-03-03T01:${hm}:00Z`);
    const row = await store.deliveries.claim(sub.id, "2025-03-03", "crashed", t("00"), t("03"));
    expect(await store.deliveries.takeOver(row?.id ?? 0, "crashed-too", t("05"), t("08"))).toBe(true);
    const { s, logs } = scheduler(await reopen(dir), engine, sent);
    await s.tick(t("10"));
    expect(sent).toHaveLength(0);
    expect((await store.deliveries.get(sub.id, "2025-03-03"))?.status).toBe("failed");
    expect(logs.join("\n")).toContain("given up");
  });

  it("a missed 09:00 is sent once at 11:00 the same day, and not the next day", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const { s } = scheduler(store, engine, sent);
    await s.tick(at("2025-03-03T03:00:00Z")); // 11:00 in Shanghai: the bot was down at 09:00
    await s.tick(at("2025-03-03T03:01:00Z"));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.digest.date).toBe("2025-03-03");
    const late = scheduler(await reopen(dir), engine, []);
    await late.s.tick(at("2025-03-04T00:30:00Z")); // 08:30 the next day: yesterday's is not resent
    expect(late.logs).toEqual([]);
  });

  it("does not send yesterday's missed digest the next day", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const { s } = scheduler(store, engine, sent);
    await s.tick(at("2025-03-04T00:30:00Z")); // down all of 3 March; 08:30 on 4 March
    expect(sent).toHaveLength(0);
    expect(await store.deliveries.get(1, "2025-03-03")).toBeNull();
    await s.tick(at("2025-03-04T01:00:00Z")); // 4 March's digest carries everything new since subscribing
    expect(sent.map((x) => x.digest.date)).toEqual(["2025-03-04"]);
    expect(sent[0]?.digest.documents).toHaveLength(3);
  });

  it("the next digest lists only documents first seen since the last sent one", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const { s } = scheduler(store, engine, sent);
    await s.tick(at("2025-03-03T01:00:00Z"));
    await s.tick(at("2025-03-04T01:00:00Z"));
    expect(sent).toHaveLength(1); // nothing new on 4 March: nothing sent
    expect((await store.deliveries.get(1, "2025-03-04"))?.status).toBe("skipped");
  });

  it("a digest whose outcome was unknown moves the window (it may have arrived); a failed one does not", async () => {
    const unsure = await subscribe(store, { chatId: "unsure" }, at("2025-03-02T12:00:00Z"));
    const failed = await subscribe(store, { chatId: "failed" }, at("2025-03-02T12:00:00Z"));
    const claimed = at("2025-03-03T01:00:00Z");
    for (const sub of [unsure, failed]) {
      const row = await store.deliveries.claim(
        sub.id,
        "2025-03-03",
        "gone",
        claimed,
        at("2025-03-03T01:03:00Z"),
      );
      if (sub === unsure) await store.deliveries.markUnknown(row?.id ?? 0, claimed, "part 1: timeout");
      else await store.deliveries.markFailed(row?.id ?? 0, claimed, "retries ran out");
    }
    await scheduler(store, engine, sent).s.tick(at("2025-03-04T01:00:00Z"));
    expect(sent.map((x) => x.chatId)).toEqual(["failed"]); // nothing new since the unknown one
    expect(sent[0]?.digest.documents).toHaveLength(3);
    expect((await store.deliveries.get(unsure.id, "2025-03-04"))?.status).toBe("skipped");
  });

  it("subscribing after today's time makes tomorrow the first digest", async () => {
    await subscribe(store, { wantEmpty: true }, at("2025-03-03T03:00:00Z")); // 11:00 in Shanghai
    const { s } = scheduler(store, engine, sent);
    await s.tick(at("2025-03-03T03:01:00Z"));
    expect(sent).toHaveLength(0);
    await s.tick(at("2025-03-04T01:00:00Z"));
    expect(sent).toHaveLength(1);
  });
});

describe("digest content", () => {
  it("matches the channel's topics in the new documents only", async () => {
    await subscribe(store, { topics: ["学位", "教师"] }, at("2025-03-02T12:00:00Z"));
    await scheduler(store, engine, sent).s.tick(at("2025-03-03T01:00:00Z"));
    const digest = sent[0]?.digest;
    const files = new Set(digest?.documents.map((d) => d.doc));
    expect(digest?.topics.map((t) => t.topic)).toContain("教师");
    for (const t of digest?.topics ?? []) {
      expect(t.passages.length).toBeGreaterThan(0);
      expect(t.passages.length).toBeLessThanOrEqual(3);
      for (const p of t.passages) {
        expect(files.has(p.source.doc)).toBe(true);
        const emphasised = p.quote.highlights.map(([a, b]) => p.quote.text.slice(a, b)).join(" ");
        expect(emphasised.length).toBeGreaterThan(0);
      }
    }
  });

  it("gives each new document up to three distinct key figures, each with its sentence", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    await scheduler(store, engine, sent).s.tick(at("2025-03-03T01:00:00Z"));
    for (const d of sent[0]?.digest.documents ?? []) {
      expect(d.figures.length).toBeLessThanOrEqual(3);
      const values = d.figures.map((f) => `${f.figure.value}${f.figure.unit}`);
      expect(new Set(values).size).toBe(values.length);
      for (const f of d.figures) expect(f.quote.text).toContain(f.figure.text);
    }
    expect(sent[0]?.digest.documents.some((d) => d.figures.length > 0)).toBe(true);
  });

  it("sends nothing on a day with nothing new, unless the chat asked for 今日无新增", async () => {
    await subscribe(store, { chatId: "quiet" }, at("2025-03-02T14:00:00Z"));
    await subscribe(store, { chatId: "wants", wantEmpty: true }, at("2025-03-02T14:00:00Z"));
    await scheduler(store, engine, sent).s.tick(at("2025-03-03T01:00:00Z"));
    expect(sent.map((x) => x.chatId)).toEqual(["wants"]);
    expect(sent[0]?.digest.documents).toEqual([]);
  });

  it("a failed send is recorded, pauses the subscription and is not retried", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const { s, logs } = scheduler(store, engine, sent, "Forbidden: bot was kicked from the group chat");
    const report = await s.tick(at("2025-03-03T01:00:00Z"));
    expect(report.failed).toEqual([sub.id]);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ status: "failed" });
    expect((await store.deliveries.get(sub.id, "2025-03-03"))?.error).toContain("kicked");
    expect(await store.subscriptions.byId(sub.id)).toMatchObject({ paused: true });
    expect(logs.join("\n")).toContain("paused");
    const next = scheduler(store, engine, sent);
    await next.s.tick(at("2025-03-04T01:00:00Z"));
    expect(sent).toHaveLength(0);
  });

  it("leaves subscriptions of a platform without a sender unclaimed", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const { DigestScheduler } = await import("../../src/digest/scheduler.js");
    const s = new DigestScheduler({
      store,
      source: engine,
      channels: { slack: recordingChannel([]) },
      owner: "o",
    });
    await s.tick(at("2025-03-03T01:00:00Z"));
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toBeNull();
  });
});
