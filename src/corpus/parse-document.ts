import { SALUTATION } from "../lexicon/furniture.js";
import { parseFigures } from "../text/figures.js";
import { normalizeText } from "../text/script.js";
import { type ArticleLayout, groupArticles } from "./articles.js";
import { buildLayout, type PageInfo } from "./blocks.js";
import { stripControls } from "./control-chars.js";
import { findDateIn } from "./extract-date.js";
import { httpUrl } from "./http-url.js";
import type { MappedText } from "./lines.js";
import { splitSentences } from "./sentences.js";
import type { Article, DocumentMeta, ParsedDocument, Passage } from "./types.js";

type DocPassage = Omit<Passage, "id">;

/**
 * Parses one decoded document: cleans it, splits it into articles, paragraphs and sentences, and parses
 * the figures of every sentence. `given` (from the manifest or the command line) wins over what the text shows.
 * `map`, when the text is not the file's own (markdown's visible text), gives each character's offset in the
 * file: passage offsets then point into the file.
 */
export function parseDocument(
  doc: string,
  original: string,
  given: Partial<DocumentMeta> = {},
  map?: number[],
): ParsedDocument {
  const { items, info } = buildLayout(original);
  const layouts = groupArticles(items);
  const articles: Article[] = layouts.map((a, index) => ({ index, title: a.title, publisher: a.publisher }));
  const passages = layouts.flatMap((a, index) => articlePassages(doc, a, index));
  if (map)
    for (const p of passages) {
      p.start = map[p.start] ?? p.start;
      p.end = (map[p.end - 1] ?? p.end - 1) + 1;
    }
  const notes: string[] = [];
  const meta = detectMeta(doc, layouts, info, cleanGiven(given, notes));
  return { meta, articles, passages, ...(notes.length ? { notes } : {}) };
}

/**
 * Metadata from outside the text (manifest, command line, the file's own properties) held to the text's rules:
 * no control characters, and a URL only when it is http(s) (a `javascript:` link is dropped, with a note).
 */
function cleanGiven(given: Partial<DocumentMeta>, notes: string[]): Partial<DocumentMeta> {
  const out = { ...given };
  for (const key of ["title", "publisher"] as const) {
    const value = out[key];
    if (typeof value !== "string") continue;
    const clean = stripControls(value).trim();
    if (clean) out[key] = clean;
    else delete out[key];
  }
  if (out.url) {
    const url = httpUrl(out.url);
    if (url) out.url = url;
    else {
      notes.push(
        `URL ${JSON.stringify(stripControls(out.url).slice(0, 80))} dropped: only http(s) URLs are kept`,
      );
      delete out.url;
    }
  }
  return out;
}

function articlePassages(doc: string, layout: ArticleLayout, article: number): DocPassage[] {
  const out: DocPassage[] = [];
  const seen = new Set<string>();
  let paragraph = 0;
  for (const p of layout.paragraphs) {
    if (!p.headline) {
      if (seen.has(p.text.text)) continue;
      seen.add(p.text.text);
      paragraph++;
    }
    const number = p.headline ? 0 : paragraph;
    splitSentences(p.text)
      .filter((s) => !SALUTATION.test(s.text))
      .forEach((s, sentence) => {
        out.push(makePassage(doc, article, number, p.section, p.text, s, sentence));
      });
  }
  return out;
}

function makePassage(
  doc: string,
  article: number,
  paragraph: number,
  section: string | null,
  para: MappedText,
  s: { text: string; start: number; end: number },
  sentence: number,
): DocPassage {
  const { norm, map } = normalizeText(s.text);
  return {
    doc,
    article,
    paragraph,
    section,
    text: s.text,
    norm,
    ...(map.every((v, i) => v === i) ? {} : { map }),
    start: para.orig[s.start] ?? 0,
    end: (para.orig[s.end - 1] ?? 0) + 1,
    figures: parseFigures(norm),
    sentence,
  };
}

function detectMeta(
  doc: string,
  layouts: ArticleLayout[],
  info: PageInfo,
  given: Partial<DocumentMeta>,
): DocumentMeta {
  const first = layouts[0];
  const head = first?.paragraphs.slice(0, 3).map((p) => p.text.text) ?? [];
  return {
    doc,
    title: given.title !== undefined ? given.title : (first?.title ?? null),
    publisher:
      given.publisher !== undefined
        ? given.publisher
        : (info.publisher ?? layouts.find((a) => a.publisher)?.publisher ?? null),
    date: given.date !== undefined ? given.date : (info.date ?? dateIn(head)),
    url: given.url !== undefined ? given.url : httpUrl(info.url),
  };
}

/** The first full date written in the document's opening lines ("2025年2月28日"). */
function dateIn(lines: string[]): string | null {
  for (const line of lines) {
    const date = findDateIn(line);
    if (date) return date;
  }
  return null;
}
