import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render-blocks.js";
import type { CheckReply, NoAnswerReply } from "../../src/answer/reply.js";

// A reply shared to a channel says who asked what; the question is the user's own text, escaped.
const HOSTILE = "<!channel> *粗* _斜_ 新增学位多少";

const noAnswer: NoAnswerReply = {
  kind: "no-answer",
  question: HOSTILE,
  reason: { code: "no-indicator" },
  suggestions: [],
  examples: [],
};

const firstContext = (blocks: unknown[]): string =>
  ((blocks[0] as { elements: Array<{ text: string }> }).elements[0]?.text ?? "") as string;

describe("a reply shared to a Slack channel", () => {
  it("starts with the asker's mention and the question, escaped", () => {
    const { blocks } = renderReply(noAnswer, { id: "x", askedBy: "U123ABC" });
    expect(firstContext(blocks)).toBe("<@U123ABC> 问：&lt;!channel&gt; ∗粗∗ ＿斜＿ 新增学位多少");
  });

  it("names a claim as a claim, and mentions nobody for an id that is no user's", () => {
    const check: CheckReply = {
      kind: "check",
      claim: "全市新增学位28万个",
      verdict: "not_found",
      items: [],
      lookedFor: "",
      note: null,
      suggestions: [],
    };
    const { blocks } = renderReply(check, { id: "x", askedBy: "U1> <!here" });
    expect(firstContext(blocks)).toBe("核实：全市新增学位28万个");
  });

  it("is not added to a reply that is not shared, nor to a later page", () => {
    expect(JSON.stringify(renderReply(noAnswer, { id: "x" }).blocks)).not.toContain("问：");
  });
});
