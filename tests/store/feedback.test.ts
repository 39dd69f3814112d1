import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { RatedAnswer } from "../../src/answer/reply.js";
import type { FeedbackRecord } from "../../src/store/feedback.js";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { openStore, STORE_FILE } from "../../src/store/open-store.js";
import { tempDataDir } from "../digest/helpers.js";
import { RATED_SOURCE } from "./rated-source.js";

const SOURCE = RATED_SOURCE;
const ANSWER: RatedAnswer = {
  kind: "answer",
  figure: "27.8万个",
  quote: "新增学位27.8万个。",
  source: SOURCE,
};

const vote = (over: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  platform: "slack",
  chat: "C1",
  user: "U1",
  question: "新增学位多少",
  rating: "down",
  at: "2025-03-03T01:00:00.000Z",
  target: { replyId: "r1", index: 0 },
  answer: ANSWER,
  ...over,
});

/** A database as version 3 left it: one vote per user and reply. */
function version3Database(): string {
  const dir = tempDataDir();
  const db = new Database(join(dir, STORE_FILE));
  migrate(
    db,
    new Date("2025-01-01T00:00:00Z"),
    MIGRATIONS.filter((m) => m.version <= 3),
  );
  db.prepare(
    `INSERT INTO feedback (platform, chat, user, question, rating, at, reply_id, kind, figure)
     VALUES ('slack', 'C1', 'U1', '新增学位多少', 'up', '2025-01-02T00:00:00.000Z', 'old', 'answer', '27.8万个')`,
  ).run();
  db.close();
  return dir;
}

describe("feedback", () => {
  it("keeps one vote per user and reply: a second click changes or keeps it", async () => {
    const store = await openStore(tempDataDir());
    expect(await store.feedback.record(vote())).toBe("recorded");
    expect(await store.feedback.record(vote({ at: "2025-03-03T01:01:00.000Z" }))).toBe("kept");
    expect(await store.feedback.record(vote({ rating: "up", at: "2025-03-03T01:02:00.000Z" }))).toBe(
      "changed",
    );
    expect(await store.feedback.record(vote({ user: "U2" }))).toBe("recorded");
    expect(await store.feedback.record(vote({ target: { replyId: "r2", index: 0 } }))).toBe("recorded");
    const rows = await store.feedback.list();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.user === "U1" && r.rating === "up")?.at).toBe("2025-03-03T01:02:00.000Z");
  });

  it("a changed vote that does not say what was rated keeps what the row had", async () => {
    const store = await openStore(tempDataDir());
    await store.feedback.record(vote());
    const { answer: _, ...bare } = vote({ rating: "up", at: "2025-03-03T01:02:00.000Z" });
    expect(await store.feedback.record(bare)).toBe("changed");
    expect(await store.feedback.list()).toMatchObject([{ rating: "up", figure: "27.8万个", source: SOURCE }]);
  });

  it("keeps one vote per user and answer: votes on two pages of a reply are two rows, each with its figure", async () => {
    const store = await openStore(tempDataDir());
    const page = (index: number, figure: string) => ({
      target: { replyId: "r1", index },
      answer: { ...ANSWER, figure, quote: `新增学位${figure}。` },
    });
    expect(await store.feedback.record(vote({ ...page(0, "27.8万个"), rating: "up" }))).toBe("recorded");
    const later = { rating: "down" as const, at: "2025-03-03T01:05:00.000Z" };
    expect(await store.feedback.record(vote({ ...page(1, "1.9万个"), ...later }))).toBe("recorded");
    // A second click on the second answer changes that answer's vote only.
    expect(
      await store.feedback.record(
        vote({ ...page(1, "1.9万个"), rating: "up", at: "2025-03-03T01:06:00.000Z" }),
      ),
    ).toBe("changed");
    expect(await store.feedback.record(vote({ ...page(0, "27.8万个"), rating: "up" }))).toBe("kept");
    const rows = await store.feedback.list();
    expect(rows.map((r) => [r.figure, r.quote, r.rating, r.at])).toEqual([
      ["1.9万个", "新增学位1.9万个。", "up", "2025-03-03T01:06:00.000Z"],
      ["27.8万个", "新增学位27.8万个。", "up", "2025-03-03T01:00:00.000Z"],
    ]);
  });

  it("stores what was rated and lists newest first, since a date, by rating", async () => {
    const store = await openStore(tempDataDir());
    await store.feedback.record(vote({ target: { replyId: "a", index: 0 }, at: "2025-03-01T00:00:00.000Z" }));
    await store.feedback.record(
      vote({ target: { replyId: "b", index: 0 }, at: "2025-03-05T00:00:00.000Z", rating: "up" }),
    );
    await store.feedback.record(vote({ target: { replyId: "c", index: 0 }, at: "2025-03-04T00:00:00.000Z" }));
    expect((await store.feedback.list()).map((r) => r.at.slice(0, 10))).toEqual([
      "2025-03-05",
      "2025-03-04",
      "2025-03-01",
    ]);
    expect(await store.feedback.list({ since: "2025-03-02" })).toHaveLength(2);
    expect((await store.feedback.list({ rating: "down" })).map((r) => r.at.slice(0, 10))).toEqual([
      "2025-03-04",
      "2025-03-01",
    ]);
    expect((await store.feedback.list())[0]).toMatchObject({
      kind: "answer",
      figure: "27.8万个",
      source: SOURCE,
    });
  });

  it("migrates a version-1 database: its ratings are kept and listed, without what was rated", async () => {
    const dir = tempDataDir();
    const db = new Database(join(dir, STORE_FILE));
    migrate(db, new Date("2025-01-01T00:00:00Z"), MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO feedback (platform, chat, user, question, rating, at) VALUES ('telegram', '1', '2', '学位', 'down', '2025-01-02T00:00:00.000Z')",
    ).run();
    db.close();
    const store = await openStore(dir);
    expect(store.version).toBe(MIGRATIONS.length);
    expect(await store.feedback.list()).toEqual([
      {
        platform: "telegram",
        chat: "1",
        user: "2",
        question: "学位",
        rating: "down",
        at: "2025-01-02T00:00:00.000Z",
        kind: null,
        figure: null,
        quote: null,
        source: null,
      },
    ]);
    // Old rows have no reply id: they never count as a vote on a new reply.
    expect(await store.feedback.record(vote({ platform: "telegram", user: "2" }))).toBe("recorded");
  });

  it("migrates a version-3 database: its votes are kept, and a user may vote on each answer of a reply", async () => {
    const store = await openStore(version3Database());
    expect(store.version).toBe(MIGRATIONS.length);
    expect((await store.feedback.list()).map((r) => [r.user, r.figure, r.rating])).toEqual([
      ["U1", "27.8万个", "up"],
    ]);
    const page = (index: number, figure: string): Partial<FeedbackRecord> => ({
      target: { replyId: "r9", index },
      answer: { ...ANSWER, figure },
    });
    expect(await store.feedback.record(vote(page(0, "27.8万个")))).toBe("recorded");
    expect(await store.feedback.record(vote(page(1, "1.9万个")))).toBe("recorded");
    expect(await store.feedback.list()).toHaveLength(3);
  });
});
