import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { blocksText, type Harness, startHarness } from "./helpers/harness.js";
import { commandBody, eventBody, send } from "./helpers/signed.js";

const FORM = "application/x-www-form-urlencoded";
let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startHarness(await createEngine({ corpusDir: "seeds" }));
});
afterAll(async () => h?.stop());

/** Sends a slash command and returns the ephemeral answer's text and blocks. */
async function command(name: string, text: string) {
  const path = `mention${++n}`;
  expect(await send(h.url, commandBody(name, text, h.slack.responseUrl(path)), FORM)).toBe(200);
  const { params } = await h.slack.waitForPath(path);
  return `${String(params.text)} ${blocksText(params.blocks)}`;
}

// Issue 14, finding 9: a slash command carries a plain @name; mentions were stripped only from events.
describe("mentions in a Slack message or command are not part of the question", () => {
  it.each([
    "@alice 新增学位多少",
    "<!channel> <@U999> 新增学位多少",
    "<@U999|bob> @here 新增学位多少",
    "＠alice 新增学位多少",
  ])("/policy %s answers", async (text) => {
    const reply = await command("/policy", text);
    expect(reply).toContain("27.8万");
    expect(reply).not.toContain("没有找到答案");
  });

  it("a claim after a mention is still a claim (核实 after @name)", async () => {
    expect(await command("/policy", "@alice 核实 全市新增学位28万个")).toContain("一致");
    expect(await command("/factcheck", "<!here> 全市新增学位28万个")).toContain("一致");
  });

  it("a DM opening with <!channel> then 核实 is checked", async () => {
    const before = h.slack.of("chat.postMessage").length;
    const event = { type: "message", channel_type: "im", channel: "D1", user: "U5", ts: "1.1" };
    const body = eventBody({ ...event, text: "<!channel> 核实 全市新增学位28万个" });
    expect(await send(h.url, body, "application/json")).toBe(200);
    const post = (await h.slack.waitFor("chat.postMessage", before + 1))[before];
    expect(`${String(post?.params.text)} ${blocksText(post?.params.blocks)}`).toContain("一致");
  });
});
