import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.js";
import { createEngine } from "../../src/engine.js";
import { blocksText, type Harness, memoryLogger, startHarness } from "./helpers/harness.js";
import { commandBody, eventBody, send } from "./helpers/signed.js";

let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startHarness(engine, { retries: 2, minTimeout: 0, maxTimeout: 0 });
});
afterAll(async () => h?.stop());

describe("reliability", () => {
  it("waits out a 429 with Retry-After, then posts once", async () => {
    h.slack.rateLimitOnce.set("chat.postMessage", 1);
    const started = Date.now();
    const body = eventBody({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> 新增学位多少",
      ts: "7.7",
      channel: "C1",
    });
    expect(await send(h.url, body, "application/json")).toBe(200);
    const posts = await h.slack.waitFor("chat.postMessage", 1, 10_000);
    expect(h.slack.of("chat.postMessage:429")).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(posts).toHaveLength(1);
    expect(blocksText(posts[0]?.params.blocks)).toContain("27.8万");
  });

  it("a failing handler tells the user 出错了，请稍后再试 without a stack trace", async () => {
    const broken = {
      ...engine,
      ask: () => {
        throw new Error("boom at secret/path.ts:12");
      },
    } as Engine;
    const logs: string[] = [];
    const h2 = await startHarness(broken, { retries: 0 }, 3, memoryLogger(logs));
    try {
      await send(
        h2.url,
        commandBody("/policy", "新增学位多少", h2.slack.responseUrl("err")),
        "application/x-www-form-urlencoded",
      );
      const call = await h2.slack.waitForPath("err");
      expect(call.params.text).toBe("出错了，请稍后再试");
      const body = eventBody({
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> 新增学位多少",
        ts: "8.8",
        channel: "C1",
      });
      await send(h2.url, body, "application/json");
      const post = (await h2.slack.waitFor("chat.postMessage", 1))[0];
      expect(post?.params.text).toBe("出错了，请稍后再试");
      expect(post?.params.thread_ts).toBe("8.8");
      expect(JSON.stringify(h2.slack.calls)).not.toContain("boom");
      expect(logs.some((l) => l.includes("slack request trig.") && l.includes("boom"))).toBe(true);
      expect(logs.some((l) => /slack request Ev\d+ failed/.test(l))).toBe(true);
    } finally {
      await h2.stop();
    }
  });
});
