import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFeedback } from "../../adapters/cli/feedback.js";
import { openStore } from "../../src/store/open-store.js";
import { tempDataDir } from "../digest/helpers.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";
import { RATED_SOURCE } from "../store/rated-source.js";

// In process: the command is a function of the store (fast tier).
const SOURCE = RATED_SOURCE;

async function seeded(): Promise<string> {
  const dir = tempDataDir();
  const store = await openStore(dir);
  const base = { platform: "slack" as const, chat: "C1", user: "U1", question: "新增学位多少" };
  await store.feedback.record({
    ...base,
    rating: "down",
    at: "2025-03-01T08:00:00.000Z",
    target: { replyId: "a", index: 0 },
    answer: { kind: "answer", figure: "1.9万个", quote: "新增普通高中学位1.9万个。", source: SOURCE },
  });
  await store.feedback.record({
    ...base,
    question: "\u001b[2J火星\n基地",
    rating: "up",
    at: "2025-03-05T08:00:00.000Z",
    target: { replyId: "b", index: 0 },
    answer: { kind: "no-answer", figure: null, quote: null, source: null },
  });
  await store.feedback.record({
    ...base,
    platform: "telegram",
    rating: "down",
    at: "2025-03-03T08:00:00.000Z",
  });
  await store.close();
  return dir;
}

async function run(args: string[], dir?: string, env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await runFeedback(
    args,
    { DATA_DIR: dir ?? (await seeded()), ...env },
    {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    },
  );
  return { code, out, err };
}

describe("cli feedback", () => {
  it("lists ratings newest first with the question, the answer's figure and its source", async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("反馈 3 条：👎 2 · 👍 1");
    const at = (s: string) => out.indexOf(s);
    expect(at("2025-03-05")).toBeLessThan(at("2025-03-03"));
    expect(at("2025-03-03")).toBeLessThan(at("2025-03-01"));
    expect(out).toContain("  问：新增学位多少\n  答：1.9万个 — 新增普通高中学位1.9万个。");
    expect(out).toContain("  出处：《标题》 重庆日报 2025-04-24 · 第3段  [a.txt]  https://example.cn/a");
    // A row from before answers were stored is still listed, and says so.
    expect(out).toContain("答：（未记录");
    // User text reaches the terminal without its control characters.
    expect(out).not.toContain("\u001b");
    expect(out).toContain("问： [2J火星 基地");
  });

  it("--since and --rating narrow the list; --json gives one object a line", async () => {
    const since = await run(["--since", "2025-03-02", "--rating", "down"]);
    expect(since.out.split("\n")[0]).toBe("反馈 1 条：👎 1 · 👍 0");
    const json = await run(["--json"]);
    const rows = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.at)).toEqual([
      "2025-03-05T08:00:00.000Z",
      "2025-03-03T08:00:00.000Z",
      "2025-03-01T08:00:00.000Z",
    ]);
    expect(rows[2]).toMatchObject({ rating: "down", figure: "1.9万个", source: { doc: "a.txt" } });
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--since", "yesterday"], '--since wants a date YYYY-MM-DD, got "yesterday"'],
    [["--rating", "meh"], '--rating wants up or down, got "meh"'],
    [["extra"], "Unexpected argument 'extra'"],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const { code, err, out } = await run(args as string[]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("usage: npm run cli -- feedback");
    expect(out).toBe("");
  });

  it("--help prints the usage", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("--since DATE");
  });
});

describePg("cli feedback on PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("lists the ratings of the PostgreSQL store when DATABASE_URL is set, not DATA_DIR's", async () => {
    const s = await openStore("", { databaseUrl: db.url });
    await s.feedback.record({
      platform: "telegram",
      chat: "42",
      user: "7",
      question: "新增学位多少",
      rating: "down",
      at: "2025-03-01T08:00:00.000Z",
      target: { replyId: "a", index: 0 },
      answer: { kind: "answer", figure: "1.9万个", quote: "新增普通高中学位1.9万个。", source: SOURCE },
    });
    await s.close();
    const r = await run([], undefined, { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("反馈 1 条：👎 1 · 👍 0");
    expect(r.out).toContain("👎 2025-03-01T08:00:00.000Z · telegram 42 7");
  });
});
