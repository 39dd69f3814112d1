import type { Passage } from "../corpus/types.js";
import type { DocumentTables } from "../index/document-tables.js";
import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import type { Figure } from "../text/figure.js";
import type { Citation, FigureView, Quote } from "./reply.js";

/** The citation of a passage: article headline (or document title), publisher, date, paragraph. */
export function citationOf(ix: Pick<DocumentTables, "docs" | "articles">, p: Passage): Citation {
  const meta = ix.docs.get(p.doc);
  const article = ix.articles.get(p.doc)?.[p.article];
  return {
    doc: p.doc,
    // A document's first article is cited by the document's title (a report, a single article, a page's
    // lead); the others on a page of several by their own headline.
    title: (p.article === 0 ? (meta?.title ?? article?.title) : (article?.title ?? meta?.title)) ?? null,
    docTitle: meta?.title ?? null,
    publisher: article?.publisher ?? meta?.publisher ?? null,
    date: meta?.date ?? null,
    url: meta?.url ?? null,
    paragraph: p.paragraph,
  };
}

/** Offsets of a figure (found in the normalized sentence) in the sentence as written. */
export function figureRange(p: Passage, f: Figure): [number, number] {
  const at = (i: number) => (p.map ? (p.map[i] ?? i) : i);
  const start = at(f.start);
  const end = at(f.end - 1) + 1;
  return [start, end];
}

/** A figure as written in the source sentence (original script), with its value and unit. */
export function figureView(p: Passage, f: Figure): FigureView {
  const [s, e] = figureRange(p, f);
  return { text: p.text.slice(s, e), value: f.value, unit: f.unit, kind: f.kind };
}

/** The sentence quoted as written, with the figure to emphasise. */
export function quoteOf(p: Passage, f: Figure | null): Quote {
  return { text: p.text, highlights: f ? [figureRange(p, f)] : [] };
}

/** The clause a figure stands in ("新增普通高中学位1.9万个"), as written. */
export function clauseOf(p: Passage, f: Figure): string {
  const [s, e] = figureRange(p, f);
  const [from, to] = spanBetween(p.text, s, e, CLAUSE_END);
  const clause = p.text.slice(from, to).replace(/^[“”"]+|[“”"]+$/g, "");
  return clause.length > 40 ? `${clause.slice(Math.max(0, s - from - 20), s - from + 20)}…` : clause;
}
