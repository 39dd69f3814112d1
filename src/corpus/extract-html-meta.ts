import { compactMeta, normalizeDate } from "./extract-date.js";
import type { DocumentMeta } from "./types.js";

interface MetaElement {
  getAttribute(name: string): string | null;
}

interface HtmlDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): (MetaElement & { textContent: string | null }) | null;
}

/** Meta names holding the original publisher, best first: a re-published page names its source before its site. */
const PUBLISHER = ["contentsource", "source", "og:site_name", "sitename", "site_name", "author"];
/** Meta names holding the publication date, best first (PubDate and friends are what Chinese government CMSs write). */
const DATE = [
  "article:published_time",
  "pubdate",
  "publishdate",
  "publish_date",
  "firstpublishedtime",
  "og:published_time",
  "date",
  "dc.date",
];
const TITLE = ["og:title", "articletitle", "twitter:title"];

/** Every <meta> of the page by lower-cased name, property or itemprop; the first of a name wins. */
function metaTags(doc: HtmlDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll("meta"))) {
    const key = el.getAttribute("name") ?? el.getAttribute("property") ?? el.getAttribute("itemprop");
    const content = el.getAttribute("content")?.trim();
    if (key && content && !out.has(key.toLowerCase())) out.set(key.toLowerCase(), content);
  }
  return out;
}

function first(tags: Map<string, string>, names: string[]): string | undefined {
  for (const n of names) {
    const v = tags.get(n);
    if (v) return v;
  }
  return undefined;
}

/** What the page says about itself, read before Readability rewrites the DOM; keys without a value are left out. */
export function htmlMeta(doc: HtmlDocument): Partial<DocumentMeta> {
  const tags = metaTags(doc);
  const time = doc.querySelector("time[datetime]")?.getAttribute("datetime");
  const canonical = doc.querySelector("link[rel=canonical]")?.getAttribute("href");
  return compactMeta({
    title: first(tags, TITLE),
    publisher: first(tags, PUBLISHER),
    date: normalizeDate(first(tags, DATE)) ?? normalizeDate(time),
    url: tags.get("og:url") ?? (canonical?.startsWith("http") ? canonical : undefined),
  });
}

/** The article's own headline: an <h1> inside <article> or <main> (a page-level <h1> is often the site logo). */
export function articleHeadline(doc: HtmlDocument): string | undefined {
  return doc.querySelector("article h1, main h1")?.textContent?.trim() || undefined;
}

/** The last resort for a title: the first <h1>, else <title>. */
export function pageTitle(doc: HtmlDocument): string | undefined {
  const h1 = doc.querySelector("h1")?.textContent?.trim();
  return h1 || doc.querySelector("title")?.textContent?.trim() || undefined;
}
