import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeishu } from "../../adapters/feishu/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { capturedLog } from "../digest/helpers.js";
import { APP_ID, FakeFeishu, messageEvent } from "./fake-feishu.js";
import { startFeishuHarness } from "./harness.js";

let engine: Engine;
let fake: FakeFeishu;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  fake = await new FakeFeishu().start();
});
afterAll(async () => fake?.stop());

describe("Feishu reliability", () => {
  it("a failing handler says 出错了，请稍后再试 without a stack, and logs one line with the event id", async () => {
    const broken = {
      ...engine,
      ask: () => {
        throw new Error("boom at secret/path.ts:12");
      },
    } as Engine;
    const h = await startFeishuHarness(broken, {}, fake);
    try {
      const before = fake.sent().length;
      await fake.push(messageEvent("新增学位多少", { eventId: "ev-broken" }));
      const sent = (await fake.waitForSent(before + 1))[before];
      expect(sent?.text).toContain("出错了，请稍后再试");
      expect(sent?.text).not.toContain("boom");
      const lines = h
        .logText()
        .split("\n")
        .filter((l) => l.includes("ev-broken"));
      expect(lines).toEqual(["feishu event ev-broken failed: Error: boom at secret/path.ts:12"]);
    } finally {
      await h.stop();
    }
  });

  it("fails the start with one line when Feishu refuses the app's credentials", async () => {
    fake.refuseCredentials = 10003;
    try {
      const config = parseConfig({
        FEISHU_APP_ID: APP_ID,
        FEISHU_APP_SECRET: "wrong",
        FEISHU_API_URL: fake.url,
      });
      await expect(startFeishu(engine, config, null, { log: capturedLog().log })).rejects.toThrow(
        /PLATFORM_REFUSED|Feishu refused FEISHU_APP_ID/,
      );
    } finally {
      fake.refuseCredentials = null;
    }
  });

  it("fails the start with one line when the Open Platform cannot be reached", async () => {
    const config = parseConfig({
      FEISHU_APP_ID: APP_ID,
      FEISHU_APP_SECRET: "s",
      FEISHU_API_URL: "http://127.0.0.1:9",
      STARTUP_TIMEOUT_SECONDS: "5",
    });
    await expect(startFeishu(engine, config, null, { log: capturedLog().log })).rejects.toThrow(
      /Feishu API unreachable at http:\/\/127\.0\.0\.1:9: ECONNREFUSED/,
    );
  });

  it("limits questions per user (RATE_LIMIT): the first refusal is said, a flood after it is not answered", async () => {
    const h = await startFeishuHarness(engine, { RATE_LIMIT: "2" }, fake);
    try {
      const before = fake.sent().length;
      for (let i = 0; i < 4; i++) await fake.push(messageEvent("高等教育毛入学率", { user: "ou_flood" }));
      const sent = await fake.waitForSent(before + 3);
      await new Promise((r) => setTimeout(r, 400));
      expect(fake.sent().length).toBe(before + 3);
      expect(sent.slice(before).filter((c) => c.text.includes("提问太频繁了"))).toHaveLength(1);
      await fake.push(messageEvent("高等教育毛入学率", { user: "ou_other" }));
      expect((await fake.waitForSent(before + 4))[before + 3]?.text).toContain("63.5%");
    } finally {
      await h.stop();
    }
  });

  it("a reply Feishu refuses (a 5xx, not retried: it may have arrived) is one log line, then the apology", async () => {
    const h = await startFeishuHarness(engine, {}, fake);
    try {
      const before = fake.sent().length;
      fake.next("500");
      await fake.push(messageEvent("新增学位多少", { eventId: "ev-refused" }));
      const sent = await fake.waitForSent(before + 2);
      expect(sent[before + 1]?.text).toContain("出错了，请稍后再试");
      const lines = h
        .logText()
        .split("\n")
        .filter((l) => l.includes("fail") || l.includes("error"));
      expect(lines).toEqual(["feishu event ev-refused failed: FeishuError: internal error"]);
    } finally {
      await h.stop();
    }
  });
});
