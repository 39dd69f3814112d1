import { describe, expect, it } from "vitest";
import { ReplyCache } from "../../adapters/reply-cache.js";
import { SeenEvents } from "../../adapters/seen-events.js";
import { escapeMrkdwn } from "../../adapters/slack/escape-mrkdwn.js";
import { messageText, unescapeSlack } from "../../adapters/slack/parse-input.js";
import { renderReply } from "../../adapters/slack/render-blocks.js";
import type { AnswerReply, CheckReply, Citation, NoAnswerReply } from "../../src/answer/reply.js";
import { parseMessage } from "../../src/conversation/parse-message.js";

const HOSTILE = "<!channel> & <script> <@U123> <!here>";

function cite(i: number, title = `文件${i}`): Citation {
  return {
    doc: `${i}.txt`,
    title,
    docTitle: null,
    publisher: "重庆日报",
    date: "2024-01-02",
    url: null,
    paragraph: i,
  };
}

function longReply(answers: number, sentence: string, repeat: number): AnswerReply {
  const text = sentence.repeat(repeat);
  return {
    kind: "answer",
    question: HOSTILE,
    answers: Array.from({ length: answers }, (_, i) => ({
      figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
      quote: { text, highlights: [[2, 8]] as Array<[number, number]> },
      sources: Array.from({ length: 8 }, (_, j) => cite(i * 10 + j, `${HOSTILE}标题`)),
      score: 1,
    })),
    related: Array.from({ length: 30 }, (_, i) => ({
      label: `${HOSTILE}新增学位${i}万个`.repeat(5),
      figure: { text: `${i}万个`, value: i, unit: "个", kind: "quantity" },
      source: cite(i),
    })),
  };
}

function sections(blocks: unknown[]): string[] {
  const out: string[] = [];
  for (const b of blocks as Array<{ text?: { text: string }; elements?: Array<{ text?: string }> }>) {
    if (b.text) out.push(b.text.text);
    for (const e of b.elements ?? []) if (e.text && typeof e.text === "string") out.push(e.text);
  }
  return out;
}

describe("renderReply", () => {
  it("puts a 👍/👎 pair under each answer of a page, each rating its own answer; 更多来源 stays at the bottom", () => {
    const votes = (blocks: unknown[]) =>
      (
        blocks as Array<{
          type: string;
          block_id?: string;
          elements?: Array<{ action_id?: string; value?: string }>;
        }>
      )
        .filter((b) => b.type === "actions")
        .map((b) => [b.block_id, (b.elements ?? []).map((e) => `${e.action_id}=${e.value}`).join(" ")]);
    const reply = longReply(5, "全市新增学位27.8万个。", 1);
    expect(votes(renderReply(reply, { id: "x", offset: 3, perPage: 3 }).blocks)).toEqual([
      ["policy_vote_3", "policy_feedback_up=x:3 policy_feedback_down=x:3"],
      ["policy_vote_4", "policy_feedback_up=x:4 policy_feedback_down=x:4"],
    ]);
    const first = votes(renderReply(reply, { id: "x", perPage: 3 }).blocks);
    expect(first.map(([id]) => id)).toEqual([
      "policy_vote_0",
      "policy_vote_1",
      "policy_vote_2",
      "policy_actions",
    ]);
    expect(first[3]?.[1]).toBe("policy_more=x:3");
  });

  it("keeps a very long reply within Slack limits and pages the rest with 更多来源", () => {
    const reply = longReply(80, "全市新增学位27.8万个，<b>&满足需求。", 400);
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const msg = renderReply(reply, { id: "x", offset, share: true });
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      for (const s of sections(msg.blocks)) expect(s.length).toBeLessThanOrEqual(3000);
      expect(msg.text.length).toBeLessThanOrEqual(3000);
      if (msg.nextOffset !== null)
        expect(JSON.stringify(msg.blocks)).toContain(`"value":"x:${msg.nextOffset}"`);
      expect(msg.nextOffset === null || msg.nextOffset > offset).toBe(true);
      offset = msg.nextOffset;
      pages++;
    }
    expect(pages).toBeGreaterThan(10);
  });

  it("cuts a long quote at a sentence end and marks the cut", () => {
    const msg = renderReply(longReply(1, "新增学位27.8万个。", 1000));
    const quote = sections(msg.blocks)[0] ?? "";
    expect(quote.length).toBeLessThanOrEqual(3000);
    expect(quote.endsWith("。…")).toBe(true);
  });

  it("escapes &, <, > in every piece of question and document text", () => {
    const reply = longReply(2, `${HOSTILE}新增学位27.8万个。`, 1);
    const all =
      JSON.stringify(renderReply(reply, { id: "x", offset: 1 })) + JSON.stringify(renderReply(reply));
    for (const bad of ["<!channel>", "<!here>", "<@U123>", "<script>"]) expect(all).not.toContain(bad);
    expect(all).toContain("&lt;!channel&gt; &amp; &lt;script&gt;");
  });

  it("renders a check with verdict and claim value vs source value", () => {
    const reply: CheckReply = {
      kind: "check",
      claim: `${HOSTILE}新增学位28万个`,
      verdict: "contradicted",
      items: [
        {
          claim: { text: "28万个", value: 280000, unit: "个", kind: "quantity" },
          verdict: "contradicted",
          evidence: [
            {
              figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
              quote: { text: "新增学位27.8万个。", highlights: [[4, 10]] },
              source: cite(1),
              period: "achieved",
            },
          ],
        },
      ],
      lookedFor: "新增学位",
      note: null,
      suggestions: [],
    };
    const msg = renderReply(reply, { id: "c" });
    const text = JSON.stringify(msg.blocks);
    // One figure: the verdict is the heading's, not repeated above the figure.
    expect(text.split("❌ 不一致")).toHaveLength(2);
    expect(text).toContain("说法数值 \u200b*28万个*\u200b");
    expect(text).toContain("来源数值 \u200b*27.8万个*\u200b");
    expect(text).toContain("《文件1》 重庆日报 2024-01-02 · 第1段");
    expect(text).not.toContain("<!channel>");
    expect(msg.text).toContain("❌ 不一致：说法 28万个，来源 27.8万个");
  });

  it("renders no-answer and not_found replies with their suggestions", () => {
    const none = renderReply({
      kind: "no-answer",
      question: "q",
      reason: { code: "not-found", places: ["<相关>"] },
      suggestions: ["新增学位"],
      examples: ["重庆新增学位多少"],
    });
    expect(JSON.stringify(none.blocks)).toContain(
      "没有找到答案：语料中没有找到关于&lt;相关&gt;的这一问题的答案",
    );
    expect(JSON.stringify(none.blocks)).toContain("我能读懂中文提问，可以这样问：\\n• 重庆新增学位多少");
    const nf: CheckReply = {
      kind: "check",
      claim: "火星人口3亿",
      verdict: "not_found",
      items: [],
      lookedFor: "火星人口",
      note: null,
      suggestions: ["人口1000万"],
    };
    expect(JSON.stringify(renderReply(nf).blocks)).toContain("❓ 未找到");
  });
});

