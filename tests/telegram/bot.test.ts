import { dirname } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runFeedback } from "../../adapters/cli/feedback.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { FakeBotApi } from "./fake-api.js";
import { buttonData, buttonLabels, sentText, type TestBot, testBot } from "./helpers.js";
import { assertWellFormed, visibleText } from "./html-check.js";
import { botMessage, callbackUpdate, inlineUpdate, messageUpdate } from "./updates.js";

const CITATION = "《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段";

let engine: Engine;
let api: FakeBotApi;
let t: TestBot;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(async () => {
  api.reset();
  t = await testBot(engine, api);
});

describe("private chat", () => {
  it("answers a question with one HTML message: figure, quote, citation, buttons", async () => {
    const update = messageUpdate("新增学位多少");
    await t.send(update);
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(1);
    const p = sends[0]?.payload ?? {};
    const html = String(p.text);
    expect(p.parse_mode).toBe("HTML");
    expect(html).toContain("<b>27.8万个</b>");
    expect(html).toContain("新增学位<b>27.8万个</b>");
    expect(visibleText(html)).toContain(CITATION);
    expect(html).toContain("相关数字");
    assertWellFormed(html);
    expect(p.reply_parameters).toMatchObject({ message_id: update.message?.message_id });
    const data = buttonData(p);
    expect(data.some((d) => d.startsWith("m:"))).toBe(true);
    expect(data.filter((d) => d.startsWith("f:"))).toHaveLength(2);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
  });

  it("checks text that starts with 核实", async () => {
    await t.send(messageUpdate("核实 全市新增学位28万个"));
    const html = sentText(api);
    expect(html).toMatch(/✅ 一致|❌ 不一致|⚠️ 来源不一致|❓ 未找到/);
    expect(html).toContain("说法：<b>28万个</b>");
    expect(html).toContain("<b>27.8万个</b>");
    assertWellFormed(html);
  });

  it("replies with help to a sticker, a photo and a voice message", async () => {
    await t.send(messageUpdate(null, { extra: { sticker: { file_id: "s" } } as never }));
    await t.send(messageUpdate(null, { extra: { photo: [] } as never }));
    await t.send(messageUpdate(null, { extra: { voice: { file_id: "v" } } as never }));
    expect(api.callsOf("sendMessage")).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(sentText(api, i)).toContain("只能读文字消息");
  });

  it("refuses a question over 500 characters and says why", async () => {
    await t.send(messageUpdate(`新增学位${"多".repeat(600)}`));
    expect(sentText(api)).toContain("问题太长了");
    expect(sentText(api)).toContain("500");
  });

  it("escapes a hostile question and claim", async () => {
    await t.send(messageUpdate("核实 <b>x</b> & <script>新增学位28万个"));
    const html = sentText(api);
    assertWellFormed(html);
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;");
    expect(html).not.toContain("<script>");
    await t.send(messageUpdate("<b>x</b> & <script>"));
    assertWellFormed(sentText(api, 1));
    expect(sentText(api, 1)).not.toContain("<script>");
  });
});

describe("commands", () => {
  it("/start explains and offers three example questions that ask when pressed", async () => {
    await t.send(messageUpdate("/start"));
    const p = api.callsOf("sendMessage")[0]?.payload ?? {};
    expect(String(p.text)).toContain("政策文件");
    expect(buttonLabels(p)).toEqual(await engine.examples());
    expect(buttonData(p)).toEqual((await engine.examples()).map((q) => `q:${q}`));
    const first = buttonData(p).find((d) => d.includes("新增学位")) ?? "";
    await t.send(callbackUpdate(first));
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(sentText(api, 1)).toContain("27.8万");
  });

  it("/help lists the usage", async () => {
    await t.send(messageUpdate("/help"));
    expect(sentText(api)).toContain("/ask");
    expect(sentText(api)).toContain("核实");
  });

  it("/ask answers and /ask alone asks for a question", async () => {
    await t.send(messageUpdate("/ask 新增学位多少"));
    expect(sentText(api)).toContain("<b>27.8万个</b>");
    await t.send(messageUpdate("/ask"));
    expect(sentText(api, 1)).toContain("请在 /ask 后写上问题");
  });

  it("/check checks a claim", async () => {
    await t.send(messageUpdate("/check 全市新增学位28万个"));
    const html = sentText(api);
    expect(html).toContain("核实：<i>全市新增学位28万个</i>");
    assertWellFormed(html);
  });

  it("/sources lists the documents with publisher and date", async () => {
    await t.send(messageUpdate("/sources"));
    const text = visibleText(sentText(api));
    expect(text).toContain("语料共 5 篇文档");
    expect(text).toContain("《早报|特刊·牢记嘱托 感恩奋进》 重庆日报 2025-04-24");
    assertWellFormed(sentText(api));
  });

  it("an unknown command gets a pointer to /help", async () => {
    await t.send(messageUpdate("/foo"));
    expect(sentText(api)).toContain("/help");
  });
});

