import type { Gazetteer } from "../../lexicon/places.js";
import { addDocuments, createIndex, type IndexInput } from "../corpus-index.js";
import { indexedDocument } from "../embedded-passage-index.js";
import type { IndexedDocument, StoredPassage } from "../passage-index.js";
import { searchTokens, splitTokens } from "../tokens.js";

/** A passage as stored: what load() returns, and its postings, which search() scores it by. */
export interface PassageRow extends StoredPassage {
  /** The distinct terms MiniSearch would index, in order of first occurrence (their number is its length). */
  tokens: string[];
  /** How often each of `tokens` occurs in the passage. */
  tf: number[];
}

/** What add() writes: documents and passages with their final ids, and the counters' moves. */
export interface IndexRows {
  documents: IndexedDocument[];
  passages: PassageRow[];
  /** Document frequency of each token among the rows. */
  df: Map<string, number>;
  /** Passage ids used up (a document repeated in one batch uses ids for each copy, as the embedded index does). */
  consumed: number;
}

/** The distinct terms in order of first occurrence, and how often each occurs. */
function termCounts(terms: string[]): { tokens: string[]; tf: number[] } {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { tokens: [...counts.keys()], tf: [...counts.values()] };
}

/**
 * Indexes the documents into a scratch CorpusIndex, so that passages, facts, homes, article years and document
 * frequencies are exactly what the embedded index computes, then numbers them from `firstId`.
 */
export function documentRows(gazetteer: Gazetteer, docs: IndexInput[], firstId: number): IndexRows {
  const inputs = new Map<string, IndexInput & { tokens: string[][] }>();
  const segmented = docs.map((d) => {
    const tokens = d.tokens ?? d.passages.map((p) => searchTokens(p.norm));
    const input = { ...d, tokens };
    inputs.set(d.meta.doc, input);
    return input;
  });
  const scratch = createIndex(gazetteer);
  addDocuments(scratch, segmented);
  const documents: IndexedDocument[] = [];
  const passages: PassageRow[] = [];
  for (const doc of scratch.docs.keys()) {
    const indexed = indexedDocument(scratch, doc);
    const tokens = inputs.get(doc)?.tokens ?? [];
    indexed.passageIds.forEach((local, i) => {
      const id = firstId + local;
      const passage = scratch.passages[local];
      const facts = scratch.facts[local];
      if (!passage || !facts) return;
      const terms = splitTokens((tokens[i] ?? []).join(" "));
      passages.push({ passage: { ...passage, id }, facts, ...termCounts(terms) });
    });
    documents.push({ ...indexed, passageIds: indexed.passageIds.map((local) => firstId + local) });
  }
  return { documents, passages, df: scratch.df, consumed: scratch.passages.length };
}
