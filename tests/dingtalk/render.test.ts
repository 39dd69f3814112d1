import { describe, expect, it } from "vitest";
import { escapeLookAlike, LOOK_ALIKE_MD } from "../../adapters/markdown/look-alike.js";
import { renderMarkdown } from "../../adapters/markdown/render-text.js";
import type { AnswerReply } from "../../src/answer/reply.js";

describe("DingTalk and WeCom markdown", () => {
  it.each([
    ["**粗** _斜_ `码` ~删~", "＊＊粗＊＊ ＿斜＿ ｀码｀ ～删～"],
    [
      '[点我](http://evil) <font color="red">红</font>',
      '［点我］(http://evil) ＜font color="red"＞红＜/font＞',
    ],
    ["# 标题\n- 列表\n1. 第一\n> 引用", "＃ 标题\n－ 列表\n1． 第一\n＞ 引用"],
    ["27.8万个 2025-04-24 a-b 3|4", "27.8万个 2025-04-24 a-b 3｜4"],
    ["全市新增学位\n===\n小计\n---", "全市新增学位\n＝＝＝\n小计\n－－－"],
    ["#标题 ##二级", "＃标题 ##二级"],
    ["1) 第一\n2) 第二", "1） 第一\n2） 第二"],
    ["&lt;font color=red&gt;x &amp;", "＆lt;font color=red＆gt;x ＆amp;"],
  ])("escapes %j with look-alikes", (raw, escaped) => {
    expect(escapeLookAlike(raw)).toBe(escaped);
  });

  it("keeps an oversized answer within the message limit, cut at a sentence end, with the 更多来源 hint", () => {
    const long = `${"近年来我市持续调整城乡学校规划布局，累计新建、改扩建义务教育学校151所。".repeat(300)}新增学位27.8万个。`;
    const source = {
      doc: "a.txt",
      title: "标题",
      docTitle: null,
      publisher: null,
      date: null,
      url: null,
      paragraph: 1,
    };
    const item = {
      figure: { text: "27.8万个", value: 278000, unit: "个", kind: "count" },
      quote: { text: long, highlights: [] as Array<[number, number]> },
      sources: [source],
      score: 1,
    };
    const reply: AnswerReply = {
      kind: "answer",
      question: "新增学位多少",
      answers: [item, item, item, item],
      related: [],
    };
    const page = renderMarkdown(LOOK_ALIKE_MD, reply, { max: 5000 });
    expect(page.text.length).toBeLessThanOrEqual(5000);
    expect(page.text).toContain("…");
    expect(page.next).not.toBeNull();
    expect(page.text).toContain("回复“更多来源”查看第");
  });
});
