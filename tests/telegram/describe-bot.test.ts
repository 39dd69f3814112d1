import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeBot } from "../../adapters/telegram/describe-bot.js";
import { startTelegram } from "../../adapters/telegram/start.js";
import { parseConfig } from "../../src/config.js";
import { BOT_DESCRIPTION, BOT_SHORT_DESCRIPTION } from "../../src/conversation/chat-wording.js";
import { createEngine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";
import { BOT_INFO, FakeBotApi } from "./fake-api.js";

let api: FakeBotApi;
beforeAll(async () => {
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

describe("the bot's description", () => {
  it("is set at start: what the bot does, that it reads Chinese, within Telegram's lengths", async () => {
    const engine = await createEngine({ corpusDir: "seeds" });
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: api.url,
      DATA_DIR: tmpdir(),
    });
    const handle = await startTelegram(
      engine,
      config,
      await openStore(mkdtempSync(join(tmpdir(), "tg-store-"))),
    );
    try {
      const [long] = await api.waitFor("setMyDescription");
      const [short] = await api.waitFor("setMyShortDescription");
      expect(long?.payload.description).toBe(BOT_DESCRIPTION);
      expect(short?.payload.short_description).toBe(BOT_SHORT_DESCRIPTION);
    } finally {
      await handle.stop();
    }
    expect(BOT_DESCRIPTION).toContain("中文");
    expect(BOT_DESCRIPTION.length).toBeLessThanOrEqual(512);
    expect(BOT_SHORT_DESCRIPTION.length).toBeLessThanOrEqual(120);
  });

  it("a refusal is logged, not thrown", async () => {
    const bot = new Bot("123:abc", { botInfo: BOT_INFO, client: { apiRoot: api.url } });
    api.failNext("setMyDescription", 400, {
      ok: false,
      error_code: 400,
      description: "Bad Request: too long",
    });
    const lines: string[] = [];
    await describeBot(bot.api, (line) => lines.push(line));
    expect(lines).toEqual([
      "telegram: could not set the bot's description: Call to 'setMyDescription' failed! (400: Bad Request: too long)",
    ]);
    expect(api.callsOf("setMyShortDescription")).toHaveLength(1);
  });
});
