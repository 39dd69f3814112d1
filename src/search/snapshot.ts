import MiniSearch, { type AsPlainObject } from "minisearch";
import type { SkippedFile } from "../corpus/load.js";
import type { Article, DocumentMeta, Passage } from "../corpus/types.js";
import { type CorpusIndex, MINISEARCH_OPTIONS, type PassageFacts } from "./corpus-index.js";
import type { Gazetteer } from "./places.js";

/** Bumped whenever the index layout or the cleaning changes, so that an old snapshot is rebuilt. */
export const SNAPSHOT_VERSION = 4;

/** An index as plain data: what a snapshot file holds. Paragraph texts are stored once, not per sentence. */
export interface IndexSnapshot {
  version: number;
  /** Identity of the corpus the snapshot was built from (file hashes, manifest, tables). */
  key: string;
  docs: DocumentMeta[];
  articles: Array<[string, Article[]]>;
  homes: Array<[string, string | null]>;
  articleYears: Array<[string, number[]]>;
  df: Array<[string, number]>;
  passages: Passage[];
  contexts: string[];
  facts: Array<Omit<PassageFacts, "context"> & { context: number }>;
  docPassages: Array<[string, number[]]>;
  hashes: Array<[string, string]>;
  index: AsPlainObject;
  /** Files the corpus directory had that could not be read, to report again on a start from the snapshot. */
  skipped: SkippedFile[];
}

/** Turns an index into plain data for a snapshot. */
export function snapshotIndex(ix: CorpusIndex, key: string, skipped: SkippedFile[]): IndexSnapshot {
  const contextIds = new Map<string, number>();
  const facts = ix.facts.map((f) => {
    let id = contextIds.get(f.context);
    if (id === undefined) {
      id = contextIds.size;
      contextIds.set(f.context, id);
    }
    return { ...f, context: id };
  });
  return {
    version: SNAPSHOT_VERSION,
    key,
    docs: [...ix.docs.values()],
    articles: [...ix.articles],
    homes: [...ix.homes],
    articleYears: [...ix.articleYears].map(([k, v]) => [k, [...v]]),
    df: [...ix.df],
    passages: ix.passages,
    contexts: [...contextIds.keys()],
    facts,
    docPassages: [...ix.docPassages],
    hashes: [...ix.hashes],
    index: ix.index.toJSON(),
    skipped,
  };
}

/** Rebuilds an index from a snapshot (MiniSearch loaded with the same tokenizer options it was built with). */
export function restoreIndex(s: IndexSnapshot, gazetteer: Gazetteer): CorpusIndex {
  return {
    passages: s.passages,
    facts: s.facts.map((f) => ({ ...f, context: s.contexts[f.context] ?? "" })),
    docs: new Map(s.docs.map((d) => [d.doc, d])),
    articles: new Map(s.articles),
    homes: new Map(s.homes),
    articleYears: new Map(s.articleYears.map(([k, v]) => [k, new Set(v)])),
    df: new Map(s.df),
    index: MiniSearch.loadJS(s.index, MINISEARCH_OPTIONS),
    gazetteer,
    docPassages: new Map(s.docPassages),
    hashes: new Map(s.hashes),
  };
}
