import { describe, expect, it } from "vitest";
import type { AskReply, CheckReply } from "../../src/answer/reply.js";
import { batchRefusal } from "../../src/conversation/batch-limits.js";
import { type Conversation, converse } from "../../src/conversation/converse.js";
import {
  figureCount,
  MAX_CLAIM_FIGURES,
  MAX_QUESTION_LENGTH,
  textLength,
} from "../../src/conversation/length-limit.js";
import { RateLimiter } from "../../src/conversation/rate-limiter.js";

/** An engine that records what reached it and answers nothing. */
function recordingEngine(calls: string[]): Conversation["engine"] {
  return {
    ask: async (q): Promise<AskReply> => {
      calls.push(`ask:${q}`);
      return {
        kind: "no-answer",
        question: q,
        reason: { code: "no-indicator" },
        suggestions: [],
        examples: [],
      };
    },
    check: async (c): Promise<CheckReply> => {
      calls.push(`check:${c}`);
      return {
        kind: "check",
        claim: c,
        verdict: "not_found",
        items: [],
        lookedFor: "",
        note: null,
        suggestions: [],
      };
    },
  };
}

describe("length limit", () => {
  it.each<[string, number]>([
    ["新增学位", 4],
    ["abc", 3],
    ["😀😀", 2],
    ["𠀀学位", 3],
  ])("%s counts %i characters", (text, n) => {
    expect(textLength(text)).toBe(n);
  });

  it("refuses a question or claim over the limit, saying how long it was, and never asks the engine", async () => {
    const calls: string[] = [];
    const c: Conversation = { engine: recordingEngine(calls), limiter: null };
    const exact = "多".repeat(MAX_QUESTION_LENGTH);
    expect((await converse(c, "u", exact)).kind).toBe("reply");
    expect(await converse(c, "u", `${exact}多`)).toEqual({
      kind: "refused",
      refusal: { code: "too-long", mode: "ask", length: MAX_QUESTION_LENGTH + 1, limit: MAX_QUESTION_LENGTH },
    });
    expect(await converse(c, "u", `核实 ${"多".repeat(501)}`)).toMatchObject({
      refusal: { code: "too-long", mode: "check", length: 501 },
    });
    // Code points, not UTF-16 units: 500 emoji are 500 characters.
    expect((await converse(c, "u", "😀".repeat(MAX_QUESTION_LENGTH))).kind).toBe("reply");
    expect((await converse({ ...c, maxLength: 3 }, "u", "新增学位")).kind).toBe("refused");
    expect(calls).toEqual([`ask:${exact}`, `ask:${"😀".repeat(MAX_QUESTION_LENGTH)}`]);
  });

  it("refuses an empty question or claim, and leaves commands and blank messages to the adapter", async () => {
    const calls: string[] = [];
    const c: Conversation = { engine: recordingEngine(calls), limiter: null };
    expect(await converse(c, "u", "/ask")).toEqual({
      kind: "refused",
      refusal: { code: "empty", mode: "ask" },
    });
    expect(await converse(c, "u", "核实：")).toEqual({
      kind: "refused",
      refusal: { code: "empty", mode: "check" },
    });
    expect(await converse(c, "u", "  ")).toEqual({ kind: "empty" });
    expect(await converse(c, "u", "/sources")).toEqual({ kind: "command", name: "sources", args: "" });
    expect(calls).toEqual([]);
  });
});

describe("figures per claim (issue 14, finding 1)", () => {
  it("refuses a claim of more figures than the limit before the engine or the rate limit, and only claims", async () => {
    const calls: string[] = [];
    const now = { ms: 0 };
    const c: Conversation = { engine: recordingEngine(calls), limiter: new RateLimiter(1, () => now.ms) };
    const many = "1%".repeat(MAX_CLAIM_FIGURES + 1);
    expect(await converse(c, "u", `核实 ${many}`)).toEqual({
      kind: "refused",
      refusal: { code: "too-many-figures", count: MAX_CLAIM_FIGURES + 1, limit: MAX_CLAIM_FIGURES },
    });
    expect(
      await converse({ ...c, maxFigures: 2 }, "u", "核实 新增学位28万个，教师3万名，高校5所"),
    ).toMatchObject({
      refusal: { code: "too-many-figures", count: 3, limit: 2 },
    });
    // A question is searched for its words, not checked figure by figure: no figure limit.
    expect((await converse(c, "u", many)).kind).toBe("reply");
    expect((await converse(c, "u2", `核实 ${"1%".repeat(MAX_CLAIM_FIGURES)}`)).kind).toBe("reply");
    expect(calls).toEqual([`ask:${many}`, `check:${"1%".repeat(MAX_CLAIM_FIGURES)}`]);
  });

  it.each<[string, number]>([
    ["全市新增学位28万个", 1],
    ["新增学位28万个，教师3万名", 2],
    ["1%".repeat(250), 250],
    ["百分之八十", 1],
  ])("%s holds %i figures", (claim, n) => {
    expect(figureCount(claim)).toBe(n);
  });

  it("words the first refused line of a CLI batch, and passes a batch within the limits", () => {
    expect(batchRefusal("check", ["全市新增学位28万个", `核实：${"1%".repeat(21)}`])).toBe(
      "第 2 行：说法里的数字太多了（21 个），一次最多核实 20 个，请分成几句分别核实。",
    );
    expect(batchRefusal("ask", ["多".repeat(501)])).toBe(
      "问题太长了（501 字），请控制在 500 字以内，只写要查的指标。",
    );
    expect(batchRefusal("check", ["核实 新增学位28万个", ""])).toBeNull();
  });
});

describe("rate limiter", () => {
  it("allows `limit` events per window and per key, then refuses until the oldest leaves the window", () => {
    const now = { ms: 0 };
    const limiter = new RateLimiter(2, () => now.ms);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([true, true, false]);
    expect(limiter.take("b")).toBe(true);
    now.ms = 30_000;
    expect(limiter.take("a")).toBe(false);
    now.ms = 59_999;
    expect(limiter.take("a")).toBe(false);
    now.ms = 60_000;
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
  });

  it("does not count refused events, so a user who keeps trying is let in once the window passes", () => {
    const now = { ms: 0 };
    const limiter = new RateLimiter(1, () => now.ms, 10_000);
    expect(limiter.take("a")).toBe(true);
    for (let t = 1_000; t < 10_000; t += 1_000) {
      now.ms = t;
      expect(limiter.take("a")).toBe(false);
    }
    now.ms = 10_000;
    expect(limiter.take("a")).toBe(true);
  });

  it("in a conversation: counts questions and claims per user, not refusals for length or commands", async () => {
    const now = { ms: 0 };
    const calls: string[] = [];
    const c: Conversation = { engine: recordingEngine(calls), limiter: new RateLimiter(2, () => now.ms) };
    expect((await converse(c, "u1", "多".repeat(600))).kind).toBe("refused");
    expect((await converse(c, "u1", "/help")).kind).toBe("command");
    expect((await converse(c, "u1", "新增学位多少")).kind).toBe("reply");
    expect((await converse(c, "u1", "核实 新增学位28万个")).kind).toBe("reply");
    expect(await converse(c, "u1", "新增学位多少")).toEqual({
      kind: "refused",
      refusal: { code: "rate-limited", limit: 2, windowMs: 60_000 },
    });
    expect((await converse(c, "u2", "新增学位多少")).kind).toBe("reply");
    now.ms = 60_000;
    expect((await converse(c, "u1", "新增学位多少")).kind).toBe("reply");
    expect(calls).toHaveLength(4);
  });
});
