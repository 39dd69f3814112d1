import {
  CITED_TITLE_MAX_CHARS,
  DATELINE,
  DATELINE_SOURCE,
  OCCASION_LINE,
  OWN_PAPER,
  SECTION_NUMBER,
} from "../lexicon/headline-cues.js";
import { type Block, type LayoutItem, looksLikeTitle } from "./blocks.js";
import type { MappedText } from "./lines.js";

/** An article as laid out: headline lines, publisher, and its paragraphs with the section each stands under. */
export interface ArticleLayout {
  title: string | null;
  publisher: string | null;
  paragraphs: Array<{ text: MappedText; section: string | null; headline: boolean }>;
}

/**
 * Groups blocks into articles. A run of headings opens a new article when it follows a page separator or
 * two or more blank lines, when a byline or dateline follows it, or when it has three or more lines;
 * otherwise it is a section heading inside the current article.
 */
export function groupArticles(items: LayoutItem[]): ArticleLayout[] {
  const articles: ArticleLayout[] = [];
  let current: ArticleLayout | null = null;
  let section: string | null = null;
  let separated = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as LayoutItem;
    if (item.type === "separator") separated = true;
    else if (item.type === "source") {
      if (current && !current.publisher) current.publisher = item.publisher;
      // "来源：…" ends an article on a page of several; in an article's header (no body yet) it ends nothing.
      if (current?.paragraphs.some((p) => !p.headline)) separated = true;
    } else if (item.type === "byline") {
      if (!current || current.paragraphs.some((p) => !p.headline)) current = openArticle(articles, null);
      current.publisher ??= item.publisher;
    } else if (item.block.heading || (separated && looksLikeTitle(item.block.text.text))) {
      const run = headingRun(items, i, item.block);
      const next = items[i + run.length];
      const title = titleOf(run);
      const numbered = current !== null && SECTION_NUMBER.test(item.block.text.text);
      // A headline with no body yet is still being written: the next heading lines belong to its header.
      const headerOnly =
        !!current && current.paragraphs.length > 0 && current.paragraphs.every((p) => p.headline);
      const opens =
        current === null ||
        (!numbered &&
          !headerOnly &&
          (separated || item.block.blankBefore >= 2 || run.length >= 3 || opensArticle(next)));
      if (opens) {
        current = openArticle(
          articles,
          title.length > CITED_TITLE_MAX_CHARS ? `${title.slice(0, CITED_TITLE_MAX_CHARS)}…` : title,
        );
        section = null;
      } else section = title;
      for (const b of run)
        (current as ArticleLayout).paragraphs.push({ text: b.text, section, headline: true });
      i += run.length - 1;
      separated = false;
    } else {
      if (!current || (separated && current.paragraphs.some((p) => !p.headline))) {
        current = openArticle(articles, null);
        section = null;
      }
      if (current.paragraphs.every((p) => p.headline))
        current.publisher ??= datelineSource(item.block.text.text);
      current.paragraphs.push({ text: item.block.text, section, headline: false });
      separated = false;
    }
  }
  return articles.filter((a) => a.paragraphs.length > 0);
}

/** A headline from its lines: each once, without the occasion line under a speech's title ("——2026年1月26日在…会议上"). */
function titleOf(run: Block[]): string {
  const lines = [...new Set(run.map((b) => b.raw.trim()))];
  const kept = lines.filter((l) => !OCCASION_LINE.test(l.replace(/\s+/g, "")));
  return (kept.length ? kept : lines).join(" ");
}

function datelineSource(text: string): string | null {
  const m = DATELINE_SOURCE.exec(text);
  return m?.[1] && m[1] !== OWN_PAPER ? m[1] : null;
}

function openArticle(articles: ArticleLayout[], title: string | null): ArticleLayout {
  const a: ArticleLayout = { title, publisher: null, paragraphs: [] };
  articles.push(a);
  return a;
}

/** Consecutive heading blocks starting at `start`. */
function headingRun(items: LayoutItem[], start: number, first: Block): Block[] {
  const run: Block[] = [first];
  for (let i = start + 1; i < items.length; i++) {
    const it = items[i] as LayoutItem;
    if (it.type !== "block" || !it.block.heading) break;
    run.push(it.block);
  }
  return run;
}

function opensArticle(next: LayoutItem | undefined): boolean {
  if (!next) return false;
  if (next.type === "byline") return true;
  return next.type === "block" && DATELINE.test(next.block.text.text);
}
