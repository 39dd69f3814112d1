import type { Gazetteer } from "../lexicon/places.js";
import type { CorpusIndex } from "./corpus-index.js";
import type { IndexedDocument } from "./passage-index.js";

/**
 * The per-document part of the index, which every replica keeps in memory: metadata, articles, home places,
 * article years, hashes and passage ids. A CorpusIndex is one; a replica over a remote PassageIndex fills one
 * from `documents()`. Passages, facts, term counts and the search index are not part of it.
 */
export type DocumentTables = Pick<
  CorpusIndex,
  "docs" | "articles" | "homes" | "articleYears" | "gazetteer" | "docPassages" | "hashes"
>;

/** Empty tables over a gazetteer. */
export function emptyTables(gazetteer: Gazetteer): DocumentTables {
  return {
    docs: new Map(),
    articles: new Map(),
    homes: new Map(),
    articleYears: new Map(),
    gazetteer,
    docPassages: new Map(),
    hashes: new Map(),
  };
}

/** Replaces what the tables hold by the given documents (in one synchronous step: no reader sees a mix). */
export function fillTables(tables: DocumentTables, docs: IndexedDocument[]): void {
  for (const map of [tables.docs, tables.articles, tables.homes, tables.articleYears, tables.docPassages])
    map.clear();
  tables.hashes.clear();
  for (const d of docs) {
    const doc = d.meta.doc;
    tables.docs.set(doc, d.meta);
    tables.articles.set(doc, d.articles);
    tables.homes.set(doc, d.home);
    for (const [article, years] of d.articleYears)
      tables.articleYears.set(`${doc}#${article}`, new Set(years));
    if (d.hash) tables.hashes.set(doc, d.hash);
    tables.docPassages.set(doc, d.passageIds);
  }
}

/** Passages of the documents indexed now (removed documents leave holes in a CorpusIndex's arrays). */
export function livePassageCount(tables: Pick<DocumentTables, "docPassages">): number {
  let n = 0;
  for (const ids of tables.docPassages.values()) n += ids.length;
  return n;
}
