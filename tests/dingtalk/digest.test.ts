import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dingTalkDigestSender } from "../../adapters/dingtalk/digest-sender.js";
import type { Digest } from "../../src/digest/digest.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { dueSoon, seedsSeenSoon, tickOnce } from "../feishu/due-soon.js";
import { CLIENT_ID, CLIENT_SECRET, robotMessage } from "./fake-dingtalk.js";
import { type DingTalkHarness, startDingTalkHarness } from "./harness.js";

const { hhmm, at } = dueSoon();
let engine: Engine;
let h: DingTalkHarness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startDingTalkHarness(engine);
});
afterAll(async () => h?.stop());

const sender = () =>
  dingTalkDigestSender({
    apiUrl: h.fake.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    robotCode: CLIENT_ID,
  });

describe("DingTalk digests", () => {
  it("/digest on in a group subscribes it; the digest goes through the group-message API once, even after a restart", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(robotMessage(h.fake, ` /digest on ${hhmm} 学位`, { group: true, atBot: true }));
    expect(JSON.stringify((await h.fake.waitForSent(before + 1))[before]?.body)).toContain("已订阅");
    expect(await h.store.subscriptions.get("dingtalk", "cidGroup1")).toMatchObject({
      time: hhmm,
      topics: ["学位"],
    });
    await seedsSeenSoon(h.dataDir, engine);
    expect((await tickOnce(h.dataDir, engine, "dingtalk", sender(), at)).sent).toHaveLength(1);
    const digest = h.fake.sent().slice(before + 1);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.path).toBe("/v1.0/robot/groupMessages/send");
    expect(digest[0]?.headers["x-acs-dingtalk-access-token"]).toBe("dt-access-token");
    expect(digest[0]?.body).toMatchObject({
      robotCode: CLIENT_ID,
      openConversationId: "cidGroup1",
      msgKey: "sampleMarkdown",
    });
    expect(JSON.parse(String(digest[0]?.body.msgParam)).text).toContain("每日政策摘要");
    expect((await tickOnce(h.dataDir, engine, "dingtalk", sender(), at)).sent).toHaveLength(0);
    expect(h.fake.sent().length).toBe(before + 2);
  });

  it("says what a failed send means: 429 retry, 5xx and a dropped connection unknown, a refusal refused", async () => {
    const s = sender();
    const text =
      s.render({ date: "2025-03-03", preview: false, documents: [], topics: [] } as Digest)[0] ?? "";
    h.fake.next("429", "500", "drop", "refuse");
    expect(await s.send("cidX", text)).toMatchObject({ kind: "retry", afterMs: 1000 });
    expect(await s.send("cidX", text)).toMatchObject({ kind: "unknown", reason: "HTTP 500" });
    expect(await s.send("cidX", text)).toMatchObject({ kind: "unknown" });
    expect(await s.send("cidX", text)).toMatchObject({
      kind: "refused",
      reason: "robot.not.in.group robot is not in the group",
    });
    expect(await s.send("user:staff1", text)).toMatchObject({ kind: "sent" });
    expect(h.fake.calls.at(-1)?.path).toBe("/v1.0/robot/oToMessages/batchSend");
  });

  it("a refused access token is a retry with a new token; a 200 listing the user as invalid or flow-controlled is not 'sent'", async () => {
    const s = sender();
    const text =
      s.render({ date: "2025-03-03", preview: false, documents: [], topics: [] } as Digest)[0] ?? "";
    const tokens = () => h.fake.calls.filter((c) => c.path === "/v1.0/oauth2/accessToken").length;
    expect(await s.send("cidX", text)).toMatchObject({ kind: "sent" });
    const before = tokens();
    h.fake.next("token", "invalid-staff", "flow-controlled");
    expect(await s.send("cidX", text)).toMatchObject({ kind: "retry" });
    expect(await s.send("user:staff1", text)).toMatchObject({ kind: "refused" });
    expect(tokens()).toBe(before + 1);
    expect(await s.send("user:staff1", text)).toMatchObject({ kind: "retry" });
    expect(await s.send("user:staff1", text)).toMatchObject({ kind: "sent" });
  });
});
