import { cpSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { FakeBotApi } from "./fake-api.js";
import { buttonData, buttonLabels, sentText, testBot } from "./helpers.js";
import { callbackUpdate, messageUpdate } from "./updates.js";

// /start's example buttons are pressed long after /start was sent: by then the corpus, and with it the
// examples, may have changed. A button must still ask the question its label shows.
let dir: string;
let engine: Engine;
let api: FakeBotApi;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tg-examples-"));
  cpSync("seeds", dir, { recursive: true });
  engine = await createEngine({ corpusDir: dir });
  api = await new FakeBotApi().start();
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => api.reset());

/** The reply (HTML) a fresh bot over `engine` sends to an update. */
async function replyTo(update: Update): Promise<string> {
  api.reset();
  await (await testBot(engine, api)).send(update);
  return sentText(api);
}

describe("example buttons", () => {
  it("a button of an old /start asks its label's question after the corpus changed", async () => {
    const t = await testBot(engine, api);
    await t.send(messageUpdate("/start"));
    const start = api.callsOf("sendMessage")[0]?.payload ?? {};
    const [label = "", ...rest] = buttonLabels(start);
    const [data = ""] = buttonData(start);
    expect([label, ...rest]).toHaveLength(3);

    // The document answering the first example leaves the corpus: the examples are chosen again.
    const answered = await engine.ask(label);
    const doc = answered.kind === "answer" ? (answered.answers[0]?.sources[0]?.doc ?? "") : "";
    unlinkSync(join(dir, doc));
    await engine.sync();
    const [nowFirst = ""] = await engine.examples();
    expect(nowFirst).not.toBe(label);

    const pressed = await replyTo(callbackUpdate(data));
    expect(pressed).toBe(await replyTo(messageUpdate(label)));
    expect(pressed).not.toBe(await replyTo(messageUpdate(nowFirst)));
  });

  it("a question too long for Telegram's 64 bytes of callback data gets no button; the rest keep theirs", async () => {
    const fits = "重庆市义务教育阶段新增公办学位一共多少"; // 19 characters: 2 + 57 bytes
    const tooLong = "重庆市义务教育阶段新增公办中小学学位一共有多少个"; // 24 characters: 2 + 72 bytes
    expect(Buffer.byteLength(`q:${fits}`)).toBeLessThanOrEqual(64);
    expect(Buffer.byteLength(`q:${tooLong}`)).toBeGreaterThan(64);
    const examples = ["新增学位多少", tooLong, fits];
    const t = await testBot({ ...engine, examples: async () => examples }, api);
    await t.send(messageUpdate("/start"));
    const start = api.callsOf("sendMessage")[0]?.payload ?? {};
    expect(buttonLabels(start)).toEqual(["新增学位多少", fits]);
    for (const d of buttonData(start)) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    await t.send(callbackUpdate(buttonData(start)[1] ?? ""));
    expect(sentText(api, 1)).toBe(await replyTo(messageUpdate(fits)));
  });

  it("the index data of an older version (x:0) is 已过期, not a question", async () => {
    await (await testBot(engine, api)).send(callbackUpdate("x:0"));
    expect(api.callsOf("answerCallbackQuery")[0]?.payload.text).toBe("已过期，请重新提问");
    expect(api.callsOf("sendMessage")).toHaveLength(0);
  });
});
