import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHeading, looksLikeTitle } from "../../src/corpus/blocks.js";
import { extractText } from "../../src/corpus/extract.js";
import { markdownToText } from "../../src/corpus/extract-markdown.js";
import { looksLikeMarkdown } from "../../src/corpus/markdown-signs.js";
import { parseDocument } from "../../src/corpus/parse-document.js";

const SOURCE = `---
title: 2025年某市教育事业发展统计公报
date: 2026-03-01
source: 某市教育局
---

###**一、学前教育**

全市共有幼儿园**1,234所**，比上年增加12所。学前三年毛入学 [率达](https://example.com/x)92.5%，详见[政策解读](https://example.com/policy)。

![图片](https://example.com/a.png)

| 指标 | 2025年 |
|---|---|
| 普通高中 | 156所 |

> 新增学位**“2.1万个”**学位。
`;

describe("markdownToText: the visible text of a markdown document", () => {
  const { text, map, meta } = markdownToText(SOURCE);

  it("keeps the words and drops the syntax: headings, emphasis, links, images, tables", () => {
    expect(text.split("\n")).toEqual([
      "一、学前教育",
      "全市共有幼儿园1,234所，比上年增加12所。学前三年毛入学 率达92.5%，详见政策解读。",
      "指标|2025年",
      "普通高中|156所",
      "新增学位“2.1万个”学位。",
    ]);
    expect(text).not.toMatch(/[#*[\]()!]|https?:/);
  });

  it("reads title, date and source from the front matter", () => {
    expect(meta).toEqual({
      title: "2025年某市教育事业发展统计公报",
      date: "2026-03-01",
      publisher: "某市教育局",
    });
  });

  it.each(["1,234所", "92.5%", "156所", "2.1万个", "一、学前教育"])(
    "maps %s back to where the file writes it",
    (fragment) => {
      const i = text.indexOf(fragment);
      expect(i).toBeGreaterThanOrEqual(0);
      const from = map[i] as number;
      const to = (map[i + fragment.length - 1] as number) + 1;
      expect(SOURCE.slice(from, to)).toBe(fragment);
    },
  );
});

describe("which text files are markdown", () => {
  it("a scraped page saved as .txt with headings, links and emphasis is", () => {
    expect(looksLikeMarkdown("###**标题**\n正文[链接](https://a.cn/b)。\n**重点**内容")).toBe(true);
  });

  it.each([
    ...readdirSync("seeds")
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `seeds/${f}`),
    ...readdirSync("tests/fixtures/gov-reports-2026")
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `tests/fixtures/gov-reports-2026/${f}`),
  ])("%s is not", (path) => {
    expect(looksLikeMarkdown(readFileSync(path, "utf8"))).toBe(false);
  });

  it("a markdown-looking .txt is read as markdown, a .md always", async () => {
    const txt = await extractText(
      new TextEncoder().encode("# 标题\n\n正文**重点**，见[链接](https://a.cn)。\n"),
      "a.txt",
    );
    expect(txt.text).toBe("标题\n正文重点，见链接。");
    const md = await extractText(new TextEncoder().encode("正文**重点**。\n"), "b.md");
    expect(md.text).toBe("正文重点。");
    expect(md.map).toHaveLength(md.text.length);
  });
});

describe("markdown tables in a document", () => {
  it("a table row is a paragraph of the body, never a heading", () => {
    const { text } = markdownToText(SOURCE);
    const { passages } = parseDocument("a.md", text);
    const row = passages.find((p) => p.text.includes("156所"));
    expect(row?.text).toBe("普通高中|156所");
    expect(row?.paragraph).toBeGreaterThan(0);
    expect(isHeading("普通高中|156所")).toBe(false);
    expect(looksLikeTitle("普通高中|156所")).toBe(false);
  });
});

describe("HTML fragments", () => {
  it("a page saved as a fragment (no <html>, no <body>) is read", async () => {
    const html = `<div class="article"><h1>2025年全省教育统计公报</h1>
<p>2025年，全省新增学位<strong>12.5万个</strong>，普惠性幼儿园覆盖率达到92.3%。</p>
<p>全省共有普通高校168所，比上年增加3所。</p></div>`;
    const { text, meta } = await extractText(new TextEncoder().encode(html), "frag.html");
    expect(meta.title).toBe("2025年全省教育统计公报");
    expect(text).toContain("全省新增学位12.5万个，普惠性幼儿园覆盖率达到92.3%。");
    expect(text).toContain("全省共有普通高校168所");
  });
});
