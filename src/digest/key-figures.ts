import { citationOf, figureView, quoteOf } from "../answer/cite.js";
import type { Passage } from "../corpus/types.js";
import type { DocumentTables } from "../index/document-tables.js";
import type { SearchContext } from "../rank/search-context.js";
import type { Figure } from "../text/figure.js";
import { normalizeQuery } from "../text/script.js";
import type { DigestFigure } from "./digest.js";

/** How many key figures a document gets in a digest. */
export const KEY_FIGURES = 3;

interface Candidate {
  passage: Passage;
  figure: Figure;
  inHeadline: boolean;
}

/** A figure worth showing on its own: an amount with a unit, or a percentage; not a phrase like 三篇文章. */
function isKeyFigure(f: Figure): boolean {
  if (f.chinese && f.value < 10) return false;
  return f.kind === "percent" || (f.kind === "quantity" && f.unit !== "");
}

/** The normalized headlines of a document, where its most newsworthy figures usually stand. */
function headlines(ix: DocumentTables, doc: string): string {
  const titles = (ix.articles.get(doc) ?? []).map((a) => a.title ?? "");
  return normalizeQuery([ix.docs.get(doc)?.title ?? "", ...titles].join(" "));
}

function candidates(ctx: SearchContext, doc: string): Candidate[] {
  const heads = headlines(ctx.ix, doc);
  const out: Candidate[] = [];
  for (const id of ctx.ix.docPassages.get(doc) ?? []) {
    const passage = ctx.passages.passage(id);
    if (!passage || passage.paragraph === 0) continue; // body sentences only: a headline has no context
    for (const figure of passage.figures.filter(isKeyFigure))
      out.push({ passage, figure, inHeadline: heads.includes(figure.text) });
  }
  // Figures repeated from a headline first; otherwise reading order (leads carry the main figures).
  return out.sort((a, b) => Number(b.inHeadline) - Number(a.inHeadline));
}

/** Up to three key figures of a document, each from its own sentence, no value stated twice. */
export function keyFigures(ctx: SearchContext, doc: string, max = KEY_FIGURES): DigestFigure[] {
  const values = new Set<string>();
  const sentences = new Set<number>();
  const out: DigestFigure[] = [];
  for (const c of candidates(ctx, doc)) {
    if (out.length >= max) break;
    const value = `${c.figure.value}|${c.figure.unit}`;
    if (values.has(value) || sentences.has(c.passage.id)) continue;
    values.add(value);
    sentences.add(c.passage.id);
    out.push({
      figure: figureView(c.passage, c.figure),
      quote: quoteOf(c.passage, c.figure),
      source: citationOf(ctx.ix, c.passage),
    });
  }
  return out;
}
