import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runHealth } from "../../adapters/cli/health.js";
import { FakeBotApi } from "../telegram/fake-api.js";
import { messageUpdate } from "../telegram/updates.js";
import { logLines, readHeartbeat, runBot, until } from "./run-bot.js";

const TOKEN = "123456:AAsecretTOKENvalue_xyz";
let api: FakeBotApi;

beforeAll(async () => {
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `npm run cli -- health` for a data directory: its exit code and what it printed. */
async function health(dataDir: string): Promise<{ code: number; out: string }> {
  let out = "";
  const io = { out: { write: (t: string) => (out += t) }, now: () => new Date() };
  const code = await runHealth([], { DATA_DIR: dataDir }, io);
  return { code, out };
}

const baseEnv = (dataDir: string) => ({
  CORPUS_DIR: "seeds",
  DATA_DIR: dataDir,
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_WEBHOOK_URL: "",
  SLACK_BOT_TOKEN: "",
  LOG_LEVEL: "info",
});

describe("start-up with the Telegram API down", () => {
  it("exits 1 with one line naming the API root, no stack and no token", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "bot-down-"));
    const port = await closedPort();
    const bot = runBot({ ...baseEnv(dataDir), TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const fatal = logLines(bot.err()).filter((l) => l.level === 60);
    expect(fatal.map((l) => l.msg)).toEqual([
      `PLATFORM_UNREACHABLE: Telegram API unreachable at http://127.0.0.1:${port}: ECONNREFUSED — check TELEGRAM_API_ROOT / network`,
    ]);
    expect(bot.err()).not.toMatch(/\n\s+at /);
    expect(bot.err()).not.toContain(TOKEN);
    expect(readHeartbeat(dataDir)).toBeNull();
  }, 90_000);
});

describe("shutdown", () => {
  it("on SIGTERM twice (the process group, then a relay) finishes the reply under way, closes the store, exits 0", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "bot-stop-"));
    const bot = runBot({ ...baseEnv(dataDir), TELEGRAM_API_ROOT: api.url });
    try {
      await until(() => readHeartbeat(dataDir)?.ready === true, "the heartbeat to say ready");
      expect(await health(dataDir)).toMatchObject({
        code: 0,
        out: expect.stringContaining("telegram (polling)"),
      });
      const release = api.hold("sendMessage");
      api.pushUpdate(messageUpdate("新增学位多少"));
      await api.waitFor("sendMessage");
      // Two signals sent at once may arrive as one: the second follows once the first is being handled.
      bot.child.kill("SIGTERM");
      await until(() => bot.err().includes("SIGTERM: stopping"), "the first signal to be seen");
      bot.child.kill("SIGTERM");
      await until(() => bot.err().includes("already stopping"), "the second signal to be seen");
      expect(await release()).toEqual([true]);
      const { code, signal } = await bot.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const msgs = logLines(bot.err()).map((l) => l.msg);
      expect(msgs).toContain("1 replies under way finished");
      expect(msgs.at(-1)).toBe("stopped");
      // SQLite removes the write-ahead log when the last connection closes cleanly.
      expect(existsSync(join(dataDir, "bot.sqlite-wal"))).toBe(false);
      expect(readHeartbeat(dataDir)).toBeNull();
      expect((await health(dataDir)).code).toBe(1);
      expect(bot.err()).not.toContain(TOKEN);
    } finally {
      bot.child.kill("SIGKILL");
    }
  }, 90_000);
});