describe("groups", () => {
  const group = { group: true, chatId: -1001 };

  it("answers a mention, quoting the asking message", async () => {
    const update = messageUpdate("@policy_facts_bot 新增学位多少", group);
    await t.send(update);
    const p = api.callsOf("sendMessage")[0]?.payload ?? {};
    expect(p.chat_id).toBe(-1001);
    expect(String(p.text)).toContain("27.8万");
    expect(p.reply_parameters).toMatchObject({ message_id: update.message?.message_id });
  });

  it("answers a reply to its own message", async () => {
    await t.send(messageUpdate("新增学位多少", { ...group, replyTo: botMessage(-1001, "之前的回答") }));
    expect(sentText(api)).toContain("27.8万");
  });

  it("answers /ask@bot and /check@bot", async () => {
    await t.send(messageUpdate("/ask@policy_facts_bot 新增学位多少", group));
    await t.send(messageUpdate("/check@policy_facts_bot 全市新增学位28万个", group));
    expect(sentText(api, 0)).toContain("27.8万");
    expect(sentText(api, 1)).toContain("核实");
  });

  it("a bare mention gets the usage", async () => {
    await t.send(messageUpdate("@policy_facts_bot", group));
    expect(sentText(api)).toContain("用法");
  });

  it("runs a command written after a mention, and refuses an empty /check", async () => {
    await t.send(messageUpdate("@policy_facts_bot /help", group));
    expect(sentText(api)).toContain("用法");
    await t.send(messageUpdate("@policy_facts_bot /sources", group));
    expect(visibleText(sentText(api, 1))).toContain("语料共 5 篇文档");
    await t.send(messageUpdate("/check@policy_facts_bot", group));
    expect(sentText(api, 2)).toContain("请在 /check 后写上要核实的说法");
  });

  it("ignores chatter, other bots' commands and replies to other people", async () => {
    await t.send(messageUpdate("新增学位多少", group));
    await t.send(messageUpdate("/ask@other_bot 新增学位多少", group));
    await t.send(messageUpdate("@someone_else 你好", group));
    await t.send(messageUpdate(null, { ...group, extra: { sticker: { file_id: "s" } } as never }));
    expect(api.calls).toHaveLength(0);
  });
});

