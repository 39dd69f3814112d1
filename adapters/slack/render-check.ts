import type { CheckedFigure, CheckReply, Evidence, Verdict } from "../../src/answer/reply.js";
import { checkNoteText } from "../../src/conversation/wording.js";
import { type Block, context, section } from "./blocks.js";
import { escapeWithin } from "./cut-text.js";
import { blockQuote, bold, escapeMrkdwn } from "./escape-mrkdwn.js";
import { suggestionText, type Unit, unit } from "./render-answer.js";
import { citationMrkdwn, quoteMrkdwn } from "./render-parts.js";

const LABELS: Record<Verdict, string> = {
  supported: "✅ 一致",
  contradicted: "❌ 不一致",
  conflicting: "⚠️ 来源不一致",
  not_found: "❓ 未找到",
};

const QUOTE_MAX = 1200;
const MAX_EVIDENCE = 3;

/** The verdict as shown to readers: emoji and Chinese label. */
export function verdictLabel(v: Verdict): string {
  return LABELS[v];
}

function period(e: Evidence): string {
  if (e.period === "target") return "（目标）";
  if (e.period === "achieved") return "（已实现）";
  return "";
}

function evidenceBlocks(e: Evidence): Block[] {
  const fig = e.figure ? `来源数值 ${bold(escapeMrkdwn(e.figure.text))}${period(e)}\n` : "";
  return [
    section(`${fig}${blockQuote(quoteMrkdwn(e.quote, QUOTE_MAX))}`),
    context(`来源：${citationMrkdwn(e.source)}`),
  ];
}

/** One checked figure: its verdict, claim value vs source value(s), and the evidence passages. */
export function checkedUnit(item: CheckedFigure): Unit {
  const values = item.evidence
    .map((e) => (e.figure ? escapeMrkdwn(e.figure.text) : null))
    .filter((v): v is string => v !== null);
  const source = values.length ? ` · 来源数值 ${[...new Set(values)].map(bold).join(" / ")}` : "";
  const head = section(
    `${verdictLabel(item.verdict)} · 说法数值 ${bold(escapeMrkdwn(item.claim.text))}${source}`,
  );
  return unit([head, ...item.evidence.slice(0, MAX_EVIDENCE).flatMap(evidenceBlocks)]);
}

/** The check's heading unit: overall verdict and the claim, with the note or what was looked for. */
export function checkHeadUnit(r: CheckReply): Unit {
  let text = `*核查结果：${verdictLabel(r.verdict)}*\n说法：${escapeWithin(r.claim, 1000)}`;
  if (r.note) text += `\n${escapeWithin(checkNoteText(r.note), 500)}`;
  if (r.verdict === "not_found" && r.lookedFor) text += `\n查找：${escapeWithin(r.lookedFor, 300)}`;
  text += suggestionText("来源中相关的说法：", r.suggestions);
  return unit([section(text)]);
}

/** The checked-figure units of a reply. */
export function checkUnits(r: CheckReply): Unit[] {
  return r.items.map(checkedUnit);
}

/** Plain-text fallback: the verdict with claim value vs source value. */
export function checkFallback(r: CheckReply): string {
  const first = r.items[0];
  const ev = first?.evidence.find((e) => e.figure);
  const vs = first
    ? `：说法 ${escapeMrkdwn(first.claim.text)}${ev?.figure ? `，来源 ${escapeMrkdwn(ev.figure.text)}` : ""}`
    : "";
  return `${verdictLabel(r.verdict)}${vs} — ${escapeWithin(r.claim, 500)}`;
}
