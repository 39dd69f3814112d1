import { describe, expect, it } from "vitest";
import { parseButton, replyKeyboard } from "../../adapters/telegram/keyboard.js";
import type { AnswerReply, Citation } from "../../src/answer/reply.js";

const cite = (url: string | null): Citation => ({
  doc: "a.txt",
  title: "标题",
  docTitle: "标题",
  publisher: null,
  date: null,
  url,
  paragraph: 1,
});

const reply = (...urls: Array<string | null>): AnswerReply => ({
  kind: "answer",
  question: "新增学位多少",
  answers: urls.map((url, i) => ({
    figure: { text: `${i + 1}个`, value: i + 1, unit: "个", kind: "quantity" },
    quote: { text: `新增学位${i + 1}个。`, highlights: [[4, 6]] },
    sources: [cite(url)],
    score: 1,
  })),
  related: [],
});

type Button = { text: string; url?: string; callback_data?: string };
const buttons = (r: AnswerReply, page: number): Button[] =>
  replyKeyboard("abc", r, page).inline_keyboard.flat() as Button[];

describe("Telegram reply buttons", () => {
  it("open the shown answer's source with 原文 when it has an http(s) address", () => {
    const r = reply("https://example.cn/a?x=1&y=中文", null, "http://example.cn/c");
    expect(buttons(r, 0)[0]).toEqual({ text: "原文", url: "https://example.cn/a?x=1&y=%E4%B8%AD%E6%96%87" });
    expect(buttons(r, 1).some((b) => b.url)).toBe(false);
    expect(buttons(r, 2)[0]).toEqual({ text: "原文", url: "http://example.cn/c" });
  });

  it.each(["javascript:alert(1)", "ftp://example.cn/a", "http://", "https://exa mple.cn", ""])(
    "offer no 原文 button for %j (Telegram would refuse the whole message)",
    (url) => {
      expect(buttons(reply(url), 0).some((b) => b.url)).toBe(false);
    },
  );

  it("carry the page on 👍/👎, and still read the buttons of older versions", () => {
    const data = buttons(reply(null, null), 1).map((b) => b.callback_data);
    expect(data).toContain("f:abc:u:1");
    expect(parseButton("f:abc:d:1")).toEqual({ kind: "feedback", id: "abc", rating: "down", page: 1 });
    expect(parseButton("f:abc:u")).toEqual({ kind: "feedback", id: "abc", rating: "up", page: 0 });
  });
});
