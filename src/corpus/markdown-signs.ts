/** Signs of markdown in a text file: headings, emphasis, links, images, table rules. */
const SIGNS = [
  /^#{1,6}\s*\S/gm,
  /\*\*[^*\n]+\*\*/g,
  /\[[^\]\n]+\]\((?:https?:|\/|\.)[^)\s]*\)/g,
  /!\[[^\]\n]*\]\([^)\s]+\)/g,
  /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/gm,
];

/** Whether a plain-text file is written in markdown: three signs or more (a lone "#" line is not enough). */
export function looksLikeMarkdown(text: string): boolean {
  let signs = 0;
  for (const re of SIGNS) {
    signs += text.match(re)?.length ?? 0;
    if (signs >= 3) return true;
  }
  return false;
}
