import { cutAtSentence } from "../cut-text.js";

/**
 * A chat platform's markdown, as the reply renderers need it: how user and document text is escaped, how an
 * escaped piece is made bold, and how a title links to its source. Feishu's lark_md, DingTalk's and WeCom's
 * markdown each supply one; every reply and digest is rendered through it, so no text escapes the escaping.
 */
export interface MarkdownDialect {
  escape(text: string): string;
  bold(escaped: string): string;
  /** A link around an already escaped title; the title alone when the URL is not safe to put in the markup. */
  link(escapedTitle: string, url: string | null): string;
}

/** Escapes raw text and cuts it (at a sentence end, before escaping) so that the escaped result fits in `max`. */
export function escapeWithin(d: MarkdownDialect, raw: string, max: number): string {
  let limit = max;
  for (;;) {
    const out = d.escape(cutAtSentence(raw, limit));
    if (out.length <= max || limit <= 1) return out.length <= max ? out : d.escape(cutAtSentence(raw, 1));
    limit = Math.max(1, Math.floor((limit * max) / out.length) - 1);
  }
}

/** An http(s) URL with nothing in it that could end a markdown link early. */
export const SAFE_URL = /^https?:\/\/[^\s<>()[\]"'`\\]+$/;
