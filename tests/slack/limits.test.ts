import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { blocksText, type Harness, startHarness } from "./helpers/harness.js";
import { commandBody, eventBody, send } from "./helpers/signed.js";

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
let h: Harness;
/** What reached the engine: the limits must stop refused text before it. */
const asked: string[] = [];
const now = { ms: Date.UTC(2025, 0, 1) };
let ts = 0;

beforeAll(async () => {
  const engine = await createEngine({ corpusDir: "seeds" });
  const counting: Engine = {
    ...engine,
    ask: (q, o) => {
      asked.push(q);
      return engine.ask(q, o);
    },
  };
  h = await startHarness(counting, { retries: 0 }, 3, undefined, {
    rateLimit: 2,
    clock: () => new Date(now.ms),
  });
});
afterAll(async () => h?.stop());

/** Mentions the bot as `user` and returns the message posted in reply. */
async function mention(user: string, text: string) {
  const before = h.slack.of("chat.postMessage").length;
  const event = { type: "app_mention", user, text: `<@UBOT> ${text}`, ts: `9.${++ts}`, channel: "C1" };
  expect(await send(h.url, eventBody(event), JSON_TYPE)).toBe(200);
  const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
  return { text: String(post?.params.text), blocks: blocksText(post?.params.blocks) };
}

/** Sends /policy as user U1 (the signed command's user) and returns the ephemeral answer. */
async function policy(text: string, name: string) {
  expect(await send(h.url, commandBody("/policy", text, h.slack.responseUrl(name)), FORM)).toBe(200);
  return (await h.slack.waitForPath(name)).params;
}

describe("Slack limits (the conversation layer's, as on Telegram)", () => {
  it("refuses a question over 500 characters, in the thread and to /policy, without searching", async () => {
    const long = `新增学位${"多".repeat(600)}`;
    const reply = await mention("ULONG", long);
    expect(reply.text).toContain("问题太长了（604 字）");
    expect(reply.text).toContain("500 字以内");
    const eph = await policy(long, "long1");
    expect(eph.response_type).toBe("ephemeral");
    expect(String(eph.text)).toContain("问题太长了");
    expect(asked).not.toContain(long);
  });

  it("refuses a user past RATE_LIMIT questions a minute, mentions and commands alike, and recovers", async () => {
    expect((await mention("U1", "新增学位多少")).blocks).toContain("27.8万");
    expect(blocksText((await policy("高等教育毛入学率", "rate1")).blocks)).toContain("63.5%");
    const refused = await mention("U1", "新增学位多少");
    expect(refused.text).toContain("每分钟最多 2 个问题");
    expect(refused.blocks).toBe("[]");
    expect(String((await policy("新增学位多少", "rate2")).text)).toContain("每分钟最多 2 个问题");
    expect((await mention("U2", "新增学位多少")).blocks).toContain("27.8万");
    now.ms += 61_000;
    expect((await mention("U1", "新增学位多少")).blocks).toContain("27.8万");
  });

  it("echoes an unknown command inert, and answers a bare mention with the usage", async () => {
    const unknown = await mention("U3", "/<!channel>");
    expect(unknown.text).toContain("未知命令 /&lt;!channel&gt;");
    expect(unknown.text).not.toContain("<!channel>");
    expect((await mention("U3", "")).text).toContain("请输入问题");
  });
});
