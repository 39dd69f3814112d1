import type { Nodes, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmTable } from "micromark-extension-gfm-table";
import { TABLE_CELL_MARK } from "../lexicon/punctuation.js";
import { normalizeDate } from "./extract-date.js";
import type { DocumentMeta } from "./types.js";

/** Visible text, with for each of its characters the offset of the source character it shows. */
export interface VisibleText {
  text: string;
  map: number[];
}

/**
 * Scraped markdown often writes a heading without the space CommonMark requires ("###**标题**"): the space is
 * added (at the same offset, so the map stays true) before parsing.
 */
const TIGHT_HEADING = /^(#{1,6})(?=[^#\s])/gm;

/** Emphasis markers left standing where CommonMark's flanking rules do not pair them ("**“引号”**后"). */
const STRAY_MARKS = /\*\*|__|~~/g;

/** Collects visible characters with their source offsets. */
class Out {
  text = "";
  map: number[] = [];
  push(s: string, offsets: number[]): void {
    this.text += s;
    this.map.push(...offsets);
  }
  /** A line break that maps to `at` (the end of the block it closes). */
  newline(at: number): void {
    if (this.text === "" || this.text.endsWith("\n")) return;
    this.push("\n", [at]);
  }
}

/** Offsets of `value`'s characters in `source` from `from`: each the next occurrence of that character. */
function align(value: string, source: string, from: number, to: number): number[] {
  if (source.slice(from, to) === value)
    return [...value].flatMap((c, i) => (c.length === 2 ? [from + i, from + i + 1] : [from + i]));
  const out: number[] = [];
  let at = from;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i] as string, at);
    const hit = found >= 0 && found < to ? found : at;
    out.push(hit);
    at = Math.min(hit + 1, to);
  }
  return out;
}

const start = (n: Nodes) => n.position?.start.offset ?? 0;
const end = (n: Nodes) => n.position?.end.offset ?? start(n);

function inline(n: Nodes, source: string, out: Out): void {
  switch (n.type) {
    case "text":
    case "inlineCode": {
      const value = n.value.replace(STRAY_MARKS, "");
      const offsets = align(value, source, start(n), end(n));
      out.push(value.replace(/\r?\n/g, " "), offsets);
      return;
    }
    case "break":
      out.newline(start(n));
      return;
    case "image":
    case "imageReference":
    case "html":
    case "footnoteReference":
      return;
    default:
      if ("children" in n) for (const c of n.children as Nodes[]) inline(c, source, out);
  }
}

function block(n: RootContent, source: string, out: Out, meta: Partial<DocumentMeta>): void {
  switch (n.type) {
    case "yaml":
      Object.assign(meta, frontMatter(n.value));
      return;
    case "heading":
    case "paragraph":
      for (const c of n.children) inline(c, source, out);
      out.newline(end(n));
      return;
    case "table":
      for (const row of n.children) {
        row.children.forEach((cell, i) => {
          if (i > 0) out.push(TABLE_CELL_MARK, [start(cell)]);
          for (const c of cell.children) inline(c, source, out);
        });
        out.newline(end(row));
      }
      return;
    case "code":
      out.push(n.value, align(n.value, source, start(n), end(n)));
      out.newline(end(n));
      return;
    case "thematicBreak":
    case "html":
    case "definition":
      out.newline(start(n));
      return;
    default:
      if ("children" in n) for (const c of n.children as RootContent[]) block(c, source, out, meta);
  }
}

/** title/date/source/url lines of a YAML front matter block. */
function frontMatter(yaml: string): Partial<DocumentMeta> {
  const field = (...keys: string[]) => {
    for (const k of keys) {
      const m = new RegExp(`^${k}\\s*:\\s*["']?(.+?)["']?\\s*$`, "im").exec(yaml);
      if (m?.[1]) return m[1];
    }
    return undefined;
  };
  const meta: Partial<DocumentMeta> = {};
  const title = field("title");
  const date = field("date", "published", "publish_date");
  const publisher = field("source", "publisher", "author");
  const url = field("url", "source_url", "link");
  if (title) meta.title = title;
  const day = normalizeDate(date);
  if (day) meta.date = day;
  if (publisher) meta.publisher = publisher;
  if (url) meta.url = url;
  return meta;
}

/**
 * The visible text of a markdown document: headings, paragraphs, list items and table rows one a line; links
 * as their text; images, HTML tags and emphasis marks dropped; YAML front matter read for title, date, source
 * and URL. Every character maps back to its offset in `source`.
 */
export function markdownToText(source: string): VisibleText & { meta: Partial<DocumentMeta> } {
  const prepared = source.replace(TIGHT_HEADING, "$1 ");
  const shift = offsetShift(source, prepared);
  const tree: Root = fromMarkdown(prepared, {
    extensions: [frontmatter(["yaml"]), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"]), gfmTableFromMarkdown()],
  });
  const out = new Out();
  const meta: Partial<DocumentMeta> = {};
  for (const n of tree.children) block(n, prepared, out, meta);
  const text = out.text.replace(/\n$/, "");
  return { text, map: out.map.slice(0, text.length).map(shift), meta };
}

/** Maps offsets in `prepared` (source with spaces inserted after tight headings) back to `source`. */
function offsetShift(source: string, prepared: string): (offset: number) => number {
  if (source === prepared) return (o) => o;
  const back: number[] = [];
  let i = 0;
  for (let j = 0; j < prepared.length; j++) {
    back.push(i);
    if (source[i] === prepared[j]) i++;
  }
  back.push(i);
  return (o) => back[o] ?? o;
}
