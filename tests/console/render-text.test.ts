import { describe, expect, it } from "vitest";
import { renderCheckText, renderText } from "../../adapters/console/render-text.js";
import type { AskReply, CheckReply, Citation } from "../../src/mod.js";

const ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[8m\x9b1m";
const source: Citation = {
  doc: `${ESCAPES}报告.txt`,
  title: null,
  docTitle: null,
  publisher: `重庆日报${ESCAPES}`,
  date: null,
  url: null,
  paragraph: 2,
};
const figure = { text: "1.2万个", value: 12000, unit: "个", kind: "quantity" };
/** Whether a text holds a C0/C1 control character other than tab and line feed. */
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
  });

describe("the terminal renderer prints no control characters from documents or claims", () => {
  it("strips them from quotes, file names and publishers; keeps its own bold when colour is on", () => {
    const reply = {
      kind: "answer",
      question: "新增停车位多少",
      answers: [
        {
          figure,
          quote: { text: `今年以来${ESCAPES}，新增停车位1.2万个。`, highlights: [[18, 23]] },
          sources: [source],
          score: 1,
        },
      ],
      related: [{ label: `新增${ESCAPES}停车位1.2万个`, figure, source }],
    } as unknown as AskReply;
    const out = renderText(reply, { color: true });
    expect(hasControl(out.replaceAll("\x1b[1m", "").replaceAll("\x1b[0m", ""))).toBe(false);
    expect(out).toContain("报告.txt 重庆日报 · 第2段");
    expect(out).toContain("\x1b[1m");
    expect(out).not.toContain("pwned");
  });

  it("strips them from a fact check's claim", () => {
    const reply = {
      verdict: "not_found",
      claim: `新增停车位${ESCAPES}3万个`,
      items: [],
      suggestions: [],
      lookedFor: "",
    } as unknown as CheckReply;
    expect(hasControl(renderCheckText(reply, { color: false }))).toBe(false);
  });
});
