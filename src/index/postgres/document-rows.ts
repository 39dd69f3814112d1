import { createHash } from "node:crypto";
import type { Gazetteer } from "../../lexicon/places.js";
import { addDocuments, createIndex, encodeTerm, type IndexInput } from "../corpus-index.js";
import { indexedDocument } from "../embedded-passage-index.js";
import type { IndexedDocument, StoredPassage } from "../passage-index.js";
import { searchTokens, splitTokens } from "../tokens.js";

/** A passage as stored: what load() returns, and what search() scores it by. */
export interface PassageRow extends StoredPassage {
  /** The distinct terms MiniSearch would index. */
  tokens: string[];
  /** How often each term held more than once occurs (the others occur once). */
  repeats: Record<string, number>;
  /** How many distinct terms (MiniSearch's field length). */
  length: number;
  /** The distinct terms as hex lexemes, for the GIN index. */
  lexemes: string[];
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

/** A PostgreSQL lexeme is at most 2047 bytes: a longer term (hex takes 4 characters each) is named by its hash. */
const LEXEME_CHARS = 500;

/**
 * The lexeme of a term: the hex of its UTF-16 units (never parsed or stemmed, needs no quoting in a tsquery), or
 * for a term too long for that, "h" and its SHA-256 (hex lexemes have a multiple of 4 digits and no "h").
 */
export function lexemeOf(term: string): string {
  if (term.length <= LEXEME_CHARS) return encodeTerm(term);
  return `h${createHash("sha256").update(term).digest("hex")}`;
}

/** The counts of the terms that occur more than once. */
function repeatsOf(terms: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
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
      const distinct = [...new Set(terms)];
      passages.push({
        passage: { ...passage, id },
        facts,
        tokens: distinct,
        repeats: repeatsOf(terms),
        length: distinct.length,
        lexemes: distinct.map(lexemeOf),
      });
    });
    documents.push({ ...indexed, passageIds: indexed.passageIds.map((local) => firstId + local) });
  }
  return { documents, passages, df: scratch.df, consumed: scratch.passages.length };
}
