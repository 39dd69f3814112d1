import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TIME_FORMAT } from "../../src/conversation/digest-wording.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { FakeBotApi } from "../telegram/fake-api.js";
import { sentText, type TestBot, testBot } from "../telegram/helpers.js";
import { assertWellFormed } from "../telegram/html-check.js";
import { messageUpdate, USER } from "../telegram/updates.js";

let engine: Engine;
let api: FakeBotApi;
let t: TestBot;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  api = await new FakeBotApi().start();
});
afterAll(async () => api.close());
beforeEach(async () => {
  api.reset();
  t = await testBot(engine, api);
});

describe("Telegram /digest", () => {
  it("/digest on 08:30 学位 in a private chat stores the subscription", async () => {
    await t.send(messageUpdate("/digest on 08:30 学位"));
    expect(sentText(api)).toContain("已订阅");
    expect(await t.store.subscriptions.get("telegram", String(USER.id))).toMatchObject({
      time: "08:30",
      timeZone: "Asia/Shanghai",
      topics: ["学位"],
      subscribedBy: String(USER.id),
      createdAt: "2025-01-01T00:00:00.000Z",
    });
    await t.send(messageUpdate("/digest status"));
    expect(sentText(api, 1)).toContain("每天 08:30");
    await t.send(messageUpdate("/digest off"));
    expect(await t.store.subscriptions.get("telegram", String(USER.id))).toBeNull();
  });

  it("refuses a non-admin in a group, and lets an admin subscribe", async () => {
    await t.send(messageUpdate("/digest@policy_facts_bot on 09:00", { group: true }));
    expect(api.callsOf("getChatMember")[0]?.payload).toMatchObject({ chat_id: -1001, user_id: USER.id });
    expect(sentText(api)).toContain("只有群管理员");
    expect(await t.store.subscriptions.get("telegram", "-1001")).toBeNull();
    api.failNext("getChatMember", 200, { ok: true, result: { status: "administrator", user: USER } });
    await t.send(messageUpdate("/digest@policy_facts_bot on 09:00", { group: true }));
    expect(await t.store.subscriptions.get("telegram", "-1001")).toMatchObject({ time: "09:00" });
  });

  it("without a usable store, /digest says digests are unavailable and questions still work", async () => {
    const bare = await testBot(engine, api, { store: null });
    await bare.send(messageUpdate("/digest on 08:30"));
    expect(sentText(api)).toContain("每日摘要暂不可用");
    expect(sentText(api)).toContain("提问和核实照常可用");
    await bare.send(messageUpdate("高等教育毛入学率"));
    expect(sentText(api, 1)).toContain("63.5%");
  });

  it("answers a bad time with the expected format", async () => {
    await t.send(messageUpdate("/digest on 25:99 学位"));
    expect(sentText(api)).toBe(TIME_FORMAT);
    expect(await t.store.subscriptions.get("telegram", String(USER.id))).toBeNull();
  });

  it("/digest now previews the new documents as well-formed HTML without recording a delivery", async () => {
    await t.store.documents.recordSeen(
      [{ doc: "003_a6ca4f19812664d6.txt", hash: "h3", title: null, publisher: null, date: null }],
      new Date(t.now.ms - 3600_000),
    );
    await t.send(messageUpdate("/digest now 学位"));
    const html = api
      .callsOf("sendMessage")
      .slice(1)
      .map((c) => String(c.payload.text));
    expect(html.join("")).toContain("每日政策摘要（预览）");
    expect(html.join("")).toContain("加快建设新时代教育强市");
    for (const h of html) {
      expect(h.length).toBeLessThanOrEqual(4096);
      assertWellFormed(h);
    }
  });
});
