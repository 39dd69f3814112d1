import type { Passage } from "../corpus/types.js";
import type { PassageFacts } from "../index/corpus-index.js";
import type { DocumentTables } from "../index/document-tables.js";
import type { SearchHit } from "../index/passage-index.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import type { RankingProfile } from "./profile.js";

/**
 * What ranking reads of the passages, synchronously: in process, the CorpusIndex itself; over a remote
 * PassageIndex, a per-call cache that records what it lacks (and answers "nothing" for it) so that the engine
 * can fetch it and run the call again.
 */
export interface PassageView {
  /** How many passages contain the token (0 when none). */
  df(token: string): number;
  /** How many passages the index holds now. */
  passageCount(): number;
  /** Passages containing any of the tokens, best first (ties by id), at most `limit`. */
  search(tokens: string[], limit: number): SearchHit[];
  passage(id: number): Passage | undefined;
  facts(id: number): PassageFacts | undefined;
}

/** What answering and checking read: the documents, the passages, the synonym table and the ranking profile. */
export interface SearchContext {
  ix: DocumentTables;
  passages: PassageView;
  synonyms: SynonymTable;
  profile: RankingProfile;
  /** Today, for questions that say 今年, 去年 or 前年. */
  clock: () => Date;
  /** Example questions the corpus answers, for replies to messages that are no question about it. */
  examples: () => string[];
}
