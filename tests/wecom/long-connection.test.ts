import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeCom, type WeComHandle } from "../../adapters/wecom/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { capturedLog } from "../digest/helpers.js";
import { BOT_ID, BOT_SECRET, FakeWeCom, textMessage } from "./fake-wecom.js";

let engine: Engine;
let fake: FakeWeCom;
let bot: WeComHandle;
let store: Store;

async function start(e: Engine, env: Record<string, string> = {}) {
  const config = parseConfig({
    WECOM_BOT_ID: BOT_ID,
    WECOM_BOT_SECRET: BOT_SECRET,
    WECOM_WS_URL: fake.url,
    STARTUP_TIMEOUT_SECONDS: "10",
    ...env,
  });
  const captured = capturedLog("info");
  const handle = await startWeCom(e, config, store, { log: captured.log });
  return { handle, logText: captured.text };
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  fake = await new FakeWeCom().start();
  store = await openStore(mkdtempSync(join(tmpdir(), "wecom-test-")));
  bot = (await start(engine)).handle;
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await store?.close();
});

describe("WeCom intelligent robot over the long connection", () => {
  it("authenticates with the Bot ID and Secret", () => {
    expect(fake.frames.find((f) => f.cmd === "aibot_subscribe")?.body).toEqual({
      bot_id: BOT_ID,
      secret: BOT_SECRET,
    });
  });

  it("answers a question with one complete markdown reply: figure, sentence, citation", async () => {
    const before = fake.replies().length;
    const reqId = fake.push(textMessage("新增学位多少"));
    const reply = (await fake.waitForReplies(before + 1))[before];
    expect(reply?.headers.req_id).toBe(reqId);
    expect(reply?.body).toMatchObject({ msgtype: "stream", stream: { finish: true } });
    expect(reply?.content).toContain("**27.8万个**");
    expect(reply?.content).toContain(
      "> 来源：《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段",
    );
  });

  it("checks a claim, and shows the next answers for 更多来源", async () => {
    const before = fake.replies().length;
    fake.push(textMessage("核实 全市新增学位28万个", { user: "lisi" }));
    const check = (await fake.waitForReplies(before + 1))[before];
    expect(check?.content).toMatch(/核查结果：(❌ 不一致|⚠️ 来源不一致|✅ 一致|❓ 未找到)/);
    fake.push(textMessage("新增学位多少", { user: "lisi" }));
    await fake.waitForReplies(before + 2);
    fake.push(textMessage("更多来源", { user: "lisi" }));
    const more = (await fake.waitForReplies(before + 3))[before + 2];
    expect(more?.content).toContain("更多来源（第 4 条起）");
  });

  it("in a group, answers a message wherever its @mention stands, without echoing the mention", async () => {
    const before = fake.replies().length;
    fake.push(textMessage("@政策数字 新增学位多少", { group: true }));
    const reply = (await fake.waitForReplies(before + 1))[before];
    expect(reply?.content).toContain("27.8万个");
    expect(reply?.content).not.toContain("政策数字");
    // WeCom delivers a group message only when it mentions the robot: a mention at the end is one too.
    fake.push(textMessage("新增学位多少 @政策数字", { group: true }));
    const atEnd = (await fake.waitForReplies(before + 2))[before + 1];
    expect(atEnd?.content).toContain("27.8万个");
    expect(atEnd?.content).not.toContain("政策数字");
  });

  it("renders hostile text inert", async () => {
    const before = fake.replies().length;
    fake.push(
      textMessage('核实 **粗体** [点我](http://evil.example) <font color="warning">红</font> 新增学位28万个'),
    );
    const reply = (await fake.waitForReplies(before + 1))[before];
    expect(reply?.content).not.toContain("**粗体**");
    expect(reply?.content).not.toContain("[点我](");
    expect(reply?.content).not.toContain("<font");
  });

  it("sends a reply refused for the frequency limit (45009) again, once taken", async () => {
    const before = fake.replies().length;
    fake.refuseNext(45009);
    fake.push(textMessage("高等教育毛入学率"));
    const replies = await fake.waitForReplies(before + 2);
    await settle();
    expect(fake.replies().length).toBe(before + 2);
    expect(replies[before + 1]?.content).toContain("63.5%");
  });

  it("answers a message delivered twice once, and anything but text with a note", async () => {
    const before = fake.replies().length;
    const m = textMessage("高等教育毛入学率", { msgid: "twice" });
    fake.push(m);
    fake.push(m);
    await fake.waitForReplies(before + 1);
    await settle();
    expect(fake.replies().length).toBe(before + 1);
    fake.push(textMessage("", { msgtype: "image" }));
    expect((await fake.waitForReplies(before + 2))[before + 1]?.content).toContain("我只能读文字消息");
  });

  it("a failing handler apologises without a stack and logs one line with the msgid", async () => {
    await bot.stop();
    const broken = {
      ...engine,
      ask: () => {
        throw new Error("boom at secret/path.ts:12");
      },
    } as Engine;
    const b = await start(broken);
    try {
      const before = fake.replies().length;
      fake.push(textMessage("新增学位多少", { msgid: "msg-broken" }));
      const reply = (await fake.waitForReplies(before + 1))[before];
      expect(reply?.content).toBe("出错了，请稍后再试");
      expect(
        b
          .logText()
          .split("\n")
          .filter((l) => l.includes("msg-broken")),
      ).toEqual(["wecom message msg-broken failed: Error: boom at secret/path.ts:12"]);
    } finally {
      await b.handle.stop();
    }
  });

  it("fails the start with one line when WeCom refuses the Secret", async () => {
    await expect(start(engine, { WECOM_BOT_SECRET: "wrong" })).rejects.toThrow(
      /WeCom refused WECOM_BOT_ID \/ WECOM_BOT_SECRET: Authentication failed: invalid bot secret \(code: 40014\)/,
    );
  });
});
