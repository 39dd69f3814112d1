import { describe, expect, it } from "vitest";
import { escapeMrkdwn } from "../../adapters/slack/escape-mrkdwn.js";

// Echoed text (a question, a claim, a document's sentence or title) must not format, ping or link in Slack.
describe("escapeMrkdwn", () => {
  it.each([
    ["<!channel> & >", "&lt;!channel&gt; &amp; &gt;"],
    ["<@U123> <https://x.cn|点这里>", "&lt;@U123&gt; &lt;https://x.cn|点这里&gt;"],
    ["*新增学位*多少", "∗新增学位∗多少"],
    ["_斜体_ 与 ~删除~", "＿斜体＿ 与 ∼删除∼"],
    ["`code` ```block```", "ˋcodeˋ ˋˋˋblockˋˋˋ"],
    ["> 引用", "&gt; 引用"],
    ["&amp;", "&amp;amp;"],
    ["全市新增学位27.8万个。", "全市新增学位27.8万个。"],
    // Inside a word a mark formats nothing, and an error code or file name stays as written.
    ["channel_not_found", "channel_not_found"],
    ["ah_gwr2026.txt 3*4", "ah_gwr2026.txt 3*4"],
    ["a`b`c", "aˋbˋc"],
    ["*", "∗"],
  ])("%s", (raw, escaped) => {
    expect(escapeMrkdwn(raw)).toBe(escaped);
  });

  it("leaves no mark at a word's edge, and no control character, active", () => {
    for (const text of ["*_~`<>&", " *粗* _斜_ ~删~ ", "(*x*)", "*新增*学位"])
      expect(escapeMrkdwn(text).replace(/&(amp|lt|gt);/g, "")).not.toMatch(/[*_~`<>&]/);
  });
});
