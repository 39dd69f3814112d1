import { randomBytes } from "node:crypto";
import { truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tryOpenStore } from "../../src/store/open-store.js";
import { runEntry } from "../cli/run-entry.js";
import { subscribe, tempDataDir } from "../digest/helpers.js";

/** The messages of the bot's log lines (JSON on stderr, since stderr is not a terminal here). */
function logMessages(err: string): string[] {
  return err
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => String((JSON.parse(l) as { msg?: unknown }).msg ?? ""));
}

/**
 * `npm start` as a terminal chat over a data directory: one question, then /quit. The store is SQLite unless
 * `databaseUrl` is given (a DATABASE_URL the test run itself has is not passed on).
 */
function start(dataDir: string, databaseUrl = "") {
  return runEntry("adapters/main.ts", [], {
    input: "高等教育毛入学率\n/quit\n",
    env: { TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "", DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("start-up with a store in a bad state", () => {
  it("a damaged bot.sqlite: the bot still answers and logs one line saying what is off and how to fix it", async () => {
    const dir = tempDataDir();
    const garbage = randomBytes(16_384);
    writeFileSync(join(dir, "bot.sqlite"), garbage);
    const r = await start(dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【63.5%】");
    const lines = logMessages(r.err).filter((l) => l.startsWith("store:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("damaged");
    expect(r.err).not.toContain("unexpected error");
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 90_000);

  it("a bot.sqlite emptied to 0 bytes after it held subscriptions is reported, not silently accepted", async () => {
    const dir = tempDataDir();
    const opened = await tryOpenStore(dir); // as the bot opens it: the marker records this store
    if (opened.kind !== "open") throw new Error("the store did not open");
    const s = opened.store;
    await subscribe(s, { platform: "slack", chatId: "C1", subscribedBy: "U1" }, new Date());
    await s.close();
    truncateSync(join(dir, "bot.sqlite"), 0);
    const r = await start(dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【63.5%】");
    expect(r.err).toMatch(/store: .*emptied, deleted or replaced/);
  }, 90_000);

  it("DATABASE_URL naming a server that is not running: the bot still answers and logs one line naming DATABASE_URL", async () => {
    const r = await start(tempDataDir(), `postgres://bot:s3cret@127.0.0.1:${await freePort()}/policy`);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【63.5%】");
    const lines = logMessages(r.err).filter((l) => l.startsWith("store:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/nothing answers at 127\.0\.0\.1:\d+ .*DATABASE_URL/);
    expect(r.err).not.toContain("s3cret");
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 90_000);
});
