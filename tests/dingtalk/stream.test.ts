import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDingTalk } from "../../adapters/dingtalk/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { capturedLog } from "../digest/helpers.js";
import { CLIENT_ID, robotMessage } from "./fake-dingtalk.js";
import { type DingTalkHarness, settle, startDingTalkHarness } from "./harness.js";

let engine: Engine;
let h: DingTalkHarness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startDingTalkHarness(engine);
});
afterAll(async () => h?.stop());

/** The markdown text of a sent message. */
const md = (c: { body: Record<string, unknown> }) =>
  String((c.body.markdown as { text?: string })?.text ?? "");

describe("DingTalk over Stream mode", () => {
  it("connects through the gateway request with the app's credentials and acknowledges each message", async () => {
    expect(h.handle.mode).toBe("Stream mode");
    expect(h.fake.connected).toBe(true);
    const open = h.fake.calls.find((c) => c.path === "/v1.0/gateway/connections/open");
    expect(open?.body).toMatchObject({
      clientId: CLIENT_ID,
      subscriptions: expect.arrayContaining([{ type: "CALLBACK", topic: "/v1.0/im/bot/messages/get" }]),
    });
  });

  it("answers a question through the session webhook as markdown: figure, sentence, citation", async () => {
    const before = h.fake.sent().length;
    const ack = await h.fake.push(robotMessage(h.fake, "新增学位多少"));
    expect(ack).toMatchObject({ code: 200, message: "OK" });
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.path).toBe("/robot/sendBySession");
    expect(sent?.query.session).toBe("cidSingle1");
    expect(sent?.body.msgtype).toBe("markdown");
    expect(md(sent ?? { body: {} })).toContain("**27.8万个**");
    expect(md(sent ?? { body: {} })).toContain(
      "> 来源：《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段",
    );
    expect(md(sent ?? { body: {} })).toContain("回复“更多来源”查看第 4 条起的来源");
  });

  it("shows the next answers when the user replies 更多来源", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(robotMessage(h.fake, "更多来源"));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(md(sent ?? { body: {} })).toContain("更多来源（第 4 条起）");
  });

  it("checks a claim after 核实", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(robotMessage(h.fake, "核实 全市新增学位28万个"));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(md(sent ?? { body: {} })).toMatch(/核查结果：(❌ 不一致|⚠️ 来源不一致|✅ 一致|❓ 未找到)/);
    expect(md(sent ?? { body: {} })).toContain("说法数值 **28万个**");
  });

  it("ignores a group message that does not @mention the robot, answers one that does", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(robotMessage(h.fake, "新增学位多少", { group: true }));
    await settle();
    expect(h.fake.sent().length).toBe(before);
    await h.fake.push(robotMessage(h.fake, " 新增学位多少", { group: true, atBot: true }));
    const sent = (await h.fake.waitForSent(before + 1))[before];
    expect(sent?.query.session).toBe("cidGroup1");
    expect(md(sent ?? { body: {} })).toContain("27.8万个");
  });

  it("answers a message pushed twice (same msgId) once", async () => {
    const before = h.fake.sent().length;
    const m = robotMessage(h.fake, "高等教育毛入学率", { msgId: "msg-twice" });
    await h.fake.push(m);
    await h.fake.push(m);
    await h.fake.waitForSent(before + 1);
    await settle();
    expect(h.fake.sent().length).toBe(before + 1);
  });

  it("renders hostile text inert: no markdown, links or HTML from the user's text", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(
      robotMessage(
        h.fake,
        '核实 **粗体** [点我](http://evil.example) <font color="red">红</font> 新增学位28万个',
      ),
    );
    const text = md((await h.fake.waitForSent(before + 1))[before] ?? { body: {} });
    expect(text).not.toContain("**粗体**");
    expect(text).not.toContain("[点我](");
    expect(text).not.toContain("<font");
    expect(text).toContain("＊＊粗体＊＊");
  });

  it("answers anything but text with a short note", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(robotMessage(h.fake, "", { msgtype: "picture" }));
    expect(md((await h.fake.waitForSent(before + 1))[before] ?? { body: {} })).toContain("我只能读文字消息");
  });

  it("sends again after a 429 and a 'send too fast' errcode, once delivered", async () => {
    const before = h.fake.sent().length;
    h.fake.next("429", "toofast");
    await h.fake.push(robotMessage(h.fake, "高等教育毛入学率"));
    const sent = await h.fake.waitForSent(before + 3);
    await settle();
    expect(sent.length).toBe(before + 3);
    expect(md(sent[before + 2] ?? { body: {} })).toContain("63.5%");
  });

  it("a failing handler says 出错了，请稍后再试 without a stack, and logs one line with the message id", async () => {
    const broken = {
      ...engine,
      ask: () => {
        throw new Error("boom at secret/path.ts:12");
      },
    } as Engine;
    const b = await startDingTalkHarness(broken, {}, h.fake);
    try {
      const before = h.fake.sent().length;
      // Both robots are connected to the fake: the broken one answers its message too (the working one as well).
      await h.fake.push(robotMessage(h.fake, "新增学位多少", { msgId: "msg-broken" }));
      const sent = await h.fake.waitForSent(before + 2);
      const texts = sent.slice(before).map((c) => md(c));
      expect(texts).toContain("出错了，请稍后再试");
      expect(JSON.stringify(texts)).not.toContain("boom");
      expect(
        b
          .logText()
          .split("\n")
          .filter((l) => l.includes("msg-broken")),
      ).toEqual(["dingtalk message msg-broken failed: Error: boom at secret/path.ts:12"]);
    } finally {
      await b.stop();
    }
  });

  it("fails the start with one line when DingTalk refuses the credentials", async () => {
    const config = parseConfig({
      DINGTALK_CLIENT_ID: CLIENT_ID,
      DINGTALK_CLIENT_SECRET: "wrong",
      DINGTALK_API_URL: h.fake.url,
    });
    await expect(startDingTalk(engine, config, null, { log: capturedLog().log })).rejects.toThrow(
      /DingTalk refused DINGTALK_CLIENT_ID \/ DINGTALK_CLIENT_SECRET: InvalidAuthentication/,
    );
  });
});
