/**
 * A URL a document may link to: an absolute http or https URL without spaces or controls. A `javascript:`,
 * `data:` or `file:` address, or a relative one, from a page's og:url, a canonical link, a hand-written manifest
 * or `ingest --url`, is never stored or shown: null. The one rule for every URL the corpus keeps.
 */
export function httpUrl(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text || /[\s\p{Cc}]/u.test(text) || !URL.canParse(text)) return null;
  const { protocol } = new URL(text);
  return protocol === "http:" || protocol === "https:" ? text : null;
}
