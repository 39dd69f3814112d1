import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { BOT_OPEN_ID, cardAction, messageEvent } from "./fake-feishu.js";
import { type FeishuHarness, settle, startFeishuHarness } from "./harness.js";

let engine: Engine;
let h: FeishuHarness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startFeishuHarness(engine);
});
afterAll(async () => h?.stop());

/** Button values of a sent card, in order. */
function buttons(card: {
  elements: unknown[];
}): Array<{ label: string; value: { a: string; id: string; i: number } }> {
  return card.elements.flatMap((e) => {
    const el = e as { tag?: string; actions?: Array<{ text: { content: string }; value: never }> };
    return el.tag === "action"
      ? (el.actions ?? []).map((b) => ({ label: b.text.content, value: b.value }))
      : [];
  });
}

describe("Feishu over the long connection", () => {
  it("starts through bot/v3/info and the endpoint lookup, then holds the WebSocket open", () => {
    expect(h.handle.mode).toBe("long connection");
    expect(h.fake.connected).toBe(true);
    expect(h.fake.calls.some((c) => c.path === "/open-apis/bot/v3/info")).toBe(true);
    expect(h.fake.calls.find((c) => c.path === "/callback/ws/endpoint")?.body).toMatchObject({
      AppID: expect.any(String),
    });
  });

  it("answers a question in a one-to-one chat with a card: figure, sentence, citation, buttons", async () => {
    const before = h.fake.sent().length;
    const ev = messageEvent("新增学位多少");
    const ack = await h.fake.push(ev);
    expect(ack.code).toBe(200);
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.path).toBe(`/open-apis/im/v1/messages/${ev.event.message.message_id}/reply`);
    expect(sent?.body.msg_type).toBe("interactive");
    expect(sent?.text).toContain("**27.8万个**");
    expect(sent?.text).toContain(
      "《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段",
    );
    const labels = buttons(sent?.card ?? { elements: [] }).map((b) => b.label);
    expect(labels).toContain("👍");
    expect(labels).toContain("更多来源");
  });

  it("checks a claim after 核实 with a verdict and the source's figure", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent("核实 全市新增学位28万个"));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.text).toMatch(/核查结果：(❌ 不一致|⚠️ 来源不一致|✅ 一致|❓ 未找到)/);
    expect(sent?.text).toContain("说法数值 **28万个**");
  });

  it("ignores a group message that does not mention the bot, and answers one that does", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent("新增学位多少", { chat: "group" }));
    // A mention of someone else is no mention of the bot (the check reads whose open_id is mentioned).
    await h.fake.push(messageEvent("@_user_1 新增学位多少", { chat: "group", mention: "other" }));
    await settle();
    expect(h.fake.sent().length).toBe(before);
    await h.fake.push(messageEvent("@_user_1 新增学位多少", { chat: "group", mention: true }));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.text).toContain("27.8万个");
    // The mention is no part of the question: the card never echoes it.
    expect(sent?.text).not.toContain("@_user_1");
    expect(BOT_OPEN_ID).not.toBe("");
  });

  it("answers a redelivered event (same event_id) once", async () => {
    const before = h.fake.sent().length;
    const ev = messageEvent("高等教育毛入学率", { eventId: "ev-again" });
    await h.fake.push(ev);
    await h.fake.push(ev);
    await h.fake.waitForSent(before + 1);
    await settle();
    expect(h.fake.sent().length).toBe(before + 1);
  });

  it("records 👍 from a card button and tells the clicker alone with a toast; 更多来源 sends the next answers", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent("新增学位多少"));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    const all = buttons(sent?.card ?? { elements: [] });
    const up = all.find((b) => b.label === "👍");
    const ack = await h.fake.push(cardAction(up?.value, { messageId: "om_answer" }));
    expect(ack.data).toMatchObject({ toast: { content: "已收到反馈 👍，谢谢！" } });
    const rows = await h.store.feedback.list();
    expect(rows[0]).toMatchObject({
      platform: "feishu",
      user: "ou_user1",
      rating: "up",
      question: "新增学位多少",
    });
    const more = all.find((b) => b.label === "更多来源");
    await h.fake.push(cardAction(more?.value, { messageId: "om_answer" }));
    const page = (await h.fake.waitForSent(before + 2))[before + 1];
    expect(page?.path).toBe("/open-apis/im/v1/messages/om_answer/reply");
    expect(page?.text).toContain("更多来源（第 4 条起）");
  });

  it("answers a forged or expired button with 已过期, recording nothing", async () => {
    const ack = await h.fake.push(cardAction({ a: "up", id: "nope", i: 0 }));
    expect(ack.data).toMatchObject({ toast: { content: "已过期，请重新提问" } });
    const forged = await h.fake.push(cardAction({ a: "up", id: "x<y", i: -1 }));
    expect(forged.data).toMatchObject({ toast: { content: "已过期，请重新提问" } });
  });

  it("renders hostile text inert: no <at> mention, no markdown from the user's text", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(
      messageEvent('核实 <at user_id="all">所有人</at> **粗体** [点我](http://evil.example) 新增学位28万个'),
    );
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.text).not.toContain("<at");
    expect(sent?.text).not.toContain("**粗体**");
    expect(sent?.text).not.toContain("[点我](");
    expect(sent?.text).toContain("&#60;at");
    expect(sent?.text).toContain("&#42;&#42;粗体&#42;&#42;");
  });

  it("answers anything but text with a short note", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent("", { type: "image" }));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.text).toContain("我只能读文字消息");
  });

  it("waits out a 429 (x-ogw-ratelimit-reset) and a frequency-limit code, then replies once", async () => {
    const before = h.fake.sent().length;
    h.fake.next("429", "frequency");
    await h.fake.push(messageEvent("高等教育毛入学率"));
    const sent = await h.fake.waitForSent(before + 3);
    await settle();
    expect(sent.length).toBe(before + 3);
    expect(sent[before + 2]?.text).toContain("63.5%");
  });
});
