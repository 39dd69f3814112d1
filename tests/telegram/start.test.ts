import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTelegram, type TelegramHandle } from "../../adapters/telegram/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";
import { FakeBotApi } from "./fake-api.js";
import { assertWellFormed, visibleText } from "./html-check.js";
import { messageUpdate } from "./updates.js";

let engine: Engine;
let api: FakeBotApi;
let handle: TelegramHandle | null = null;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(() => api.reset());
afterEach(async () => {
  await handle?.stop();
  handle = null;
});

describe("long polling", () => {
  it("answers a private message fed through getUpdates with one sendMessage", async () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: api.url,
      DATA_DIR: tmpdir(),
    });
    handle = await startTelegram(engine, config, openStore(mkdtempSync(join(tmpdir(), "tg-store-"))));
    api.pushUpdate(messageUpdate("新增学位多少"));
    const [sent] = await api.waitFor("sendMessage");
    const html = String(sent?.payload.text);
    expect(html).toContain("27.8万");
    expect(visibleText(html)).toContain(
      "《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段",
    );
    assertWellFormed(html);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
    await handle.stop();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
  });
});

describe("webhook", () => {
  const SECRET = "s3cret-token";
  let port = 0;

  beforeEach(async () => {
    port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "tg-data-"));
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/telegram",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      DATA_DIR: dataDir,
    });
    handle = await startTelegram(engine, config, openStore(mkdtempSync(join(tmpdir(), "tg-store-"))));
  });

  const post = (headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(messageUpdate("新增学位多少")),
    });

  it("registers the webhook with its secret", () => {
    expect(api.callsOf("setWebhook")[0]?.payload).toMatchObject({
      url: "https://bot.example.com/telegram",
      secret_token: SECRET,
    });
  });

  it("refuses requests without the secret or with a wrong one (401)", async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect(api.callsOf("sendMessage")).toHaveLength(0);
  });

  it("accepts a request with the right secret and answers it", async () => {
    const res = await post({ "X-Telegram-Bot-Api-Secret-Token": SECRET });
    expect(res.status).toBe(200);
    const [sent] = await api.waitFor("sendMessage");
    expect(String(sent?.payload.text)).toContain("27.8万");
  });
});

it("a missing token is a configuration error", async () => {
  const config = parseConfig({ DATA_DIR: tmpdir() });
  await expect(
    startTelegram(engine, config, openStore(mkdtempSync(join(tmpdir(), "tg-store-")))),
  ).rejects.toThrow("TELEGRAM_BOT_TOKEN");
});
