/** A run of text with one style; messages are built from spans so HTML is only produced at the very end. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Link target; only http(s) URLs are kept, anything else renders as plain text. */
  href?: string;
  /** Inside a block quote: `quote` (shown), `expandable` (folded to a few lines until tapped). */
  block?: BlockKind;
}

/** Telegram's two block quotes. */
export type BlockKind = "quote" | "expandable";

/** The tags around a run of spans in one block quote. */
const BLOCK_TAGS: Record<BlockKind, [string, string]> = {
  quote: ["<blockquote>", "</blockquote>"],
  expandable: ["<blockquote expandable>", "</blockquote>"],
};

/** The most a block quote's tags add to a message (for measuring chunks before HTML exists). */
export const BLOCK_TAG_COST = Math.max(...Object.values(BLOCK_TAGS).map(([o, c]) => o.length + c.length));

/** Escapes text for Telegram HTML: the three characters its parser treats specially, plus quotes for attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function safeHref(href: string | undefined): string | null {
  return href && /^https?:\/\//i.test(href) ? href : null;
}

/** A URL Telegram accepts on a button: http(s), parsed and normalised (a bad one would fail the whole message). */
export function buttonUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** One span as HTML: escaped text inside its tags, so every span is well-formed on its own. */
export function spanToHtml(span: Span): string {
  if (span.text === "") return "";
  let html = escapeHtml(span.text);
  if (span.bold) html = `<b>${html}</b>`;
  if (span.italic) html = `<i>${html}</i>`;
  const href = safeHref(span.href);
  if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}

function sameStyle(a: Span, b: Span): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    a.href === b.href &&
    a.block === b.block
  );
}

/** Joins adjacent spans of the same style so the HTML carries no redundant tags. */
export function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.text === "") continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, s)) out[out.length - 1] = { ...last, text: last.text + s.text };
    else out.push({ ...s });
  }
  return out;
}

/** Spans as one HTML string; consecutive spans of one block quote share its tags. */
export function toHtml(spans: Span[]): string {
  let html = "";
  let open: BlockKind | undefined;
  for (const span of mergeSpans(spans)) {
    if (span.block !== open) {
      if (open) html += BLOCK_TAGS[open][1];
      if (span.block) html += BLOCK_TAGS[span.block][0];
      open = span.block;
    }
    html += spanToHtml(span);
  }
  return open ? html + BLOCK_TAGS[open][1] : html;
}

/** The spans put inside a block quote. */
export function inBlock(block: BlockKind, spans: Span[]): Span[] {
  return spans.map((s) => ({ ...s, block }));
}

/** Spans as plain text (for inline result descriptions, which Telegram never parses). */
export function toPlain(spans: Span[]): string {
  return spans.map((s) => s.text).join("");
}

/** Shorthand for a plain span. */
export const plain = (text: string): Span => ({ text });

/** Shorthand for a bold span. */
export const bold = (text: string): Span => ({ text, bold: true });

/** Shorthand for an italic span. */
export const italic = (text: string): Span => ({ text, italic: true });
