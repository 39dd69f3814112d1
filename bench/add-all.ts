import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { type CorpusIndex, MINISEARCH_OPTIONS, searchTokens } from "../src/mod.js";

/** One MiniSearch entry as the engine indexes it: the passage's pre-segmented tokens. */
interface Entry {
  id: number;
  text: string;
}

/** Rebuilds the entries the engine gave MiniSearch (segmenting again, which is not timed). */
function entriesOf(ix: CorpusIndex): Entry[] {
  return ix.passages.map((p, i) => ({ id: i, text: searchTokens(p.norm).join(" ") }));
}

/** `addAll` alone: the engine's entries (segmentation already done) into a fresh MiniSearch, timed. */
export function timeAddAll(ix: CorpusIndex): { addAllMs: number; entries: number } {
  const entries = entriesOf(ix);
  const ms = new MiniSearch<Entry>(MINISEARCH_OPTIONS);
  const t = performance.now();
  ms.addAll(entries);
  return { addAllMs: performance.now() - t, entries: entries.length };
}
