import { addDocuments, type CorpusIndex, removeDocument } from "./corpus-index.js";
import { livePassageCount } from "./document-tables.js";
import type { IndexedDocument, PassageIndex, SearchHit, StoredPassage } from "./passage-index.js";

/**
 * The passage index of one process: a CorpusIndex (MiniSearch and arrays) behind the PassageIndex boundary. The
 * engine reads the CorpusIndex directly on this backend; this view is what the shared backend suite compares the
 * PostgreSQL index with, and how a caller that only knows the boundary uses it.
 */
export function embeddedPassageIndex(ix: CorpusIndex): PassageIndex {
  return {
    add: async (docs) => addDocuments(ix, docs),
    remove: async (doc) => removeDocument(ix, doc),
    search: async (tokens, limit) => searchEmbedded(ix, tokens, limit),
    load: async (ids) =>
      ids.flatMap((id): StoredPassage[] => {
        const passage = ix.passages[id];
        const facts = ix.facts[id];
        return passage && facts && isLive(ix, passage.doc, id) ? [{ passage, facts }] : [];
      }),
    frequencies: async (tokens) => ({
      passages: livePassageCount(ix),
      df: new Map(tokens.map((t) => [t, ix.df.get(t) ?? 0])),
    }),
    documents: async () => [...ix.docs.keys()].map((doc) => indexedDocument(ix, doc)),
  };
}

/** MiniSearch's hits for the tokens (OR), best first and ties by id, at most `limit`. */
export function searchEmbedded(ix: CorpusIndex, tokens: string[], limit: number): SearchHit[] {
  if (tokens.length === 0) return [];
  return ix.index
    .search(tokens.join(" "), { fields: ["text"] })
    .map((r) => ({ id: r.id as number, score: r.score }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

/**
 * Whether a passage belongs to its document as indexed now: a replaced document's old passages stay in the arrays
 * under the same name, but outside its current (contiguous) ids.
 */
function isLive(ix: CorpusIndex, doc: string, id: number): boolean {
  const ids = ix.docPassages.get(doc);
  return !!ids && ids.length > 0 && (ids[0] as number) <= id && id <= (ids[ids.length - 1] as number);
}

/** What a replica keeps of one document (the PostgreSQL index stores the same, computed on a scratch index). */
export function indexedDocument(ix: CorpusIndex, doc: string): IndexedDocument {
  const articleYears: Array<[number, number[]]> = [];
  for (const [key, years] of ix.articleYears) {
    const hash = key.lastIndexOf("#");
    if (key.slice(0, hash) === doc && years.size > 0)
      articleYears.push([Number(key.slice(hash + 1)), [...years].sort((a, b) => a - b)]);
  }
  articleYears.sort((a, b) => a[0] - b[0]);
  return {
    meta: ix.docs.get(doc) as IndexedDocument["meta"],
    articles: ix.articles.get(doc) ?? [],
    home: ix.homes.get(doc) ?? null,
    articleYears,
    hash: ix.hashes.get(doc) ?? null,
    passageIds: ix.docPassages.get(doc) ?? [],
  };
}
