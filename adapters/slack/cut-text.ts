import { escapeMrkdwn } from "./escape-mrkdwn.js";

const SENTENCE_END = /[。！？；!?;…\n]/;

/** Cuts text to at most `max` characters, at the last sentence end when one exists, marking the cut with "…". */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  let end = -1;
  for (let i = room.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(room[i] ?? "")) {
      end = i + 1;
      break;
    }
  }
  const kept = end > max / 3 ? room.slice(0, end) : room;
  return `${kept}…`;
}

/** Escapes raw text and cuts it (at a sentence end, before escaping) so the escaped result fits in `max`. */
export function escapeWithin(raw: string, max: number): string {
  let limit = max;
  for (;;) {
    const out = escapeMrkdwn(cutAtSentence(raw, limit));
    if (out.length <= max || limit <= 1) return out.slice(0, max);
    limit = Math.max(1, Math.floor((limit * max) / out.length) - 1);
  }
}
