import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderWeComDigest, weComDigestSender } from "../../adapters/wecom/digest-sender.js";
import { startWeCom, type WeComHandle } from "../../adapters/wecom/start.js";
import { parseConfig } from "../../src/config.js";
import type { Digest } from "../../src/digest/digest.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { capturedLog, recordSeeds } from "../digest/helpers.js";
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

/** A corpus of `n` short reports, each with figures: a preview of them runs to several messages. */
function manyDocuments(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "wecom-corpus-"));
  for (let i = 1; i <= n; i++) {
    const text = `第${i}区县新建学校${i + 10}所\n\n记者从会上了解到，第${i}区县近年来持续调整城乡学校规划布局，已累计新建、改扩建义务教育学校${i + 10}所，新增学位${i}.${i % 10}万个，有效满足适龄青少年入学需求。全区县今年将再投入资金${i * 3}亿元，新建幼儿园${i + 2}所。\n`;
    writeFileSync(join(dir, `${String(i).padStart(3, "0")}.txt`), text);
  }
  return dir;
}

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
    fake.refuseNext(45009, -1, 86008);
    expect(await weComDigestSender(bot.client).send("wrgroup1", parts[0] ?? "")).toMatchObject({
      kind: "retry",
    });
    // -1 is WeCom's 系统繁忙 (system busy): a retry, not a refusal that would pause the subscription.
    expect(await weComDigestSender(bot.client).send("wrgroup1", parts[0] ?? "")).toMatchObject({
      kind: "retry",
    });
    expect(await weComDigestSender(bot.client).send("wrgroup1", parts[0] ?? "")).toMatchObject({
      kind: "refused",
    });
  });

  it("/digest now pushes its preview in messages of at most 4,096 bytes, as the scheduled digest", async () => {
    const ownFake = await new FakeWeCom().start();
    const ownStore = await openStore(mkdtempSync(join(tmpdir(), "wecom-preview-")));
    const hourAgo = new Date(Date.now() - 3_600_000);
    const bigEngine = await createEngine({ corpusDir: manyDocuments(24) });
    await recordSeeds(ownStore, bigEngine, hourAgo, hourAgo);
    const config = parseConfig({
      WECOM_BOT_ID: BOT_ID,
      WECOM_BOT_SECRET: BOT_SECRET,
      WECOM_WS_URL: ownFake.url,
    });
    const own = await startWeCom(bigEngine, config, ownStore, { log: capturedLog().log });
    try {
      ownFake.push(textMessage("/digest now"));
      await ownFake.waitForReplies(1);
      const sends = () => ownFake.frames.filter((f) => f.cmd === "aibot_send_msg");
      const end = Date.now() + 10_000;
      while (sends().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 500));
      const parts = sends().map((f) => String((f.body?.markdown as { content?: string })?.content ?? ""));
      expect(parts.join("")).toContain("学位");
      expect(Buffer.byteLength(parts.join(""))).toBeGreaterThan(4096);
      for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(4096);
    } finally {
      await own.stop();
      await ownFake.stop();
      await ownStore.close();
    }
  });
});
