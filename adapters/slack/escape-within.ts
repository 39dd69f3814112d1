import { cutAtSentence } from "../cut-text.js";
import { escapeMrkdwn } from "./escape-mrkdwn.js";

/** Escapes raw text and cuts it (at a sentence end, before escaping) so the escaped result fits in `max`. */
export function escapeWithin(raw: string, max: number): string {
  let limit = max;
  for (;;) {
    const out = escapeMrkdwn(cutAtSentence(raw, limit));
    if (out.length <= max || limit <= 1) return out.slice(0, max);
    limit = Math.max(1, Math.floor((limit * max) / out.length) - 1);
  }
}