describe("buttons", () => {
  async function askAndGetButtons(): Promise<string[]> {
    await t.send(messageUpdate("新增学位多少"));
    return buttonData(api.callsOf("sendMessage")[0]?.payload ?? {});
  }

  it("更多来源 edits the message to the next answer", async () => {
    const more = (await askAndGetButtons()).find((d) => d.startsWith("m:")) ?? "";
    await t.send(callbackUpdate(more));
    const edit = api.callsOf("editMessageText")[0]?.payload ?? {};
    const reply = await engine.ask("新增学位多少");
    const second = reply.kind === "answer" ? reply.answers[1] : undefined;
    expect(String(edit.text)).toContain(`<b>${second?.figure?.text}</b>`);
    expect(visibleText(String(edit.text))).toContain(`第${second?.sources[0]?.paragraph}段`);
    expect(String(edit.text)).toContain(`来源 2/${reply.kind === "answer" ? reply.answers.length : 0}`);
    assertWellFormed(String(edit.text));
    expect(buttonData(edit).some((d) => d.endsWith(":2"))).toBe(true);
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("stale or forged callback data is answered with 已过期", async () => {
    for (const data of ["m:zzzz:1", "f:zzzz:u", "garbage", "m:1:99", "x:9"])
      await t.send(callbackUpdate(data));
    const answers = api.callsOf("answerCallbackQuery");
    expect(answers).toHaveLength(5);
    for (const a of answers) expect(a.payload.text).toBe("已过期，请重新提问");
    expect(api.callsOf("editMessageText")).toHaveLength(0);
  });

  it("👍/👎 are acknowledged to the clicker and recorded once per user, with the question and answer", async () => {
    const data = await askAndGetButtons();
    const up = data.find((d) => /^f:.+:u:0$/.test(d)) ?? "";
    const down = data.find((d) => /^f:.+:d:0$/.test(d)) ?? "";
    await t.send(callbackUpdate(up));
    await t.send(callbackUpdate(up));
    await t.send(callbackUpdate(down));
    // Told to the clicker alone (a callback answer): recorded, kept, changed; one vote stored.
    expect(api.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "已收到反馈 👍，谢谢！",
      "你已经给过 👍，反馈保持不变。",
      "已把你的反馈改为 👎，谢谢。",
    ]);
    const [record, ...more] = await t.store.feedback.list();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      platform: "telegram",
      question: "新增学位多少",
      rating: "down",
      user: "777",
      kind: "answer",
      figure: "27.8万个",
    });
    expect(record?.at).toBe("2025-01-01T00:00:00.000Z");
  });

  it("👍 on the first answer and 👎 on the second after 更多来源 are two votes, each with its figure", async () => {
    const data = await askAndGetButtons();
    await t.send(callbackUpdate(data.find((d) => /^f:.+:u:0$/.test(d)) ?? ""));
    await t.send(callbackUpdate(data.find((d) => d.startsWith("m:")) ?? ""));
    const page2 = buttonData(api.callsOf("editMessageText")[0]?.payload ?? {});
    t.now.ms += 60_000;
    await t.send(callbackUpdate(page2.find((d) => /^f:.+:d:1$/.test(d)) ?? ""));
    expect(api.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "已收到反馈 👍，谢谢！",
      undefined,
      "已收到反馈 👎，我们会改进。",
    ]);
    const reply = await engine.ask("新增学位多少");
    const [first, second] = reply.kind === "answer" ? reply.answers : [];
    expect(second?.figure?.text).not.toBe(first?.figure?.text);
    expect(
      (await t.store.feedback.list()).map((r) => [r.rating, r.figure, r.quote, r.source?.paragraph]),
    ).toEqual([
      ["down", second?.figure?.text, second?.quote.text, second?.sources[0]?.paragraph],
      ["up", "27.8万个", first?.quote.text, first?.sources[0]?.paragraph],
    ]);
    // A maintainer sees both, each with the answer it was given to.
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: () => {} };
    await runFeedback([], { DATA_DIR: dirname(t.store.file) }, io);
    const [head, ...rows] = out.join("").trim().split("\n\n");
    expect(head).toBe("反馈 2 条：👎 1 · 👍 1");
    expect(rows.map((r) => r.split("\n").slice(0, 3))).toEqual([
      [
        expect.stringMatching(/^👎 /),
        "  问：新增学位多少",
        `  答：${second?.figure?.text} — ${second?.quote.text}`,
      ],
      [expect.stringMatching(/^👍 /), "  问：新增学位多少", `  答：27.8万个 — ${first?.quote.text}`],
    ]);
  });

  it("a 👍 on an answer the reply does not have is answered with 已过期 and not recorded", async () => {
    const up = (await askAndGetButtons()).find((d) => /^f:.+:u:0$/.test(d)) ?? "";
    await t.send(callbackUpdate(up.replace(/:0$/, ":99")));
    expect(api.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual(["已过期，请重新提问"]);
    expect(await t.store.feedback.list()).toEqual([]);
  });

  it("without a database (a damaged store at start) a 👍 tells the clicker it could not be kept", async () => {
    t = await testBot(engine, api, { store: null });
    const up = (await askAndGetButtons()).find((d) => /^f:.+:u:0$/.test(d)) ?? "";
    await t.send(callbackUpdate(up));
    expect(api.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "反馈 👍 暂时无法保存（数据库不可用），提问和核实照常可用。",
    ]);
  });
});

