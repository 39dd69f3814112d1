import { type Digest, digestHeading, isEmptyDigest, NOTHING_NEW, topicHeading } from "../../src/mod.js";
import { citationSpans, quoteSpans } from "./render-html.js";
import { bold, plain, type Span } from "./rich-text.js";
import { MESSAGE_LIMIT, splitMessage } from "./split-message.js";

const NL = plain("\n");

/** A digest as spans: heading, each new document with its key figures, then the topic passages. */
export function digestSpans(d: Digest): Span[] {
  const out: Span[] = [bold(digestHeading(d)), NL];
  if (isEmptyDigest(d)) return [...out, plain(NOTHING_NEW)];
  d.documents.forEach((doc, i) => {
    out.push(NL, plain(`${i + 1}. `), ...citationSpans(doc), NL);
    for (const f of doc.figures) out.push(plain("• "), ...quoteSpans(f.quote), NL);
  });
  for (const t of d.topics) {
    out.push(NL, bold(topicHeading(t.topic)), NL);
    for (const p of t.passages)
      out.push(
        plain("• "),
        ...quoteSpans(p.quote),
        plain(" —"),
        ...citationSpans(p.source, p.source.paragraph),
        NL,
      );
  }
  return out;
}

/** A digest as Telegram HTML messages, each within the 4096-character limit, cut between sentences. */
export function renderDigestHtml(d: Digest, limit = MESSAGE_LIMIT): string[] {
  return splitMessage(digestSpans(d), limit);
}
