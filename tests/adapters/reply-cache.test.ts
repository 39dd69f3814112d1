import { describe, expect, it } from "vitest";
import { ReplyCache } from "../../adapters/reply-cache.js";
import type { Reply } from "../../src/answer/reply.js";

const reply: Reply = {
  kind: "no-answer",
  question: "q",
  reason: { code: "no-indicator" },
  suggestions: [],
  examples: [],
};

describe("ReplyCache (recent replies behind buttons)", () => {
  it("keeps the most recently used entries up to its size", () => {
    const cache = new ReplyCache(2);
    const a = cache.put(reply, "a");
    const b = cache.put(reply, "b");
    cache.get(a);
    const c = cache.put(reply, "c");
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)?.question).toBe("a");
    expect(cache.get(c)?.question).toBe("c");
  });

  it("expires entries after their time to live (injected clock)", () => {
    let now = 0;
    const cache = new ReplyCache(10, 1000, () => now);
    const id = cache.put(reply, "q");
    now = 999;
    expect(cache.get(id)).toBeDefined();
    now = 2500;
    expect(cache.get(id)).toBeUndefined();
  });

  it("gives ids that fit Telegram's 64-byte callback data and do not repeat across restarts", () => {
    const first = new ReplyCache().put(reply, "q");
    const afterRestart = new ReplyCache();
    const second = afterRestart.put(reply, "q");
    expect(first).toMatch(/^[0-9A-Za-z_-]{8}$/);
    expect(second).not.toBe(first);
    expect(afterRestart.get(first)).toBeUndefined();
    expect(Buffer.byteLength(`m:${first}:999`)).toBeLessThanOrEqual(64);
  });
});
