import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { INLINE_QUERIES_PER_QUESTION } from "../../src/conversation/rate-limiter.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { FakeBotApi } from "./fake-api.js";
import { testBot } from "./helpers.js";
import { inlineUpdate, messageUpdate } from "./updates.js";

let engine: Engine;
let api: FakeBotApi;
/** What reached the engine: a refused query must not. */
const asked: string[] = [];

beforeAll(async () => {
  const real = await createEngine({ corpusDir: "seeds" });
  engine = {
    ...real,
    ask: (q, o) => {
      asked.push(q);
      return real.ask(q, o);
    },
  };
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  asked.length = 0;
});

const payload = (n: number) => api.callsOf("answerInlineQuery")[n]?.payload ?? {};

// Issue 14, finding 1: inline queries were not rate-limited at all.
describe("inline queries have a per-user rate limit of their own", () => {
  it("refuses a user past RATE_LIMIT × INLINE_QUERIES_PER_QUESTION a minute, saying why, and recovers", async () => {
    const t = await testBot(engine, api, { rateLimit: 1 });
    const budget = INLINE_QUERIES_PER_QUESTION;
    for (let i = 0; i <= budget; i++) await t.send(inlineUpdate(`新增学位${i}`));
    for (let i = 0; i < budget; i++) expect((payload(i).results as unknown[]).length).toBeGreaterThan(0);
    const refused = payload(budget);
    expect(refused.results).toEqual([]);
    expect(refused.cache_time).toBe(0);
    expect(refused.button).toMatchObject({ text: "提问太频繁了：每分钟最多 3 个问题，请稍等一会儿再问。" });
    expect(asked).toHaveLength(budget);
    // Another user, and the same user's messages, have budgets of their own.
    await t.send(inlineUpdate("新增学位", 4242));
    expect((payload(budget + 1).results as unknown[]).length).toBeGreaterThan(0);
    await t.send(messageUpdate("新增学位多少"));
    expect(String(api.callsOf("sendMessage")[0]?.payload.text)).toContain("27.8万");
    t.now.ms += 61_000;
    await t.send(inlineUpdate("新增学位"));
    expect((payload(budget + 2).results as unknown[]).length).toBeGreaterThan(0);
  });

  it("a claim of too many figures is refused on the button", async () => {
    const t = await testBot(engine, api);
    await t.send(inlineUpdate(`核实 ${"1%".repeat(30)}`));
    expect(payload(0).results).toEqual([]);
    expect(payload(0).button).toMatchObject({ text: expect.stringContaining("数字太多了（30 个）") });
  });
});
