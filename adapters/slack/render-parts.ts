import { type Citation, citationParts, citationTail, citationText, type Quote } from "../../src/mod.js";
import { cutAtSentence } from "../cut-text.js";
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

/** A title as mrkdwn: already escaped text, made a link to the source when its URL is safe to put in <…|…>. */
export function linkedTitle(escapedTitle: string, url: string | null): string {
  return url && SAFE_URL.test(url) ? `<${url.replace(/&/g, "&amp;")}|${escapedTitle}>` : escapedTitle;
}

/** 《title》 publisher date · 第N段, escaped; the title links to the source when it has a safe URL. */
export function citationMrkdwn(c: Citation): string {
  const parts = citationParts(c, c.paragraph);
  return linkedTitle(escapeMrkdwn(parts.title), c.url) + escapeMrkdwn(citationTail(parts));
}

/** The same citation as plain text, for notification fallbacks (escaped, never a link). */
export function citationPlain(c: Citation): string {
  return escapeMrkdwn(citationText(c, c.paragraph));
}
