import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/telegram/render-html.js";
import { escapeHtml, type Span, toHtml } from "../../adapters/telegram/rich-text.js";
import { splitMessage } from "../../adapters/telegram/split-message.js";
import type { AnswerItem, AnswerReply, CheckReply, Citation, Verdict } from "../../src/answer/reply.js";
import { assertWellFormed, visibleText } from "./html-check.js";

const HOSTILE = "<b>x</b> & <script>";

const cite = (over: Partial<Citation> = {}): Citation => ({
  doc: "a.txt",
  title: "标题",
  docTitle: "标题",
  publisher: "重庆日报",
  date: "2025-04-24",
  url: null,
  paragraph: 3,
  ...over,
});

function answer(quote: string, at: number, figure: string, source = cite()): AnswerReply {
  return {
    kind: "answer",
    question: HOSTILE,
    answers: [
      {
        figure: { text: figure, value: 1, unit: "个", kind: "quantity" },
        quote: { text: quote, highlights: [[at, at + figure.length]] },
        sources: [source],
        score: 1,
      },
    ],
    related: [],
  };
}

describe("renderReply", () => {
  it("bolds the figure alone and inside its sentence (a block quote), and cites 《title》 publisher date · 第N段", () => {
    const html = toHtml(renderReply(answer("全市新增学位27.8万个。", 6, "27.8万个")));
    expect(html).toBe(
      "<b>27.8万个</b>\n<blockquote>全市新增学位<b>27.8万个</b>。</blockquote>\n—《标题》 重庆日报 2025-04-24 · 第3段\n",
    );
  });

  it("folds related figures into an expandable block quote, escaped, without the answer shown above", () => {
    const reply: AnswerReply = {
      ...answer("全市新增学位27.8万个。", 6, "27.8万个"),
      related: [
        {
          label: `${HOSTILE}新增学位1.9万个`,
          figure: { text: "1.9万个", value: 19000, unit: "个", kind: "quantity" },
          source: cite({ doc: "b.txt" }),
        },
        {
          label: "全市新增学位27.8万个",
          figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
          source: cite(),
        },
      ],
    };
    reply.answers[0] = {
      ...(reply.answers[0] as AnswerItem),
      figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
    };
    const html = toHtml(renderReply(reply));
    assertWellFormed(html);
    expect(html).toContain(
      `<b>相关数字</b>\n<blockquote expandable>• ${escapeHtml(HOSTILE)}新增学位<b>1.9万个</b>`,
    );
    expect(html.match(/27\.8万个/g)).toHaveLength(2); // the figure and its sentence; not again as related
    expect(html.endsWith("第3段</blockquote>\n")).toBe(true); // no empty last line inside the quote
  });

  it("escapes document text: quote, title, publisher, and keeps only http(s) links", () => {
    const source = cite({ title: HOSTILE, publisher: "a&b", url: 'javascript:alert("x")' });
    const html = toHtml(
      renderReply(answer(`${HOSTILE}新增12个`, HOSTILE.length + 2, "12个", source), 0, {
        showQuestion: true,
      }),
    );
    assertWellFormed(html);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("《&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;》 a&amp;b");
    expect(visibleText(html)).toContain(`问：${HOSTILE}`);
    const linked = toHtml(
      renderReply(answer("新增12个", 2, "12个", cite({ url: 'http://x.cn/?a=1&b="2"' }))),
    );
    expect(linked).toContain('<a href="http://x.cn/?a=1&amp;b=&quot;2&quot;">《标题》</a>');
  });

  it("puts a note above the answers, escaped, and heads example questions apart from nearby topics", () => {
    const noted: AnswerReply = {
      ...answer("新增高校6所。", 4, "6所"),
      note: { code: "increase-only", indicator: HOSTILE },
    };
    const html = toHtml(renderReply(noted));
    assertWellFormed(html);
    expect(html.startsWith(`语料中没有找到${escapeHtml(HOSTILE)}的总数，只有新增的数量：\n<b>6所</b>`)).toBe(
      true,
    );
    const none = toHtml(
      renderReply({
        kind: "no-answer",
        question: "你好",
        reason: { code: "off-topic", cause: "chat" },
        suggestions: [],
        examples: ["重庆新增学位多少", HOSTILE],
      }),
    );
    assertWellFormed(none);
    expect(none).not.toContain("<script>");
    expect(visibleText(none)).toContain("我能读懂中文提问，可以这样问：\n• 重庆新增学位多少");
    expect(visibleText(none)).not.toContain("没有找到答案");
  });

  it.each<[Verdict, string]>([
    ["supported", "✅ 一致"],
    ["contradicted", "❌ 不一致"],
    ["conflicting", "⚠️ 来源不一致"],
    ["not_found", "❓ 未找到"],
  ])("shows the %s badge with claim value against source value and evidence", (verdict, badge) => {
    const check: CheckReply = {
      kind: "check",
      claim: `${HOSTILE}新增学位28万个`,
      verdict,
      items: [
        {
          claim: { text: "28万个", value: 280000, unit: "个", kind: "quantity" },
          verdict,
          evidence: [
            {
              figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
              quote: { text: "新增学位27.8万个。", highlights: [[4, 10]] },
              source: cite(),
              period: "achieved",
            },
          ],
        },
      ],
      lookedFor: "新增学位",
      note: null,
      suggestions: ["新增学位27.8万个"],
    };
    const html = toHtml(renderReply(check));
    assertWellFormed(html);
    expect(html.startsWith(`<b>${badge}</b>`)).toBe(true);
    expect(html).toContain("说法：<b>28万个</b> · 来源：<b>27.8万个</b>");
    expect(html).toContain("<blockquote>新增学位<b>27.8万个</b>。（已实现）</blockquote>");
    // One figure: its verdict is the reply's, stated once.
    expect(html.split(badge)).toHaveLength(2);
    expect(html).toContain(escapeHtml(HOSTILE));
  });
});

describe("splitMessage", () => {
  // A 6,000+ character reply: sentences with bold figures and characters that become entities.
  const sentence = (i: number): Span[] => [
    { text: `第${i}句：A&B<C>新增学位` },
    { text: `${i}.5万个`, bold: true },
    { text: "，有效满足需求。" },
  ];
  const long: Span[] = Array.from({ length: 200 }, (_, i) => sentence(i)).flat();

  it("cuts a 6,000-character reply into well-formed chunks under 4096, at sentence ends", () => {
    expect(toHtml(long).length).toBeGreaterThan(6000);
    const chunks = splitMessage(long);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(4096);
      assertWellFormed(c);
      expect(c.endsWith("。")).toBe(true);
      expect(c.startsWith("第")).toBe(true);
    }
    expect(chunks.map(visibleText).join("")).toBe(visibleText(toHtml(long)));
  });

  it("never cuts inside an entity or a tag, even inside one huge bold sentence", () => {
    const huge: Span[] = [{ text: "&<>".repeat(3000), bold: true }];
    const chunks = splitMessage(huge, 1000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(1000);
      assertWellFormed(c);
    }
    expect(chunks.map(visibleText).join("")).toBe("&<>".repeat(3000));
  });

  it("keeps a short message whole and drops blank edges", () => {
    expect(splitMessage([{ text: "\n你好。\n" }])).toEqual(["你好。"]);
  });
});
