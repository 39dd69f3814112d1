import { describe, expect, it } from "vitest";
import { createLog, logFromConfig, secretsOf } from "../../adapters/log.js";
import { parseConfig } from "../../src/config.js";

const TOKEN = "123456:AAsecretTOKENvalue_xyz";

/** A logger writing into an array, with the configuration's secrets. */
function captured(env: Record<string, string>) {
  const lines: string[] = [];
  const log = logFromConfig(parseConfig(env), { write: (l) => void lines.push(l) });
  return { log, lines };
}

describe("structured log", () => {
  it("writes one JSON object a line with level, time and message", () => {
    const { log, lines } = captured({});
    log.info({ update_id: 7 }, "telegram update 7 handled");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      level: 30,
      msg: "telegram update 7 handled",
      update_id: 7,
    });
  });

  it("never writes a token: not in a message, a field, an error's message or its stack", () => {
    const { log, lines } = captured({ TELEGRAM_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: "sig-secret-123456" });
    // node-fetch puts the whole URL, token included, into its error message.
    const err = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/getMe failed, reason: ECONNREFUSED`,
    );
    log.error(
      { err, url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/getMe` },
      `failed: ${err.message}`,
    );
    log.warn("signing secret sig-secret-123456 rejected");
    const text = lines.join("");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    expect(text).not.toContain("sig-secret-123456");
    expect(text).toContain("[redacted]");
  });

  it("honours LOG_LEVEL", () => {
    const { log, lines } = captured({ LOG_LEVEL: "warn" });
    log.info("not written");
    log.warn("written");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["written"]);
  });

  it("pretty lines on a terminal carry the level and the message", () => {
    const lines: string[] = [];
    const log = createLog({
      level: "info",
      pretty: true,
      secrets: [TOKEN],
      sink: { write: (l) => void lines.push(l) },
    });
    log.info(`ready with ${TOKEN}`);
    expect(lines.join("")).toMatch(/INFO.*ready with \[redacted\]/);
  });

  it("takes the secrets by variable name", () => {
    expect(
      secretsOf({ TELEGRAM_BOT_TOKEN: "a", SLACK_SIGNING_SECRET: "b", PORT: 3000, CORPUS_DIR: "seeds" }),
    ).toEqual(["a", "b"]);
  });
});
