import type { Article, DocumentMeta, Passage } from "../corpus/types.js";
import type { IndexInput, PassageFacts } from "./corpus-index.js";

/** A passage search found: its id and MiniSearch's BM25+ score, computed the same way on every backend. */
export interface SearchHit {
  id: number;
  score: number;
}

/** A passage with what ranking knows about it beyond its text. */
export interface StoredPassage {
  passage: Passage;
  facts: PassageFacts;
}

/** How many passages the index holds and how many of them contain each token asked about (0 when none). */
export interface TermFrequencies {
  passages: number;
  df: Map<string, number>;
}

/**
 * What every replica keeps in memory of a document: small and per document, unlike its passages (which are
 * loaded per question on a backend that holds them elsewhere).
 */
export interface IndexedDocument {
  /** Its metadata, `place` set to the place it is mostly about. */
  meta: DocumentMeta;
  articles: Article[];
  /** The place the document is mostly about (its "我市"), or null. */
  home: string | null;
  /** The years each article mentions, by article index (articles that mention none are left out). */
  articleYears: Array<[number, number[]]>;
  /** Content hash of its file, when known. */
  hash: string | null;
  /** Its passages' ids, in document order. */
  passageIds: number[];
}

/**
 * The passage index boundary: the embedded implementation (MiniSearch in this process) and the PostgreSQL one
 * (postings of the project's jieba tokens under a B-tree) give the same hits, scores, passages and facts for the same corpus,
 * so that answers do not depend on the backend. Ranking stays in the engine.
 */
export interface PassageIndex {
  /** Indexes documents; a document already there under the same name is replaced. */
  add(docs: IndexInput[]): Promise<void>;
  /** Removes a document and its passages; nothing happens when it is not there. */
  remove(doc: string): Promise<void>;
  /** Passages containing any of the tokens, best first (ties by id), at most `limit`. */
  search(tokens: string[], limit: number): Promise<SearchHit[]>;
  /** Passages and facts by id, in the order asked; unknown ids are left out. */
  load(ids: number[]): Promise<StoredPassage[]>;
  /** Document frequencies of the tokens and the passage count, as of now. */
  frequencies(tokens: string[]): Promise<TermFrequencies>;
  /** Every document, in the order they were added. */
  documents(): Promise<IndexedDocument[]>;
  /** The documents with the version they are as of, read together, where the index counts versions (PostgreSQL). */
  versionedDocuments?(): Promise<VersionedDocuments>;
}

/** Every document, as of one version of a shared index (its count of committed adds and removes). */
export interface VersionedDocuments {
  version: number;
  documents: IndexedDocument[];
}
