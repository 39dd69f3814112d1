import type { Figure } from "../text/figure.js";

/** Where a document comes from, as its manifest entry or its own text shows it (null when not shown). */
export interface DocumentMeta {
  /** File name under the corpus directory: the document's id. */
  doc: string;
  title: string | null;
  publisher: string | null;
  /** ISO date ("2025-04-24") or partial ("2024-12"), null when the text does not show one. */
  date: string | null;
  url: string | null;
  /** The place the document is about (广东 for a Guangdong report), when the index has read it. */
  place?: string | null;
}

/** One article of a document (a newspaper page holds several). */
export interface Article {
  /** Index of the article in its document, from 0. */
  index: number;
  /** Its headline, or null when the text shows none (a continuation "上接1版"). */
  title: string | null;
  /** Publisher named by the article itself ("来源：上游新闻", "华龙网记者"), else null. */
  publisher: string | null;
}

/** A sentence of the corpus with everything needed to search it, quote it and cite it. */
export interface Passage {
  id: number;
  doc: string;
  article: number;
  /** Paragraph number inside the article, from 1; 0 for a headline or section heading. */
  paragraph: number;
  /** Section heading inside the article the passage stands under, if any. */
  section: string | null;
  /** The sentence as written (original script), whitespace removed, full-width digits and letters folded. */
  text: string;
  /** Searchable form of `text`: NFKC, lower case, simplified script. */
  norm: string;
  /** For each character of `norm`, the index of its character in `text`; absent when they line up one to one. */
  map?: number[];
  /** Offsets of the sentence in the original decoded file text. */
  start: number;
  end: number;
  /** Figures parsed from `norm` (offsets into `norm`). */
  figures: Figure[];
  /** Index of the sentence within its paragraph, from 0. */
  sentence: number;
}

/** A parsed document: metadata, articles and passages, plus the decoded text they point into. */
export interface ParsedDocument {
  meta: DocumentMeta;
  articles: Article[];
  passages: Omit<Passage, "id">[];
  /** What reading it dropped from the metadata it was given (a `javascript:` URL), one line each. */
  notes?: string[];
}
