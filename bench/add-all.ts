import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { type CorpusIndex, MINISEARCH_OPTIONS } from "../src/search/corpus-index.js";
import { searchTokens } from "../src/search/tokens.js";
import { normalizeQuery } from "../src/text/script.js";

/** One MiniSearch entry as the engine indexes it: pre-segmented passage and headline tokens. */
interface Entry {
  id: number;
  text: string;
  title: string;
}

/** Rebuilds the entries the engine gave MiniSearch (passage tokens, article title + section tokens). */
function entriesOf(ix: CorpusIndex): Entry[] {
  const titles = new Map<string, string>();
  // Some versions of the index keep each passage's tokens; otherwise segment again (not timed).
  const kept = (ix as { tokens?: Map<number, string[]> }).tokens;
  return ix.passages.map((p, i) => {
    const tokens = kept?.get(p.id) ?? searchTokens(p.norm);
    const raw = [ix.articles.get(p.doc)?.[p.article]?.title ?? "", p.section ?? ""].join(" ");
    let title = titles.get(raw);
    if (title === undefined) {
      title = searchTokens(normalizeQuery(raw)).join(" ");
      titles.set(raw, title);
    }
    return { id: i, text: tokens.join(" "), title };
  });
}

/** `addAll` alone: the engine's entries (segmentation already done) into a fresh MiniSearch, timed. */
export function timeAddAll(ix: CorpusIndex): { addAllMs: number; entries: number } {
  const entries = entriesOf(ix);
  const ms = new MiniSearch<Entry>(MINISEARCH_OPTIONS);
  const t = performance.now();
  ms.addAll(entries);
  return { addAllMs: performance.now() - t, entries: entries.length };
}
