import { describe, expect, it } from "vitest";
import { renderDigestText } from "../../adapters/cli/digest.js";
import { SECTION_MAX } from "../../adapters/slack/blocks.js";
import { renderDigestBlocks } from "../../adapters/slack/digest-blocks.js";
import { renderDigestHtml } from "../../adapters/telegram/digest-html.js";
import type { Citation } from "../../src/answer/reply.js";
import type { Digest, DigestDocument } from "../../src/digest/digest.js";
import { assertWellFormed, visibleText } from "../telegram/html-check.js";

const HOSTILE = "<script>alert(1)</script> & <b>粗</b> <!channel> <@U123> *星* _斜_ ";

function hostileDocument(i: number): DigestDocument {
  const text = `${HOSTILE}${"新增学位27.8万个，".repeat(200)}结束。`;
  const source: Citation = {
    doc: `${i}.txt`,
    title: `${HOSTILE}标题${i}`,
    docTitle: null,
    publisher: "<i>出版</i>",
    date: "2025-03-03",
    url: `javascript:alert(${i})`,
    paragraph: 2,
  };
  return {
    doc: source.doc,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    url: source.url,
    figures: [1, 2, 3].map(() => ({
      figure: { text: "27.8万个", value: 278000, unit: "个", kind: "quantity" },
      quote: { text, highlights: [[HOSTILE.length + 4, HOSTILE.length + 10]] },
      source,
    })),
  };
}

function hostileDigest(docs: number): Digest {
  const documents = Array.from({ length: docs }, (_, i) => hostileDocument(i));
  const passages = documents.slice(0, 3).flatMap((d) => d.figures.slice(0, 1));
  return { date: "2025-03-03", documents, topics: [{ topic: `学位${HOSTILE}`, passages }], preview: false };
}

describe("digest rendering", () => {
  it("Telegram: every message within 4096 characters, well-formed, hostile text escaped", () => {
    const html = renderDigestHtml(hostileDigest(30));
    expect(html.length).toBeGreaterThan(1);
    for (const m of html) {
      expect(m.length).toBeLessThanOrEqual(4096);
      assertWellFormed(m);
      expect(m).not.toContain("<script");
      expect(m).not.toContain("javascript:");
    }
    expect(visibleText(html.join(""))).toContain("<script>alert(1)</script>");
  });

  it("Slack: at most 50 blocks, sections within 3000 characters, mrkdwn escaped", () => {
    const msg = renderDigestBlocks(hostileDigest(80));
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(msg);
    expect(json).not.toContain("<script");
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U123>");
    expect(json).not.toContain("javascript:");
    for (const b of msg.blocks) {
      const text = b.type === "section" ? (b.text?.text ?? "") : JSON.stringify(b);
      expect(text.length).toBeLessThanOrEqual(SECTION_MAX);
    }
    expect(json).toContain("未列出");
  });

  it("a day with nothing new renders the short 今日无新增 everywhere", () => {
    const empty: Digest = { date: "2025-03-03", documents: [], topics: [], preview: false };
    expect(renderDigestHtml(empty).join("")).toContain("今日无新增");
    expect(JSON.stringify(renderDigestBlocks(empty).blocks)).toContain("今日无新增");
    expect(renderDigestText(empty)).toContain("今日无新增");
  });
});