describe("notes and example questions", () => {
  it("puts a note above the answers and in the notification text, escaped", () => {
    const reply: AnswerReply = {
      ...longReply(1, "新增高校6所。", 1),
      note: { code: "increase-only", indicator: HOSTILE },
    };
    const msg = renderReply(reply);
    const [first = ""] = sections(msg.blocks);
    expect(first).toBe(
      "语料中没有找到&lt;!channel&gt; &amp; &lt;script&gt; &lt;@U123&gt; &lt;!here&gt;的总数，只有新增的数量：",
    );
    expect(msg.text.startsWith("语料中没有找到&lt;!channel&gt;")).toBe(true);
    expect(JSON.stringify(msg)).not.toContain("<!channel>");
  });

  it("heads example questions, not nearby topics, under small talk", () => {
    const msg = renderReply({
      kind: "no-answer",
      question: "你好",
      reason: { code: "off-topic", cause: "chat" },
      suggestions: [],
      examples: ["重庆新增学位多少", HOSTILE],
    });
    const text = JSON.stringify(msg.blocks);
    expect(text).toContain("可以这样问：");
    expect(text).not.toContain("语料中相近的内容");
    expect(text).not.toContain("<!channel>");
  });
});

describe("adapter helpers", () => {
  it("escapeMrkdwn escapes the three control characters", () => {
    expect(escapeMrkdwn("<!channel> & >")).toBe("&lt;!channel&gt; &amp; &gt;");
  });

  it("a message's text loses its mentions and reads 核实/核查/查证 as a claim", () => {
    const parseRequest = (text: string) => parseMessage(messageText(text));
    expect(parseRequest("<@UBOT> 新增学位多少")).toEqual({ kind: "ask", text: "新增学位多少" });
    expect(parseRequest("<@UBOT|bot> 核查：新增学位28万个")).toEqual({
      kind: "check",
      text: "新增学位28万个",
    });
    expect(parseRequest("查证 新增学位28万个").kind).toBe("check");
    expect(unescapeSlack("a &amp; &lt;b&gt;")).toBe("a & <b>");
  });

  it("ReplyCache is a bounded LRU", () => {
    const cache = new ReplyCache(2);
    const reply: NoAnswerReply = {
      kind: "no-answer",
      question: "q",
      reason: { code: "no-indicator" },
      suggestions: [],
      examples: [],
    };
    const a = cache.put(reply, "a");
    const b = cache.put(reply, "b");
    cache.get(a);
    cache.put(reply, "c");
    expect(cache.size).toBe(2);
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)?.question).toBe("a");
  });

  it("SeenEvents answers true once per id and stays bounded", () => {
    const seen = new SeenEvents(2);
    expect(seen.firstTime("e1")).toBe(true);
    expect(seen.firstTime("e1")).toBe(false);
    seen.firstTime("e2");
    seen.firstTime("e3");
    expect(seen.firstTime("e1")).toBe(true);
  });
});
