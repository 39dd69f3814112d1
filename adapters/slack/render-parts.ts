import type { Citation, Quote } from "../../src/answer/reply.js";
import { cutAtSentence } from "./cut-text.js";
import { bold, escapeMrkdwn } from "./escape-mrkdwn.js";

/** The quoted sentence, escaped, its figure in bold, cut at a sentence end so the result fits in `max`. */
export function quoteMrkdwn(q: Quote, max: number): string {
  let limit = max;
  for (;;) {
    const out = highlighted(q, cutAtSentence(q.text, limit));
    if (out.length <= max || limit <= 1) return out;
    limit = Math.max(1, Math.floor((limit * max) / out.length) - 8);
  }
}

function highlighted(q: Quote, text: string): string {
  let out = "";
  let at = 0;
  for (const [s, e] of q.highlights) {
    if (s < at || e > text.length) continue;
    out += escapeMrkdwn(text.slice(at, s)) + bold(escapeMrkdwn(text.slice(s, e)));
    at = e;
  }
  return out + escapeMrkdwn(text.slice(at));
}

const SAFE_URL = /^https?:\/\/[^\s<>|]+$/;

/** 《title》 publisher date · 第N段, escaped; the title links to the source when it has a safe URL. */
export function citationMrkdwn(c: Citation): string {
  const name = escapeMrkdwn(c.title ? `《${c.title}》` : c.doc);
  const title = c.url && SAFE_URL.test(c.url) ? `<${c.url.replace(/&/g, "&amp;")}|${name}>` : name;
  const rest = [c.publisher, c.date].filter((p): p is string => Boolean(p)).map(escapeMrkdwn);
  const where = c.paragraph > 0 ? ` · 第${c.paragraph}段` : " · 标题";
  return `${[title, ...rest].join(" ")}${where}`;
}

/** The same citation as plain text, for notification fallbacks (escaped, never a link). */
export function citationPlain(c: Citation): string {
  const parts = [c.title ? `《${c.title}》` : c.doc, c.publisher, c.date].filter(Boolean).join(" ");
  return escapeMrkdwn(`${parts}${c.paragraph > 0 ? ` · 第${c.paragraph}段` : " · 标题"}`);
}
