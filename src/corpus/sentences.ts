import { CLOSERS, isOneOf, SENTENCE_END } from "../lexicon/punctuation.js";
import type { MappedText } from "./lines.js";

/** A sentence of a paragraph: its text and offsets into the paragraph's text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const MAX_SENTENCE = 300;

/**
 * Splits a paragraph into sentences at 。！？； (closing quotes stay with their sentence).
 * A run-on sentence longer than 300 characters is cut at commas so that quotes stay readable.
 */
export function splitSentences(paragraph: MappedText): SentenceSpan[] {
  const text = paragraph.text;
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isOneOf(SENTENCE_END, text[i])) continue;
    let end = i + 1;
    while (end < text.length && isOneOf(CLOSERS, text[end])) end++;
    pushSpan(spans, text, start, end);
    start = end;
    i = end - 1;
  }
  pushSpan(spans, text, start, text.length);
  return spans.flatMap((s) => (s.text.length > MAX_SENTENCE ? cutLong(s) : [s]));
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  if (slice.replace(/[\s"“”'‘’]/g, "").length === 0) return;
  spans.push({ text: slice, start, end });
}

/** Cuts a run-on sentence at the comma nearest to each 150-character mark. */
function cutLong(span: SentenceSpan): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let from = 0;
  const t = span.text;
  while (t.length - from > MAX_SENTENCE) {
    const window = t.slice(from + 100, from + 220);
    const comma = Math.max(window.lastIndexOf("，"), window.lastIndexOf(","));
    const cut = comma >= 0 ? from + 100 + comma + 1 : from + 200;
    out.push({ text: t.slice(from, cut), start: span.start + from, end: span.start + cut });
    from = cut;
  }
  out.push({ text: t.slice(from), start: span.start + from, end: span.end });
  return out;
}
