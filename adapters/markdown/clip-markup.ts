/**
 * Where escaped markdown may be cut without breaking markup, as data: an opening that must not be kept without
 * its end. An HTML entity (lark_md's escapes: `&#42;`), bold (`**`, in pairs) and a link (`[title](url)`).
 */
const UNFINISHED: readonly RegExp[] = [
  /&[#\w]*$/, // an entity cut before its `;`
  /\[[^\]]*(\]\([^)]*)?$/, // a link cut before its `)`
];

/** Where the kept text ends: before an unfinished entity or link, and before an unpaired `**`. */
function safeEnd(kept: string): number {
  let end = kept.length;
  for (const open of UNFINISHED) {
    const m = open.exec(kept.slice(0, end));
    if (m) end = m.index;
  }
  const bolds = kept.slice(0, end).split("**").length - 1;
  return bolds % 2 === 1 ? kept.lastIndexOf("**", end - 2) : end;
}

/**
 * Escaped markdown cut to at most `max` characters, an ellipsis included, never inside an escape, a link or
 * bold (the cut moves back before it): a clipped answer shows no half entity (`&#4…`) and opens no markup.
 */
export function clipMarkup(md: string, max: number): string {
  if (md.length <= max) return md;
  if (max <= 1) return "…";
  const kept = md.slice(0, max - 1);
  return `${kept.slice(0, Math.max(0, safeEnd(kept)))}…`;
}
