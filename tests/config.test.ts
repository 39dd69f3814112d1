import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("has defaults for a terminal chat over a copy of seeds/ in DATA_DIR", () => {
    expect(parseConfig({})).toMatchObject({
      CORPUS_DIR: join("data", "corpus"),
      corpusSeedDir: resolve("seeds"),
      DATA_DIR: "data",
      PORT: 3000,
      RATE_LIMIT: 20,
      LOG_LEVEL: "info",
      STARTUP_TIMEOUT_SECONDS: 15,
      SHUTDOWN_TIMEOUT_SECONDS: 10,
    });
  });

  it("finds the shipped seeds from the code's own place, not from the working directory", () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(parseConfig({}).corpusSeedDir).toBe(join(cwd, "seeds"));
    } finally {
      process.chdir(cwd);
    }
  });

  it("puts the default corpus in DATA_DIR, and lets an explicit CORPUS_DIR win, used as it is", () => {
    expect(parseConfig({ DATA_DIR: "/srv/bot" })).toMatchObject({ CORPUS_DIR: join("/srv/bot", "corpus") });
    expect(parseConfig({ CORPUS_DIR: " mine ", DATA_DIR: "/srv/bot" })).toMatchObject({
      CORPUS_DIR: "mine",
      corpusSeedDir: null,
    });
  });

  it("reads RATE_LIMIT for every platform, and its old name TELEGRAM_RATE_LIMIT when only that is set", () => {
    expect(parseConfig({ RATE_LIMIT: "5" }).RATE_LIMIT).toBe(5);
    expect(parseConfig({ TELEGRAM_RATE_LIMIT: "7" }).RATE_LIMIT).toBe(7);
    expect(parseConfig({ RATE_LIMIT: "7", TELEGRAM_RATE_LIMIT: "7" }).RATE_LIMIT).toBe(7);
    expect(() => parseConfig({ RATE_LIMIT: "5", TELEGRAM_RATE_LIMIT: "7" })).toThrowError(
      /CONFIG_INVALID.*TELEGRAM_RATE_LIMIT is the old name of RATE_LIMIT/,
    );
  });

  it("treats empty values as unset (a copied .env.example)", () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: "", SLACK_API_URL: "" }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ TELEGRAM_API_ROOT: "not a url" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_RATE_LIMIT: "0" }, "TELEGRAM_RATE_LIMIT"],
    [{ RATE_LIMIT: "many" }, "RATE_LIMIT"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [
      { TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://bot.example/tg" },
      "TELEGRAM_WEBHOOK_SECRET",
    ],
    [
      {
        TELEGRAM_WEBHOOK_URL: "https://bot.example/tg",
        TELEGRAM_WEBHOOK_SECRET: "s",
        SLACK_BOT_TOKEN: "x",
        SLACK_SIGNING_SECRET: "s",
      },
      "TELEGRAM_WEBHOOK_URL",
    ],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    [{ STARTUP_TIMEOUT_SECONDS: "0" }, "STARTUP_TIMEOUT_SECONDS"],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "soon" }, "SHUTDOWN_TIMEOUT_SECONDS"],
    [{ TELEGRAM_WEBHOOK_SECRET: "not allowed!" }, "TELEGRAM_WEBHOOK_SECRET"],
  ])("%o is refused, naming %s", (env, name) => {
    expect(() => parseConfig(env)).toThrowError(new RegExp(`CONFIG_INVALID.*${name}`, "s"));
  });

  it("lists every problem at once", () => {
    expect(() => parseConfig({ PORT: "x", TELEGRAM_API_ROOT: "y" })).toThrowError(
      /PORT[\s\S]*TELEGRAM_API_ROOT/,
    );
  });
});
