import type { Reply } from "../../src/mod.js";
import { clipMarkup } from "./clip-markup.js";
import type { MarkdownDialect } from "./dialect.js";
import { moreHint } from "./next-pages.js";
import { pageOf } from "./page.js";

/** A page of a reply as one markdown message, for platforms without buttons (DingTalk, WeCom). */
export interface MarkdownPage {
  text: string;
  /** Where the next page starts (asked for with 更多来源), or null on the last. */
  next: number | null;
}

/**
 * One page of a reply as a single markdown text within `max` characters: the answers with their source lines
 * (as quotes), 相关数字 on the first page, and the hint to ask for more while answers remain.
 */
export function renderMarkdown(
  d: MarkdownDialect,
  reply: Reply,
  o: { offset?: number; perPage?: number; max: number },
): MarkdownPage {
  const reserve = 60;
  const page = pageOf(d, reply, { offset: o.offset ?? 0, perPage: o.perPage ?? 3, budget: o.max - reserve });
  const blocks = page.parts.flatMap((p) => {
    if (p.kind === "text") return [p.md];
    if (p.kind === "note") return [`> ${p.md.replace(/\n/g, "\n> ")}`];
    return [];
  });
  if (page.next !== null) blocks.push(moreHint(page.next));
  const text = blocks.join("\n\n");
  return { text: clipMarkup(text, o.max), next: page.next };
}
