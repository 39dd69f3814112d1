import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { blocksText, type Harness, startHarness } from "../slack/helpers/harness.js";
import { commandBody, send } from "../slack/helpers/signed.js";

const FORM = "application/x-www-form-urlencoded";
let engine: Engine;
let h: Harness;
let n = 0;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startHarness(engine);
});
afterAll(async () => h?.stop());
beforeEach(async () => {
  h.slack.answers.clear();
  await h.store.subscriptions.remove("slack", "C1");
});

/** Sends a signed slash command (channel C1, user U1) and returns what the app answered on its response_url. */
async function slash(command: string, text: string) {
  const name = `digest${++n}`;
  expect(await send(h.url, commandBody(command, text, h.slack.responseUrl(name)), FORM)).toBe(200);
  return (await h.slack.waitForPath(name)).params;
}

describe("Slack /digest", () => {
  it("/digest on 08:30 学位 from a channel member stores the subscription", async () => {
    h.slack.answers.set("conversations.members", { ok: true, members: ["U0", "U1"] });
    const reply = await slash("/digest", "on 08:30 学位");
    expect(reply.response_type).toBe("ephemeral");
    expect(String(reply.text)).toContain("已订阅");
    expect(await h.store.subscriptions.get("slack", "C1")).toMatchObject({
      time: "08:30",
      topics: ["学位"],
      subscribedBy: "U1",
    });
    expect(h.slack.of("conversations.members")[0]?.params.channel).toBe("C1");
    expect(String((await slash("/policy", "digest status")).text)).toContain("每天 08:30");
  });

  it("refuses a user who is not in the channel", async () => {
    h.slack.answers.set("conversations.members", { ok: true, members: ["U0"] });
    expect(String((await slash("/digest", "on")).text)).toContain("只有本频道成员");
    expect(await h.store.subscriptions.get("slack", "C1")).toBeNull();
  });

  it("answers politely when membership cannot be checked", async () => {
    h.slack.answers.set("conversations.members", { ok: false, error: "channel_not_found" });
    const text = String((await slash("/policy", "digest on 09:00")).text);
    expect(text).toContain("channel_not_found");
    expect(text).toContain("邀请机器人");
    expect(await h.store.subscriptions.get("slack", "C1")).toBeNull();
  });

  it("without a usable store, /digest says digests are unavailable", async () => {
    const bare = await startHarness(engine, { retries: 0 }, 3, undefined, { store: null });
    try {
      const name = `bare${++n}`;
      expect(await send(bare.url, commandBody("/digest", "on", bare.slack.responseUrl(name)), FORM)).toBe(
        200,
      );
      expect(String((await bare.slack.waitForPath(name)).params.text)).toContain("每日摘要暂不可用");
    } finally {
      await bare.stop();
    }
  });

  it("/digest now answers with a Block Kit preview; a bad time with the format", async () => {
    const preview = await slash("/digest", "now");
    expect(blocksText(preview.blocks)).toContain("每日政策摘要（预览）");
    expect(String((await slash("/digest", "on 8点")).text)).toContain("HH:MM");
  });
});
