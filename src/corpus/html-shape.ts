import { AppError } from "../errors.js";
import type { DocumentLimits } from "./document-limits.js";

interface ElementNode {
  children: ArrayLike<ElementNode>;
}

/** How many elements a page holds and how deeply they nest. */
export interface HtmlShape {
  elements: number;
  depth: number;
}

/** An upper bound on a page's elements, by counting start tags: linear, before any parser runs. */
export function countStartTags(html: string): number {
  let n = 0;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    const c = html.charCodeAt(at + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/** The shape of a parsed page, walked without recursion (a hostile page nests thousands of levels). */
export function htmlShape(root: ElementNode): HtmlShape {
  let elements = 0;
  let depth = 0;
  const stack: Array<[ElementNode, number]> = [[root, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, level] = top;
    elements++;
    if (level > depth) depth = level;
    for (const child of Array.from(node.children)) stack.push([child, level + 1]);
  }
  return { elements, depth };
}

function refuse(file: string, what: string): never {
  throw new AppError("TOO_LARGE", `${file}: ${what} — not read`, { file });
}

/** Refuses a page with more start tags than the limit, before it is parsed. */
export function checkHtmlSource(html: string, file: string, limits: DocumentLimits): void {
  const tags = countStartTags(html);
  if (tags > limits.htmlElements) refuse(file, `has ${tags} tags, more than ${limits.htmlElements}`);
}

/** Refuses a parsed page nested deeper than the limit. */
export function checkHtmlShape(shape: HtmlShape, file: string, limits: DocumentLimits): void {
  if (shape.depth > limits.htmlDepth)
    refuse(file, `nests elements ${shape.depth} levels deep, more than ${limits.htmlDepth}`);
}
