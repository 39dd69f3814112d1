import { HTML_CHROME } from "../lexicon/furniture.js";

/** Elements whose text is never part of the document. */
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "SELECT"]);

/** Elements that start a new line: paragraphs stay separate lines. */
const BLOCK = new Set([
  "P",
  "DIV",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "TR",
  "TABLE",
  "SECTION",
  "ARTICLE",
  "BLOCKQUOTE",
  "PRE",
  "HEADER",
  "FOOTER",
  "FIGURE",
  "FIGCAPTION",
  "MAIN",
  "ASIDE",
  "NAV",
  "CAPTION",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomRoot extends DomNode {
  querySelectorAll(selector: string): ArrayLike<{ remove(): void; closest(selector: string): unknown }>;
}

function collect(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.textContent ?? "");
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toUpperCase();
  if (SKIP.has(tag)) return;
  if (tag === "BR") {
    out.push("\n");
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.push("\n");
  for (const child of Array.from(node.childNodes)) collect(child, out);
  if (block) out.push("\n");
  else if (tag === "TD" || tag === "TH") out.push(" ");
}

/** The text of a DOM subtree, one line per paragraph or other block, blank lines dropped. */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  collect(root, out);
  return out
    .join("")
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * Removes site chrome: navigation, page header and footer, sidebars, banners. An article's own <header>
 * and <footer> (headline, date, source line) stay.
 */
export function stripChrome(root: DomRoot): void {
  for (const el of Array.from(root.querySelectorAll(HTML_CHROME))) {
    const tag = (el as unknown as DomNode).nodeName.toUpperCase();
    const articlePart = (tag === "HEADER" || tag === "FOOTER") && el.closest("article");
    if (!articlePart) el.remove();
  }
}

/** The body's text without site chrome (when Readability finds nothing). */
export function bodyText(body: DomRoot): string {
  stripChrome(body);
  return blockText(body);
}
