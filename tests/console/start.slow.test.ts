import { describe, expect, it } from "vitest";
import { runEntry } from "../cli/run-entry.js";

describe("terminal chat", () => {
  it("runs as `npm start` over stdin/stdout when no token is set", async () => {
    const r = await runEntry("adapters/main.ts", [], {
      input: "高等教育毛入学率\n/quit\n",
      env: { TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain("【63.5%】");
    expect(r.out).toContain("再见。");
  }, 60_000);
});
