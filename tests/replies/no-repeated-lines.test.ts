import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCheckText, renderText } from "../../adapters/console/render-text.js";
import type { Block } from "../../adapters/slack/blocks.js";
import { renderReply as slackReply } from "../../adapters/slack/render-blocks.js";
import { renderReply as telegramReply } from "../../adapters/telegram/render-html.js";
import { toHtml } from "../../adapters/telegram/rich-text.js";
import type { Reply } from "../../src/answer/reply.js";
import { VERDICT_LABELS } from "../../src/conversation/wording.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { visibleText } from "../telegram/html-check.js";

// Every renderer, over the golden questions and claims of the seeds plus messages that get no answer: a reader
// never sees the same line twice in one reply (相关数字 repeating the answers above it, a one-figure check
// stating its verdict twice, one sentence quoted under two figures of a claim).
const golden = (file: string): string[] =>
  readFileSync(new URL(`../golden/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);

const NO_ANSWER = ["你好", "how many new school places", "火星基地多少", "北京新增学位多少", "？？"];
const CLAIMS = [...golden("check.jsonl"), "全市新增学位28万个，新建改扩建学校151所"];

let engine: Engine;
let replies: Reply[];
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds", clock: () => new Date("2026-03-01T12:00:00+08:00") });
  replies = [];
  for (const q of [...golden("ask.jsonl"), ...NO_ANSWER]) replies.push(await engine.ask(q));
  for (const c of CLAIMS) replies.push(await engine.check(c));
});

/**
 * The lines shown twice or more (blank lines and quote markers aside), and the list items ("• label — source")
 * whose label another line already states (a related figure repeating an answer).
 */
function repeated(text: string): string[] {
  const lines = text
    .split("\n")
    .map((raw) => raw.replace(/^[>\s]+/, "").trim())
    .filter(Boolean);
  const twice = lines.filter((line, i) => lines.indexOf(line) !== i);
  const restated = lines.filter((line) => {
    const label = /^• (.+?) — /.exec(line)?.[1];
    return label && lines.some((other) => other !== line && other.includes(label));
  });
  return [...new Set([...twice, ...restated])];
}

function blockText(b: Block): string {
  if (b.type === "section") return b.text?.text ?? "";
  if (b.type === "context")
    return b.elements
      .map((e: object) => ("text" in e && typeof e.text === "string" ? e.text : ""))
      .join("\n");
  return "";
}

const RENDERERS: Array<[string, (r: Reply) => string]> = [
  [
    "terminal",
    (r) => (r.kind === "check" ? renderCheckText(r, { color: false }) : renderText(r, { color: false })),
  ],
  ["telegram", (r) => visibleText(toHtml(telegramReply(r, 0)))],
  ["slack", (r) => slackReply(r, { id: "abc" }).blocks.map(blockText).join("\n")],
];

describe("no line repeated in a reply", () => {
  it.each(RENDERERS)("%s", (_name, render) => {
    const found = replies
      .map((r) => ({ asked: r.kind === "check" ? r.claim : r.question, lines: repeated(render(r)) }))
      .filter((x) => x.lines.length > 0);
    expect(found).toEqual([]);
  });

  it.each(RENDERERS)("%s: a one-figure check states its verdict once", (_name, render) => {
    const checks = replies.filter((r) => r.kind === "check" && r.items.length === 1);
    expect(checks.length).toBeGreaterThan(10);
    for (const r of checks) {
      const label = VERDICT_LABELS[r.kind === "check" ? r.verdict : "supported"];
      expect(render(r).split(label).length - 1, render(r)).toBe(1);
    }
  });
});
