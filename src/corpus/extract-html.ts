import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeDocument } from "./decode.js";
import { DOCUMENT_LIMITS, type DocumentLimits } from "./document-limits.js";
import type { ExtractedText } from "./extract.js";
import { normalizeDate } from "./extract-date.js";
import { articleHeadline, htmlMeta, pageTitle } from "./extract-html-meta.js";
import { blockText, bodyText, stripChrome } from "./extract-html-text.js";
import { checkHtmlShape, checkHtmlSource, htmlShape } from "./html-shape.js";

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes a page by its BOM or declared charset (gb2312/gbk pages are read as GB18030, their superset);
 * an undeclared or wrongly declared charset falls back to the corpus decoder's UTF-8/UTF-16/GB18030 detection.
 */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const charset = bom ? null : declaredCharset(bytes);
  if (charset) {
    try {
      const label = charset === "gb2312" || charset === "gbk" ? "gb18030" : charset;
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // unknown label or bytes that do not fit it: let detection decide
    }
  }
  return decodeDocument(bytes, file).text;
}

/** Readability's article as lines, or "" when it finds none. */
function readableText(doc: unknown): { text: string; title?: string; date?: string; site?: string } {
  let article: ReturnType<Readability["parse"]>;
  try {
    article = new Readability(doc as Document).parse();
  } catch {
    return { text: "" }; // Readability trips over some DOMs linkedom builds: the body fallback still reads them
  }
  if (!article?.content) return { text: "" };
  const { document } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  return {
    text: blockText(document.body as never),
    title: article.title?.trim() || undefined,
    date: normalizeDate(article.publishedTime),
    site: article.siteName?.trim() || undefined,
  };
}

/**
 * A page saved as a fragment ("<div class=article>…", no <html> or <body>) is parsed inside a body of its own:
 * a DOM parser would otherwise leave it outside the document body that text is read from.
 */
export function asPage(html: string): string {
  return /<body[\s>]|<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/**
 * HTML: the main text (Readability, else the body without site chrome), one line per paragraph, plus meta tags.
 * A page with too many elements or nested too deep is refused; one nested deeper than Readability can afford
 * is read as its body text.
 */
export async function extractHtml(
  bytes: Uint8Array,
  file: string,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): Promise<ExtractedText> {
  const html = asPage(decodeHtml(bytes, file));
  checkHtmlSource(html, file, limits);
  const page = parseHTML(html).document;
  const shape = htmlShape(page.documentElement as never);
  checkHtmlShape(shape, file, limits);
  const meta = htmlMeta(page as never);
  const headlines = [articleHeadline(page as never), pageTitle(page as never)];
  // Readability keeps a menu or banner it cannot tell from content on a short page: drop them first
  stripChrome(page.body as never);
  const readable: ReturnType<typeof readableText> =
    shape.depth <= limits.readabilityDepth ? readableText(page) : { text: "" };
  const text = readable.text || bodyText(parseHTML(html).document.body as never);
  // og:title, then the article's <h1>, then Readability's cleaned <title> ("标题 - 网站" → "标题"), then any
  const headline = meta.title ?? headlines[0] ?? readable.title ?? headlines[1];
  if (headline) meta.title = headline;
  if (!meta.date && readable.date) meta.date = readable.date;
  if (!meta.publisher && readable.site) meta.publisher = readable.site;
  // the article body rarely repeats its headline, and the cleaner expects a document to open with it
  const body = headline && text && !text.startsWith(headline) ? `${headline}\n${text}` : text;
  return { text: body, meta };
}