describe("limits", () => {
  it("answers a flood of messages past the rate limit with one refusal, not one each", async () => {
    t = await testBot(engine, api, { rateLimit: 2 });
    for (let i = 0; i < 8; i++) await t.send(messageUpdate("新增学位多少"));
    const texts = api.callsOf("sendMessage").map((c) => String(c.payload.text));
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain("每分钟最多 2 个问题");
  });

  it("refuses politely past the per-user rate and recovers after a minute", async () => {
    t = await testBot(engine, api, { rateLimit: 2 });
    for (let i = 0; i < 3; i++) await t.send(messageUpdate("新增学位多少"));
    expect(sentText(api, 2)).toContain("每分钟最多 2 个问题");
    t.now.ms += 61_000;
    await t.send(messageUpdate("新增学位多少"));
    expect(sentText(api, 3)).toContain("27.8万");
  });

  it("answers allowed chats only; others get one sentence", async () => {
    t = await testBot(engine, api, { allowedChats: "777, -1001" });
    await t.send(messageUpdate("新增学位多少", { userId: 555, chatId: 555 }));
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(sentText(api)).toBe("抱歉，这个机器人只在授权的聊天中使用。");
    await t.send(messageUpdate("新增学位多少"));
    expect(sentText(api, 1)).toContain("27.8万");
  });
});

describe("errors and retries", () => {
  it("a failing handler is logged with the update id and the chat only sees 出错了", async () => {
    const broken = {
      ...engine,
      ask: () => {
        throw new Error("boom at secret/path.ts:1");
      },
    };
    t = await testBot(broken, api);
    const update = messageUpdate("新增学位多少");
    await t.send(update);
    expect(sentText(api)).toBe("出错了，请稍后再试");
    expect(t.logs.join("\n")).toContain(`update ${update.update_id}`);
    expect(JSON.stringify(api.calls)).not.toContain("boom");
  });

  it("a 429 is retried after retry_after and the message is sent", async () => {
    api.failNext("sendMessage", 429, {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    await t.send(messageUpdate("新增学位多少"));
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.payload.text).toBe(sends[0]?.payload.text);
    expect(t.logs).toHaveLength(0);
  });

  it("a 502 is retried too", async () => {
    api.failNext("sendMessage", 502, { ok: false, error_code: 502, description: "Bad Gateway" });
    await t.send(messageUpdate("/help"));
    expect(api.callsOf("sendMessage")).toHaveLength(2);
    expect(t.logs).toHaveLength(0);
  });
});

describe("inline mode", () => {
  interface Article {
    type: string;
    title: string;
    input_message_content: { message_text: string; parse_mode: string };
  }

  it("offers the top answers as articles, each message with its citation", async () => {
    await t.send(inlineUpdate("新增学位"));
    const results = (api.callsOf("answerInlineQuery")[0]?.payload.results ?? []) as Article[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.type).toBe("article");
      expect(r.input_message_content.parse_mode).toBe("HTML");
      assertWellFormed(r.input_message_content.message_text);
      expect(visibleText(r.input_message_content.message_text)).toMatch(/—《.+》.*第\d+段/);
      expect(r.input_message_content.message_text).toContain("问：<i>新增学位</i>");
    }
    expect(results.some((r) => r.title === "27.8万个")).toBe(true);
  });

  it("an empty query gets no results and a stranger gets the not-allowed button", async () => {
    await t.send(inlineUpdate("  "));
    expect(api.callsOf("answerInlineQuery")[0]?.payload.results).toEqual([]);
    t = await testBot(engine, api, { allowedChats: "1" });
    await t.send(inlineUpdate("新增学位"));
    const denied = api.callsOf("answerInlineQuery")[1]?.payload ?? {};
    expect(denied.results).toEqual([]);
    expect(denied.button).toMatchObject({ text: "抱歉，这个机器人只在授权的聊天中使用。" });
  });

  it("escapes a hostile inline query", async () => {
    await t.send(inlineUpdate("核实 <b>x</b> & <script>新增学位28万个"));
    const results = (api.callsOf("answerInlineQuery")[0]?.payload.results ?? []) as Article[];
    expect(results).toHaveLength(1);
    const html = results[0]?.input_message_content.message_text ?? "";
    assertWellFormed(html);
    expect(html).not.toContain("<script>");
  });
});
