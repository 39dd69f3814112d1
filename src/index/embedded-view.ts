import type { PassageView } from "../rank/search-context.js";
import type { CorpusIndex } from "./corpus-index.js";
import { livePassageCount } from "./document-tables.js";
import { searchEmbedded } from "./embedded-passage-index.js";

/** The passages of a CorpusIndex in this process, read directly (no cache, no replay). */
export function embeddedView(ix: CorpusIndex): PassageView {
  return {
    df: (token) => ix.df.get(token) ?? 0,
    passageCount: () => livePassageCount(ix),
    search: (tokens, limit) => searchEmbedded(ix, tokens, limit),
    passage: (id) => ix.passages[id],
    facts: (id) => ix.facts[id],
  };
}
