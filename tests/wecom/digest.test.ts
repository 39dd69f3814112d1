import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderWeComDigest, weComDigestSender } from "../../adapters/wecom/digest-sender.js";
import { startWeCom, type WeComHandle } from "../../adapters/wecom/start.js";
import { parseConfig } from "../../src/config.js";
import type { Digest } from "../../src/digest/digest.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { capturedLog } from "../digest/helpers.js";
import { dueSoon, seedsSeenSoon, tickOnce } from "../feishu/due-soon.js";
import { BOT_ID, BOT_SECRET, FakeWeCom, textMessage } from "./fake-wecom.js";

const { hhmm, at } = dueSoon();
let engine: Engine;
let fake: FakeWeCom;
let bot: WeComHandle;
let store: Store;
let dataDir: string;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  fake = await new FakeWeCom().start();
  dataDir = mkdtempSync(join(tmpdir(), "wecom-digest-"));
  store = await openStore(dataDir);
  const config = parseConfig({ WECOM_BOT_ID: BOT_ID, WECOM_BOT_SECRET: BOT_SECRET, WECOM_WS_URL: fake.url });
  bot = await startWeCom(engine, config, store, { log: capturedLog().log });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await store?.close();
});

const pushes = () => fake.frames.filter((f) => f.cmd === "aibot_send_msg");

describe("WeCom digests", () => {
  it("/digest on in a group subscribes it; the digest is pushed to the group once, even after a restart", async () => {
    const before = fake.replies().length;
    fake.push(textMessage(`@政策数字 /digest on ${hhmm} 学位`, { group: true }));
    expect((await fake.waitForReplies(before + 1))[before]?.content).toContain("已订阅");
    expect(await store.subscriptions.get("wecom", "wrgroup1")).toMatchObject({
      time: hhmm,
      topics: ["学位"],
    });
    await seedsSeenSoon(dataDir, engine);
    expect((await tickOnce(dataDir, engine, "wecom", weComDigestSender(bot.client), at)).sent).toHaveLength(
      1,
    );
    expect(pushes()).toHaveLength(1);
    expect(pushes()[0]?.body).toMatchObject({ chatid: "wrgroup1", msgtype: "markdown" });
    expect(JSON.stringify(pushes()[0]?.body)).toContain("每日政策摘要");
    expect((await tickOnce(dataDir, engine, "wecom", weComDigestSender(bot.client), at)).sent).toHaveLength(
      0,
    );
    expect(pushes()).toHaveLength(1);
  });

  it("keeps each digest message within 4,096 bytes, and reads a frequency-limit refusal as a retry", async () => {
    const quote = {
      text: `${"近年来我市持续调整城乡学校规划布局，累计新建、改扩建义务教育学校151所。".repeat(8)}`,
      highlights: [],
    };
    const doc = { doc: "a.txt", title: "标题", publisher: "重庆日报", date: "2025-04-24", url: null };
    const digest = {
      date: "2025-03-03",
      preview: false,
      documents: Array.from({ length: 20 }, () => ({ ...doc, figures: [{ quote }] })),
      topics: [],
    } as unknown as Digest;
    const parts = renderWeComDigest(digest);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(4096);
    fake.refuseNext(45009);
    expect(await weComDigestSender(bot.client).send("wrgroup1", parts[0] ?? "")).toMatchObject({
      kind: "retry",
    });
  });
});
