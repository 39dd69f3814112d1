import { join } from "node:path";
import { answerQuestion } from "./answer/answer-question.js";
import { checkClaim } from "./answer/check-claim.js";
import type { AskReply, CheckReply } from "./answer/reply.js";
import { loadCorpus, type SkippedFile } from "./corpus/load.js";
import type { DocumentMeta } from "./corpus/types.js";
import { buildIndex, type CorpusIndex } from "./search/corpus-index.js";
import { loadGazetteer } from "./search/places.js";
import { loadSynonyms, type SynonymTable } from "./search/synonyms.js";
import { loadSegmenter } from "./text/segment.js";

/** Where the engine reads its documents and extra synonyms. */
export interface EngineOptions {
  corpusDir: string;
  /** Extra synonym files; a synonyms.txt inside the corpus directory is always read when present. */
  synonymFiles?: string[];
}

/** The core: answers questions from an indexed corpus. No I/O after construction, no platform code. */
export interface Engine {
  ask(question: string): AskReply;
  /** Fact-checks a claim with figures ("全市新增学位28万个"): a CheckReply. */
  check(claim: string): CheckReply;
  /** The documents answers can cite, in corpus order. */
  sources(): DocumentMeta[];
  /** Files of the corpus directory that could not be read, with why. */
  skipped: SkippedFile[];
  index: CorpusIndex;
  synonyms: SynonymTable;
}

/** Loads the corpus, builds the index and returns the engine. Throws AppError on a missing or empty corpus. */
export function createEngine(options: EngineOptions): Engine {
  loadSegmenter();
  const synonyms = loadSynonyms([join(options.corpusDir, "synonyms.txt"), ...(options.synonymFiles ?? [])]);
  const { documents, skipped } = loadCorpus(options.corpusDir);
  const gazetteer = loadGazetteer([join(options.corpusDir, "places.txt")]);
  const index = buildIndex(documents, gazetteer);
  return {
    ask: (question) => answerQuestion(index, question, synonyms),
    check: (claim) => checkClaim(index, claim, synonyms),
    sources: () => [...index.docs.values()],
    skipped,
    index,
    synonyms,
  };
}
