import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFeedback } from "../../adapters/cli/feedback.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { blocksText, type Harness, startHarness } from "./helpers/harness.js";
import { actionBody, commandBody, eventBody, send } from "./helpers/signed.js";

const FORM = "application/x-www-form-urlencoded";
let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startHarness(engine, { retries: 0 }, 1);
});
afterAll(async () => h?.stop());

interface Button {
  action_id: string;
  value: string;
}

function buttons(blocks: unknown): Button[] {
  const list = (blocks ?? []) as Array<{ type: string; elements?: Button[] }>;
  return list.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

function findButton(blocks: unknown, actionId: string): Button {
  const b = buttons(blocks).find((x) => x.action_id === actionId);
  if (!b) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks)}`);
  return b;
}

async function slash(command: string, text: string, name: string) {
  const url = h.slack.responseUrl(name);
  expect(await send(h.url, commandBody(command, text, url), FORM)).toBe(200);
  return h.slack.waitForPath(name);
}

describe("slash commands and buttons", () => {
  it("/policy answers ephemerally via response_url with a share button", async () => {
    const call = await slash("/policy", "新增学位多少", "policy1");
    expect(call?.params.response_type).toBe("ephemeral");
    expect(blocksText(call?.params.blocks)).toContain("27.8万");
    findButton(call?.params.blocks, "policy_share");
    expect(h.slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("/factcheck checks a claim ephemerally with a verdict and share button", async () => {
    const call = await slash("/factcheck", "全市新增学位28万个", "fc1");
    expect(call?.params.response_type).toBe("ephemeral");
    expect(blocksText(call?.params.blocks)).toMatch(/核查结果：(❌ 不一致|⚠️ 来源不一致|✅ 一致|❓ 未找到)/);
    findButton(call?.params.blocks, "policy_share");
  });

  it("分享到频道 posts the reply for everyone and deletes the ephemeral copy", async () => {
    const call = await slash("/policy", "新增学位多少", "share1");
    const share = findButton(call?.params.blocks, "policy_share");
    const where = {
      channel: { id: "C1" },
      container: { type: "message", channel_id: "C1", is_ephemeral: true, message_ts: "9" },
    };
    const responseUrl = h.slack.responseUrl("share1-click");
    await send(h.url, actionBody(share, { ...where, response_url: responseUrl }), FORM);
    const post = (await h.slack.waitFor("chat.postMessage", 1))[0];
    expect(post?.params.channel).toBe("C1");
    expect(blocksText(post?.params.blocks)).toContain("27.8万");
    expect(buttons(post?.params.blocks).some((b) => b.action_id === "policy_share")).toBe(false);
    // The channel sees what was asked, and by whom.
    expect(blocksText(post?.params.blocks)).toContain("<@U1> 问：新增学位多少");
    const del = await h.slack.waitForPath("share1-click");
    expect(del.params.delete_original).toBe(true);
  });

  it("更多来源 in a thread posts the next answers in that thread", async () => {
    const before = h.slack.of("chat.postMessage").length;
    await send(
      h.url,
      eventBody({ type: "app_mention", user: "U1", text: "<@UBOT> 新增学位多少", ts: "5.5", channel: "C2" }),
      "application/json",
    );
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    const more = findButton(post?.params.blocks, "policy_more");
    const where = { channel: { id: "C2" }, message: { ts: "1700.1", thread_ts: "5.5", type: "message" } };
    await send(h.url, actionBody(more, { ...where, response_url: h.slack.responseUrl("more1") }), FORM);
    const next = (await h.slack.waitFor("chat.postMessage", before + 2))[before + 1];
    expect(next?.params.thread_ts).toBe("5.5");
    expect(blocksText(next?.params.blocks)).toContain("更多来源（第 2 条起）");
  });

  it("👍/👎 answer the clicker ephemerally, keep the buttons for everyone, and count one vote per user", async () => {
    const before = h.slack.of("chat.postMessage").length;
    await send(
      h.url,
      eventBody({ type: "app_mention", user: "U1", text: "<@UBOT> 新增学位多少", ts: "6.6", channel: "C3" }),
      "application/json",
    );
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    const up = findButton(post?.params.blocks, "policy_feedback_up");
    const down = findButton(post?.params.blocks, "policy_feedback_down");
    const where = (user: string, name: string) => ({
      user: { id: user, team_id: "T1" },
      channel: { id: "C3" },
      message: { ts: "1700.2", thread_ts: "6.6", type: "message" },
      response_url: h.slack.responseUrl(name),
    });
    const click = async (button: Button, user: string, name: string) => {
      await send(h.url, actionBody(button, where(user, name)), FORM);
      return h.slack.waitForPath(name);
    };
    const first = await click(up, "U1", "fb1");
    expect(first.params).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(first.params.text).toBe("已收到反馈 👍，谢谢！");
    expect((await click(up, "U1", "fb2")).params.text).toBe("你已经给过 👍，反馈保持不变。");
    expect((await click(down, "U1", "fb3")).params.text).toBe("已把你的反馈改为 👎，谢谢。");
    expect((await click(up, "U9", "fb4")).params.text).toBe("已收到反馈 👍，谢谢！");
    // Nobody else's view changed: no edit of the message, no buttons removed.
    expect(h.slack.of("chat.update")).toHaveLength(0);
    const votes = (await h.store.feedback.list()).filter((r) => r.chat === "C3");
    expect(votes.map((v) => [v.user, v.rating]).sort()).toEqual([
      ["U1", "down"],
      ["U9", "up"],
    ]);
    expect(votes[0]).toMatchObject({
      platform: "slack",
      question: "新增学位多少",
      kind: "answer",
      figure: "27.8万个",
    });
    expect(votes[0]?.source?.title).toBeTruthy();
  });

  it("👍 on the first answer and 👎 on the second after 更多来源 are two votes, each with its figure", async () => {
    const before = h.slack.of("chat.postMessage").length;
    await send(
      h.url,
      eventBody({ type: "app_mention", user: "U1", text: "<@UBOT> 新增学位多少", ts: "7.7", channel: "C4" }),
      "application/json",
    );
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    const where = (name: string) => ({
      user: { id: "U1", team_id: "T1" },
      channel: { id: "C4" },
      message: { ts: "1700.3", thread_ts: "7.7", type: "message" },
      response_url: h.slack.responseUrl(name),
    });
    const click = async (button: Button, name: string) => {
      await send(h.url, actionBody(button, where(name)), FORM);
      return h.slack.waitForPath(name);
    };
    expect((await click(findButton(post?.params.blocks, "policy_feedback_up"), "pg1")).params.text).toBe(
      "已收到反馈 👍，谢谢！",
    );
    await send(h.url, actionBody(findButton(post?.params.blocks, "policy_more"), where("pg-more")), FORM);
    const next = (await h.slack.waitFor("chat.postMessage", before + 2))[before + 1];
    const down = findButton(next?.params.blocks, "policy_feedback_down");
    expect((await click(down, "pg2")).params.text).toBe("已收到反馈 👎，我们会改进。");
    const reply = await engine.ask("新增学位多少");
    const [first, second] = reply.kind === "answer" ? reply.answers : [];
    expect(second?.figure?.text).not.toBe(first?.figure?.text);
    const votes = (await h.store.feedback.list()).filter((r) => r.chat === "C4");
    expect(votes.map((v) => [v.rating, v.figure, v.quote, v.source?.paragraph]).sort()).toEqual([
      ["down", second?.figure?.text, second?.quote.text, second?.sources[0]?.paragraph],
      ["up", "27.8万个", first?.quote.text, first?.sources[0]?.paragraph],
    ]);
    // A maintainer sees both, each with the answer it was given to.
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: () => {} };
    await runFeedback(["--json"], { DATA_DIR: dirname(h.store.file) }, io);
    const listed = out
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { chat: string; rating: string; figure: string })
      .filter((r) => r.chat === "C4");
    expect(listed.map((r) => [r.rating, r.figure]).sort()).toEqual([
      ["down", second?.figure?.text],
      ["up", "27.8万个"],
    ]);
  });

  it.each([
    [":99", "an answer the reply does not have"],
    [":abc", "a malformed offset"],
  ])("a 👎 whose value ends %s (%s) is answered with 已过期 and not recorded", async (end, _) => {
    const tag = `forged${end.slice(1)}`;
    const call = await slash("/policy", "新增学位多少", tag);
    const down = findButton(call?.params.blocks, "policy_feedback_down");
    const forged = { ...down, value: down.value.replace(/:\d+$/, end) };
    const where = {
      user: { id: "U7", team_id: "T1" },
      channel: { id: "C5" },
      container: { type: "message", channel_id: "C5", is_ephemeral: true },
      response_url: h.slack.responseUrl(`${tag}-click`),
    };
    await send(h.url, actionBody(forged, where), FORM);
    expect((await h.slack.waitForPath(`${tag}-click`)).params.text).toContain("已过期，请重新提问");
    expect((await h.store.feedback.list()).filter((r) => r.user === "U7")).toEqual([]);
  });

  it("a button whose reply is gone answers 已过期，请重新提问", async () => {
    const where = {
      channel: { id: "C1" },
      container: { type: "message", is_ephemeral: true },
      response_url: h.slack.responseUrl("stale"),
    };
    await send(h.url, actionBody({ action_id: "policy_more", value: "nope:3" }, where), FORM);
    const call = await h.slack.waitForPath("stale");
    expect(String(call?.params.text)).toContain("已过期，请重新提问");
  });
});
