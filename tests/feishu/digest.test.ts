import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatPace } from "../../adapters/feishu/chat-pace.js";
import { feishuDigestSender } from "../../adapters/feishu/digest-sender.js";
import type { Digest } from "../../src/digest/digest.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { dueSoon, seedsSeenSoon, tickOnce } from "./due-soon.js";
import { messageEvent } from "./fake-feishu.js";
import { type FeishuHarness, startFeishuHarness } from "./harness.js";

const { hhmm: HHMM, at: T0 } = dueSoon();

let engine: Engine;
let h: FeishuHarness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startFeishuHarness(engine);
});
afterAll(async () => h?.stop());

/** One tick at T0 of a process's digests over the harness's data directory, sending through its Feishu client. */
const runDigestsOnce = (dir: string) =>
  tickOnce(dir, engine, "feishu", feishuDigestSender(h.handle.bot.deps.api), T0);

describe("Feishu digests", () => {
  it("/digest on HH:MM 学位 in a group subscribes the chat; the digest is sent once, even after a restart", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent(`@_user_1 /digest on ${HHMM} 学位`, { chat: "group", mention: true }));
    const answer = (await h.fake.waitForSent(before + 1))[before];
    expect(answer?.text).toContain("已订阅");
    expect(await h.store.subscriptions.get("feishu", "oc_group1")).toMatchObject({
      time: HHMM,
      topics: ["学位"],
    });
    await seedsSeenSoon(h.dataDir, engine);
    expect((await runDigestsOnce(h.dataDir)).sent).toHaveLength(1);
    const digests = h.fake.sent().slice(before + 1);
    expect(digests).toHaveLength(1);
    expect(digests[0]?.path).toBe("/open-apis/im/v1/messages");
    expect(digests[0]?.query.receive_id_type).toBe("chat_id");
    expect(digests[0]?.body.receive_id).toBe("oc_group1");
    expect(digests[0]?.text).toContain("每日政策摘要");
    // A restarted process (another owner, the store opened again) finds the day's digest sent.
    expect((await runDigestsOnce(h.dataDir)).sent).toHaveLength(0);
    expect(h.fake.sent().length).toBe(before + 2);
  });

  it("/digest now previews the digest as cards in reply", async () => {
    const before = h.fake.sent().length;
    await h.fake.push(messageEvent("/digest now"));
    const sent = await h.fake.waitForSent(before + 2);
    expect(sent[before + 1]?.text).toContain("每日政策摘要（预览）");
  });

  it("says what a failed send means: 429 retry after the reset, 5xx and a dropped connection unknown", async () => {
    const sender = feishuDigestSender(h.handle.bot.deps.api);
    const payload = sender.render({ ...emptyDigest(), date: "2025-03-03" })[0] ?? "";
    h.fake.next("429", "500", "drop");
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "retry", afterMs: 1000 });
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "unknown", reason: "HTTP 500" });
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "unknown" });
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "sent" });
  });
});

describe("Feishu digest sends Feishu asks to repeat", () => {
  it("reads the chat frequency limit (230020) as a retry, not a refusal that would pause the subscription", async () => {
    const sender = feishuDigestSender(h.handle.bot.deps.api);
    const payload = sender.render({ ...emptyDigest(), date: "2025-03-03" })[0] ?? "";
    h.fake.next("chat-limit");
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "retry", afterMs: 1000 });
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "sent" });
  });

  it("reads a refused access token (99991663) as a retry, and fetches a new token for it", async () => {
    const sender = feishuDigestSender(h.handle.bot.deps.api);
    const payload = sender.render({ ...emptyDigest(), date: "2025-03-03" })[0] ?? "";
    const tokens = () => h.fake.calls.filter((c) => c.path.endsWith("/tenant_access_token/internal")).length;
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "sent" });
    const before = tokens();
    h.fake.next("token");
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "retry" });
    expect(await sender.send("oc_x", payload)).toMatchObject({ kind: "sent" });
    expect(tokens()).toBe(before + 1);
  });

  it("spaces a chat's cards 250 ms apart (Feishu allows 5 a second a chat), other chats not held back", async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    const sender = feishuDigestSender(h.handle.bot.deps.api, new ChatPace(250, () => now, sleep));
    const payload = sender.render({ ...emptyDigest(), date: "2025-03-03" })[0] ?? "";
    for (const chat of ["oc_a", "oc_a", "oc_b", "oc_a"]) {
      expect(await sender.send(chat, payload)).toMatchObject({ kind: "sent" });
      now += 10;
    }
    expect(waits).toEqual([240, 230]);
  });
});

function emptyDigest(): Digest {
  return { date: "", preview: false, documents: [], topics: [] };
}
