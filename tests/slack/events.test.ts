import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { blocksText, type Harness, settle, startHarness } from "./helpers/harness.js";
import { eventBody, send } from "./helpers/signed.js";

const JSON_TYPE = "application/json";
let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startHarness(engine);
});
afterAll(async () => h?.stop());

function mention(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: "app_mention",
    user: "U1",
    text,
    ts: "1700000100.000100",
    channel: "C1",
    event_ts: "1",
    ...extra,
  };
}

describe("slack events", () => {
  it("answers a mention inside a thread, in that thread, with the figure and citation", async () => {
    const before = h.slack.of("chat.postMessage").length;
    const body = eventBody(mention("<@UBOT> 新增学位多少", { thread_ts: "1700000000.000001" }));
    expect(await send(h.url, body, JSON_TYPE)).toBe(200);
    const posts = await h.slack.waitFor("chat.postMessage", before + 1);
    const post = posts[before];
    expect(post?.params.channel).toBe("C1");
    expect(post?.params.thread_ts).toBe("1700000000.000001");
    const text = blocksText(post?.params.blocks);
    expect(text).toContain("27.8万");
    expect(text).toContain("《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段");
    expect(String(post?.params.text)).toContain("27.8万");
  });

  it("starts a thread on a top-level mention (thread_ts = event ts)", async () => {
    const before = h.slack.of("chat.postMessage").length;
    await send(h.url, eventBody(mention("<@UBOT> 新增学位多少")), JSON_TYPE);
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    expect(post?.params.thread_ts).toBe("1700000100.000100");
  });

  it("checks a claim after 核实 with a verdict and claim vs source value", async () => {
    const before = h.slack.of("chat.postMessage").length;
    await send(h.url, eventBody(mention("<@UBOT> 核实 全市新增学位28万个")), JSON_TYPE);
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    const text = blocksText(post?.params.blocks);
    expect(text).toMatch(/核查结果：(❌ 不一致|⚠️ 来源不一致|✅ 一致|❓ 未找到)/);
    expect(text).toContain("说法数值");
    expect(text).toContain("28万个");
  });

  it("answers a DM in the DM, without a thread", async () => {
    const before = h.slack.of("chat.postMessage").length;
    const dm = {
      type: "message",
      channel_type: "im",
      channel: "D1",
      user: "U1",
      text: "新增学位多少",
      ts: "1700000200.1",
    };
    await send(h.url, eventBody(dm), JSON_TYPE);
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    expect(post?.params.channel).toBe("D1");
    expect(post?.params.thread_ts).toBeUndefined();
    expect(blocksText(post?.params.blocks)).toContain("27.8万");
  });

  it("answers a retried event (same event_id, x-slack-retry-num) only once", async () => {
    const before = h.slack.of("chat.postMessage").length;
    const body = eventBody(mention("<@UBOT> 新增学位多少"), "EvRETRY1");
    expect(await send(h.url, body, JSON_TYPE)).toBe(200);
    const retry = { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" };
    expect(await send(h.url, body, JSON_TYPE, { headers: retry })).toBe(200);
    await h.slack.waitFor("chat.postMessage", before + 1);
    await settle();
    expect(h.slack.of("chat.postMessage").length).toBe(before + 1);
  });

  it("ignores its own messages and other bots", async () => {
    const before = h.slack.of("chat.postMessage").length;
    const own = {
      type: "message",
      channel_type: "im",
      channel: "D1",
      bot_id: "BBOT",
      user: "UBOT",
      text: "新增学位多少",
      ts: "2",
    };
    const other = { ...own, bot_id: "BOTHER", user: "U9", subtype: "bot_message", ts: "3" };
    const botMention = mention("<@UBOT> 新增学位多少", { bot_id: "BOTHER", ts: "4" });
    for (const e of [own, other, botMention]) expect(await send(h.url, eventBody(e), JSON_TYPE)).toBe(200);
    await settle();
    expect(h.slack.of("chat.postMessage").length).toBe(before);
  });

  it("renders hostile text inert: no <!channel>, & escaped", async () => {
    const before = h.slack.of("chat.postMessage").length;
    // Slack delivers user text with &, <, > escaped; a real @channel arrives as <!channel>.
    await send(
      h.url,
      eventBody(mention("<@UBOT> 核实 <!channel> &amp; &lt;script&gt; 新增学位28万个")),
      JSON_TYPE,
    );
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    const all = `${blocksText(post?.params.blocks)}${String(post?.params.text)}`;
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<script>");
    // The mention is no part of the claim: removed, not echoed; the rest of the user's text is escaped.
    expect(all).not.toContain("channel");
    expect(all).toContain("&lt;script&gt;");
    expect(all).toContain("&amp;");
  });
});
