import type { AskReply, CheckReply, Citation, Quote, Verdict } from "../../src/answer/reply.js";
import { checkNoteText, noAnswerText } from "../../src/conversation/wording.js";

/** How to emphasise the figure in a terminal: ANSI bold when it is a TTY, 【】 brackets otherwise. */
export interface TextStyle {
  color: boolean;
}

const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

function emphasise(s: string, style: TextStyle): string {
  return style.color ? `${BOLD}${s}${RESET}` : `【${s}】`;
}

/** The quote with its figure emphasised. */
export function renderQuote(q: Quote, style: TextStyle): string {
  let out = "";
  let at = 0;
  for (const [s, e] of q.highlights) {
    out += q.text.slice(at, s) + emphasise(q.text.slice(s, e), style);
    at = e;
  }
  return out + q.text.slice(at);
}

/** 《title》 publisher date · 第N段 */
export function renderCitation(c: Citation): string {
  const parts = [c.title ? `《${c.title}》` : c.doc, c.publisher, c.date].filter(Boolean);
  const where = c.paragraph > 0 ? ` · 第${c.paragraph}段` : " · 标题";
  return `${parts.join(" ")}${where}`;
}

/** Renders a reply as plain text for the terminal (figure first, then the sentence, then the source). */
export function renderText(reply: AskReply, style: TextStyle, limit = 3): string {
  if (reply.kind === "no-answer") {
    const tips = reply.suggestions.length
      ? `\n语料中相近的内容：\n${reply.suggestions.map((s) => `  • ${s}`).join("\n")}`
      : "";
    return `没有找到答案：${noAnswerText(reply.reason)}。${tips}`;
  }
  const blocks = reply.answers.slice(0, limit).map((a, i) => {
    const head = a.figure ? emphasise(a.figure.text, style) : `答案 ${i + 1}`;
    const cites = a.sources.map((s) => `  —${renderCitation(s)}`).join("\n");
    return `${i === 0 ? "" : `${i + 1}. `}${head}\n${renderQuote(a.quote, style)}\n${cites}`;
  });
  const related = reply.related.length
    ? `\n\n相关数字\n${reply.related.map((r) => `  • ${r.label} — ${renderCitation(r.source)}`).join("\n")}`
    : "";
  return blocks.join("\n\n") + related;
}

/** Verdict badges, the same in every adapter. */
export const VERDICT_BADGE: Record<Verdict, string> = {
  supported: "✅ 一致",
  contradicted: "❌ 不一致",
  conflicting: "⚠️ 来源不一致",
  not_found: "❓ 未找到",
};

/** Renders a fact check: verdict, then for each figure the claim's value against the sources' with their sentences. */
export function renderCheckText(reply: CheckReply, style: TextStyle): string {
  const lines = [`${VERDICT_BADGE[reply.verdict]}　${reply.claim}`];
  if (reply.note) lines.push(checkNoteText(reply.note));
  for (const item of reply.items) {
    const values = item.evidence.map((e) => e.figure?.text ?? "—").join(" / ");
    lines.push(
      `\n${VERDICT_BADGE[item.verdict]}　说法：${item.claim.text}${values ? `　来源：${values}` : ""}`,
    );
    for (const e of item.evidence) {
      const period = e.period === "target" ? "（目标）" : "";
      lines.push(`${renderQuote(e.quote, style)}${period}\n  —${renderCitation(e.source)}`);
    }
  }
  if (reply.verdict === "not_found" && reply.items.length > 0)
    lines.push(`\n查找的指标：${reply.lookedFor || "（无）"}`);
  if (reply.suggestions.length)
    lines.push(`语料中相近的内容：\n${reply.suggestions.map((s) => `  • ${s}`).join("\n")}`);
  return lines.join("\n");
}
