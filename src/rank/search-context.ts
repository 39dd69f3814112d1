import type { CorpusIndex } from "../index/corpus-index.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import type { RankingProfile } from "./profile.js";

/** What answering and checking read: the index, the synonym table and the ranking profile. */
export interface SearchContext {
  ix: CorpusIndex;
  synonyms: SynonymTable;
  profile: RankingProfile;
  /** Today, for questions that say 今年, 去年 or 前年. */
  clock: () => Date;
}
