import { BLOCK_TAG_COST, escapeHtml, type Span, spanToHtml, toHtml } from "./rich-text.js";

/** Telegram's limit on the text of one message. */
export const MESSAGE_LIMIT = 4096;

// A piece ends a sentence after Chinese or Latin end punctuation (with closing quotes) or a line break.
const SENTENCE_END = /[^。！？；!?\n]*(?:[。！？；!?]+[”’」』）)"']*|\n+)|[^。！？；!?\n]+$/gu;

/** Cuts a span into sentence-sized pieces, each keeping the span's style. */
function sentencePieces(span: Span): Span[] {
  const parts = span.text.match(SENTENCE_END) ?? [];
  return parts.filter((t) => t !== "").map((text) => ({ ...span, text }));
}

/** Cuts a piece whose HTML alone exceeds the limit into code-point slices (never inside a surrogate pair or entity). */
function hardCut(piece: Span, limit: number): Span[] {
  const tags = spanToHtml({ ...piece, text: "x" }).length - 1; // what the span's tags cost around its text
  const out: Span[] = [];
  let current = "";
  let size = tags;
  for (const ch of piece.text) {
    const cost = escapeHtml(ch).length;
    if (size + cost > limit && current) {
      out.push({ ...piece, text: current });
      current = "";
      size = tags;
    }
    current += ch;
    size += cost;
  }
  if (current) out.push({ ...piece, text: current });
  return out;
}

function endsSentence(piece: Span): boolean {
  return /[。！？；!?\n][”’」』）)"']*$/u.test(piece.text);
}

/** The pieces of a message, none longer than the limit on its own. */
function piecesOf(spans: Span[], limit: number): Span[] {
  return spans
    .flatMap(sentencePieces)
    .flatMap((p) => (spanToHtml(p).length > limit ? hardCut(p, limit) : [p]));
}

/** Renders a chunk, dropping blank lines at its edges (Telegram rejects an empty message). */
function renderChunk(pieces: Span[]): string {
  return toHtml(pieces).replace(/^\n+/, "").replace(/\n+$/, "");
}

/** What a piece adds to a chunk after `prev`: its HTML, and the block quote's tags when it opens one. */
function costAfter(prev: Span | undefined, piece: Span): number {
  const opens = Boolean(piece.block) && prev?.block !== piece.block;
  return spanToHtml(piece).length + (opens ? BLOCK_TAG_COST : 0);
}

/**
 * Splits a message into HTML chunks of at most `limit` characters, cutting between sentences where it can.
 * The cut is made on spans, before HTML exists, so each chunk is well-formed: no tag or entity is ever cut.
 */
export function splitMessage(spans: Span[], limit = MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let current: Span[] = [];
  let size = 0;
  let lastBreak = -1; // index in `current` after which a sentence ends
  for (const piece of piecesOf(spans, limit - BLOCK_TAG_COST)) {
    const cost = () => costAfter(current[current.length - 1], piece);
    // Flush up to the last sentence end; if the unfinished sentence still does not fit, flush it too.
    while (size + cost() > limit && current.length) {
      const cut = lastBreak >= 0 ? lastBreak + 1 : current.length;
      chunks.push(renderChunk(current.slice(0, cut)));
      current = current.slice(cut);
      size = current.reduce((n, p, j) => n + costAfter(current[j - 1], p), 0);
      lastBreak = -1; // whatever remains is the unfinished sentence after the last end
    }
    size += cost();
    current.push(piece);
    if (endsSentence(piece)) lastBreak = current.length - 1;
  }
  if (current.length) chunks.push(renderChunk(current));
  return chunks.filter((c) => c.trim() !== "");
}
