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
  ])("%s", (raw, escaped) => {
    expect(escapeMrkdwn(raw)).toBe(escaped);
  });

  it("leaves no markup character of the text active", () => {
    expect(escapeMrkdwn("*_~`<>&").replace(/&(amp|lt|gt);/g, "")).not.toMatch(/[*_~`<>&]/);
  });
});
