import { describe, expect, it } from "vitest";
import { CARD_MAX_BYTES, cardBytes, renderCard } from "../../adapters/feishu/card.js";
import { escapeLarkMd } from "../../adapters/feishu/escape-lark-md.js";
import type { AnswerItem, AnswerReply } from "../../src/answer/reply.js";

const source = {
  doc: "a.txt",
  title: "《标题》[链接](http://x)",
  docTitle: null,
  publisher: "重庆日报",
  date: "2025-04-24",
  url: "https://example.gov.cn/a?x=1",
  paragraph: 2,
};

function answer(text: string, figure = "27.8万个"): AnswerItem {
  const at = text.indexOf(figure);
  return {
    figure: { text: figure, value: 278000, unit: "个", kind: "count" },
    quote: { text, highlights: at >= 0 ? [[at, at + figure.length]] : [] },
    sources: [source],
    score: 1,
  };
}

describe("Feishu cards", () => {
  it.each([
    ['<at user_id="all">所有人</at>', '&#60;at user&#95;id="all"&#62;所有人&#60;/at&#62;'],
    ["**粗** _斜_ ~~删~~ `码`", "&#42;&#42;粗&#42;&#42; &#95;斜&#95; &sim;&sim;删&sim;&sim; &#96;码&#96;"],
    ["[点我](http://evil)", "&#91;点我&#93;&#40;http://evil&#41;"],
    ["# 标题\n- 列表\n1. 第一", "&#35; 标题\n&#45; 列表\n1&#46; 第一"],
    ["27.8万个 2025-04-24 a-b", "27.8万个 2025-04-24 a-b"],
    ["&amp; $x$ \\n", "&amp;amp; &#36;x&#36; &#92;n"],
    ["全市新增学位\n===\n小计\n---", "全市新增学位\n&#61;&#61;&#61;\n小计\n&#45;&#45;&#45;"],
    ["#标题 ##二级", "&#35;标题 ##二级"],
    ["1) 第一", "1&#41; 第一"],
  ])("escapes %j for lark_md", (raw, escaped) => {
    expect(escapeLarkMd(raw)).toBe(escaped);
  });

  it("links a title only to a safe http(s) URL, its text escaped", () => {
    const reply: AnswerReply = {
      kind: "answer",
      question: "新增学位多少",
      answers: [answer("新增学位27.8万个。")],
      related: [],
    };
    const text = JSON.stringify(renderCard(reply, { id: "abc" }).card);
    expect(text).toContain("[《《标题》&#91;链接&#93;&#40;http://x&#41;》](https://example.gov.cn/a?x=1)");
    const unsafe = {
      ...reply,
      answers: [{ ...answer("新增学位27.8万个。"), sources: [{ ...source, url: "javascript:alert(1)" }] }],
    };
    expect(JSON.stringify(renderCard(unsafe, { id: "abc" }).card)).not.toContain("javascript:");
  });

  it("keeps an oversized answer within Feishu's 30 KB, cut at a sentence end, with 更多来源 for the rest", () => {
    const long = `${"近年来我市持续调整城乡学校规划布局，累计新建、改扩建义务教育学校151所。".repeat(400)}新增学位27.8万个。`;
    const reply: AnswerReply = {
      kind: "answer",
      question: "新增学位多少",
      answers: Array.from({ length: 8 }, () => answer(long)),
      related: [],
    };
    const { card, next } = renderCard(reply, { id: "abc" });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(JSON.stringify(card)).toContain("…");
    expect(next).not.toBeNull();
    expect(JSON.stringify(card)).toContain("更多来源");
  });

  it("halves the page's markdown budget until the card's JSON fits its byte limit", () => {
    const long = `${"近年来我市持续调整城乡学校规划布局，累计新建、改扩建义务教育学校151所。".repeat(400)}新增学位27.8万个。`;
    const reply: AnswerReply = {
      kind: "answer",
      question: "新增学位多少",
      answers: Array.from({ length: 8 }, () => answer(long)),
      related: [],
    };
    // The first page (5,000 characters of markdown, ~15 KB) is over a 6 KB limit: the loop must shrink it.
    expect(cardBytes(renderCard(reply, { id: "abc" }).card)).toBeGreaterThan(6 * 1024);
    const { card, next } = renderCard(reply, { id: "abc", maxBytes: 6 * 1024 });
    expect(cardBytes(card)).toBeLessThanOrEqual(6 * 1024);
    expect(JSON.stringify(card)).toContain("…");
    expect(next).not.toBeNull();
  });

  it("clips an answer never inside an escape: every & left begins a whole entity", () => {
    // Each escaped group is 32 characters; shifting it by 0…7 lands the cut in every kind of place.
    for (let k = 0; k < 8; k++) {
      const hostile = `${"甲".repeat(k)}${"*_[x](y)".repeat(500)}新增学位27.8万个`;
      const reply: AnswerReply = {
        kind: "answer",
        question: "新增学位多少",
        answers: [answer(hostile)],
        related: [],
      };
      const { card } = renderCard(reply, { id: "abc", maxBytes: 1024 });
      const text = JSON.stringify(card);
      expect(text).toContain("…");
      expect(text.replace(/&(#\d+|[a-z]+);/g, "")).not.toContain("&");
    }
  });
});
