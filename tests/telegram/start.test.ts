import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Health } from "../../adapters/health.js";
import { startTelegram, type TelegramHandle } from "../../adapters/telegram/start.js";
import { WEBHOOK_LIMITS } from "../../adapters/telegram/webhook-server.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";
import { FakeBotApi } from "./fake-api.js";
import { assertWellFormed, visibleText } from "./html-check.js";
import { rawPost } from "./raw-http.js";
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
    handle = await startTelegram(engine, config, await openStore(mkdtempSync(join(tmpdir(), "tg-store-"))));
    api.pushUpdate(messageUpdate("新增学位多少"));
    const [sent] = await api.waitFor("sendMessage");
    const html = String(sent?.payload.text);
    expect(html).toContain("27.8万");
    expect(visibleText(html)).toContain(
      "《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报 · 第1段",
    );
    assertWellFormed(html);
    // A webhook set earlier is deleted: once as the start-up's bounded first call, once more by grammY's start.
    expect(api.callsOf("deleteWebhook").length).toBeGreaterThanOrEqual(1);
    await handle.stop();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
  });
});

describe("polling that dies after the start", () => {
  it("reports the failure once (another process took the updates: 409), for the process to stop", async () => {
    const failures: string[] = [];
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_API_ROOT: api.url,
      DATA_DIR: tmpdir(),
    });
    const store = await openStore(mkdtempSync(join(tmpdir(), "tg-store-")));
    const conflict = {
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request",
    };
    api.failNext("getUpdates", 409, conflict);
    handle = await startTelegram(engine, config, store, {
      log: () => {},
      onFailure: (l) => failures.push(l),
    });
    for (let i = 0; i < 100 && failures.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(failures).toEqual([
      "telegram polling stopped: 409 Conflict: terminated by other getUpdates request",
    ]);
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
    const health = new Health();
    health.markReady(["telegram"], port);
    const store = await openStore(mkdtempSync(join(tmpdir(), "tg-store-")));
    handle = await startTelegram(engine, config, store, { health });
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

  it("refuses a secret that differs in any way: longer, shorter, case, duplicated, non-ASCII padding (401)", async () => {
    for (const wrong of [
      `${SECRET}x`,
      SECRET.slice(0, -1),
      SECRET.toUpperCase(),
      `${SECRET}\u00a0`,
      `x${SECRET}`,
    ])
      expect((await rawPost(port, [`X-Telegram-Bot-Api-Secret-Token: ${wrong}`], "{}")).status).toBe(401);
    const twice = [
      `X-Telegram-Bot-Api-Secret-Token: ${SECRET}`,
      `X-Telegram-Bot-Api-Secret-Token: ${SECRET}`,
    ];
    expect((await rawPost(port, twice, "{}")).status).toBe(401);
    expect(api.callsOf("sendMessage")).toHaveLength(0);
  });

  it("refuses a body over the limit with the right secret (413) and handles nothing", async () => {
    const big = JSON.stringify({
      ...messageUpdate("新增学位多少"),
      pad: "x".repeat(WEBHOOK_LIMITS.maxBodyBytes),
    });
    const res = await rawPost(port, [`X-Telegram-Bot-Api-Secret-Token: ${SECRET}`], big);
    expect(res.status).toBe(413);
    const declared = await rawPost(port, [`X-Telegram-Bot-Api-Secret-Token: ${SECRET}`], big, {
      chunked: true,
    });
    expect(declared.status).toBe(413);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.callsOf("sendMessage")).toHaveLength(0);
  });

  it("answers GET /healthz on the webhook port", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready" });
  });

  it("acknowledges an update before answering it: the 200 does not wait for the reply to be sent", async () => {
    const release = api.hold("sendMessage");
    // The reply's sendMessage is held until after the acknowledgement arrives; waiting for it would time out.
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify(messageUpdate("新增学位多少")),
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(200);
    await api.waitFor("sendMessage");
    await release();
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
    startTelegram(engine, config, await openStore(mkdtempSync(join(tmpdir(), "tg-store-")))),
  ).rejects.toThrow("TELEGRAM_BOT_TOKEN");
});

describe("start-up against an API that is down", () => {
  const tokenConfig = (root: string) =>
    parseConfig({
      TELEGRAM_BOT_TOKEN: "123456:SECRET-token-value",
      TELEGRAM_API_ROOT: root,
      STARTUP_TIMEOUT_SECONDS: "0.5",
      DATA_DIR: tmpdir(),
    });
  const store = () => openStore(mkdtempSync(join(tmpdir(), "tg-store-")));

  it("a refused connection fails the start with one line naming the API root", async () => {
    const port = await freePort();
    const error = await startTelegram(engine, tokenConfig(`http://127.0.0.1:${port}`), await store()).catch(
      (e) => e,
    );
    expect(String(error.message)).toBe(
      `PLATFORM_UNREACHABLE: Telegram API unreachable at http://127.0.0.1:${port}: ECONNREFUSED — check TELEGRAM_API_ROOT / network`,
    );
  }, 15_000);

  it("an API that accepts and never answers fails the start after STARTUP_TIMEOUT_SECONDS", async () => {
    const hole = await blackHole();
    try {
      const error = await startTelegram(engine, tokenConfig(hole.url), await store()).catch((e) => e);
      expect(String(error.message)).toMatch(
        /^PLATFORM_UNREACHABLE: Telegram API unreachable at .*: no answer within 0\.5 s/,
      );
      expect(String(error.message)).not.toContain("SECRET-token-value");
    } finally {
      hole.close();
    }
  }, 15_000);

  it("a refused token is named as such", async () => {
    api.failNext("getMe", 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const error = await startTelegram(engine, tokenConfig(api.url), await store()).catch((e) => e);
    expect(String(error.message)).toBe(
      "PLATFORM_REFUSED: Telegram refused TELEGRAM_BOT_TOKEN: 401 Unauthorized — check the token (and TELEGRAM_API_ROOT if set)",
    );
  });
});

/** A server that accepts connections and never answers (a firewall that drops, a hung proxy). */
async function blackHole(): Promise<{ url: string; close(): void }> {
  const sockets: import("node:net").Socket[] = [];
  const server = createServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
