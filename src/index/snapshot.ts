import type { SkippedFile } from "../corpus/load.js";
import type { Article, DocumentMeta, Passage } from "../corpus/types.js";
import type { Gazetteer } from "../lexicon/places.js";
import type { CorpusIndex, PassageFacts } from "./corpus-index.js";
import {
  loadMiniSearch,
  type StoredMiniSearch,
  storeMiniSearch,
  type TermPostings,
} from "./minisearch-load.js";

/** Bumped whenever the index layout or the cleaning changes, so that an old snapshot is rebuilt. */
export const SNAPSHOT_VERSION = 6;

/** A passage as stored: `norm` left out when it equals `text` (most sentences in simplified script). */
export type StoredPassage = Omit<Passage, "norm"> & { norm?: string };

/** Passage facts as stored: the paragraph and the heading as indexes into shared string tables. */
export type StoredFacts = Omit<PassageFacts, "context" | "heading"> & { context: number; heading: number };

/** An index as plain data: what a snapshot file holds. Repeated strings (paragraphs, headings) are stored once. */
export interface IndexSnapshot {
  version: number;
  /** Identity of the corpus the snapshot was built from (file hashes, manifest, tables). */
  key: string;
  docs: DocumentMeta[];
  articles: Array<[string, Article[]]>;
  homes: Array<[string, string | null]>;
  articleYears: Array<[string, number[]]>;
  df: Array<[string, number]>;
  passages: StoredPassage[];
  strings: string[];
  facts: StoredFacts[];
  docPassages: Array<[string, number[]]>;
  hashes: Array<[string, string]>;
  /** MiniSearch's plain form without its term index… */
  miniSearch: StoredMiniSearch["plain"];
  /** …which is stored as compact postings. */
  postings: Iterable<TermPostings>;
  /** Files the corpus directory had that could not be read, to report again on a start from the snapshot. */
  skipped: SkippedFile[];
}

/** Turns an index into plain data for a snapshot. */
export function snapshotIndex(ix: CorpusIndex, key: string, skipped: SkippedFile[]): IndexSnapshot {
  const stringIds = new Map<string, number>();
  const intern = (text: string): number => {
    let id = stringIds.get(text);
    if (id === undefined) {
      id = stringIds.size;
      stringIds.set(text, id);
    }
    return id;
  };
  const facts = ix.facts.map((f) => ({ ...f, context: intern(f.context), heading: intern(f.heading) }));
  const passages = ix.passages.map((p): StoredPassage => {
    if (p.norm !== p.text) return p;
    const { norm: _same, ...rest } = p;
    return rest;
  });
  const { plain, postings: termPostings } = storeMiniSearch(ix.index);
  return {
    version: SNAPSHOT_VERSION,
    key,
    docs: [...ix.docs.values()],
    articles: [...ix.articles],
    homes: [...ix.homes],
    articleYears: [...ix.articleYears].map(([k, v]) => [k, [...v]]),
    df: [...ix.df],
    passages,
    strings: [...stringIds.keys()],
    facts,
    docPassages: [...ix.docPassages],
    hashes: [...ix.hashes],
    miniSearch: plain,
    postings: termPostings,
    skipped,
  };
}

/** Rebuilds an index from a snapshot (MiniSearch loaded with the same tokenizer options it was built with). */
export function restoreIndex(s: IndexSnapshot, gazetteer: Gazetteer): CorpusIndex {
  const text = (id: number) => s.strings[id] ?? "";
  return {
    passages: s.passages.map((p) => {
      if (p.norm === undefined) p.norm = p.text;
      return p as Passage;
    }),
    facts: s.facts.map((f) => ({ ...f, context: text(f.context), heading: text(f.heading) })),
    docs: new Map(s.docs.map((d) => [d.doc, d])),
    articles: new Map(s.articles),
    homes: new Map(s.homes),
    articleYears: new Map(s.articleYears.map(([k, v]) => [k, new Set(v)])),
    df: new Map(s.df),
    index: loadMiniSearch({ plain: s.miniSearch, postings: s.postings }),
    gazetteer,
    docPassages: new Map(s.docPassages),
    hashes: new Map(s.hashes),
  };
}
