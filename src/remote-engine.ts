import { answerQuestion } from "./answer/answer-question.js";
import { chooseCorpusExamples } from "./answer/example-questions.js";
import { checkClaim } from "./check/check-claim.js";
import type { Engine, EngineOptions, EngineSetup, EngineStartup } from "./engine.js";
import { AppError } from "./errors.js";
import { emptyTables, fillTables } from "./index/document-tables.js";
import type { PassageIndex } from "./index/passage-index.js";
import {
  emptyCache,
  fetchMissing,
  missedNothing,
  nothingMissing,
  type PassageCache,
  recordingView,
} from "./index/recording-view.js";
import { syncCorpus } from "./index/sync-corpus.js";
import type { SearchContext } from "./rank/search-context.js";

/** Fetches one call may make before it fails: a question needs 2–4 (term counts, then searches and passages). */
const MAX_ROUNDS = 6;

/**
 * Choosing examples asks up to 15 questions whose choice depends on the answers: it needs more rounds than one
 * question (each round fetches for all the questions it asked at once).
 */
const EXAMPLE_ROUND_FACTOR = 3;

/**
 * The engine over a passage index that holds the passages elsewhere. It keeps the per-document tables in memory;
 * a call runs the synchronous ranking code against a per-call cache that records what it lacks, fetches all of
 * that at once, and runs again, until a run misses nothing (fetch and replay). No cache outlives its call.
 */
export async function createRemoteEngine(
  setup: EngineSetup,
  index: PassageIndex,
  options: EngineOptions,
): Promise<Engine> {
  const t = performance.now();
  const tables = emptyTables(setup.gazetteer);
  fillTables(tables, await index.documents());
  const startup: EngineStartup = {
    from: "passage-index",
    snapshotReadMs: 0,
    buildMs: performance.now() - t,
    buildWorker: false,
    snapshotWriteMs: 0,
  };
  const maxRounds = options.maxRounds ?? MAX_ROUNDS;
  // Bumped whenever the tables are reloaded: examples chosen for an older state are chosen again.
  let version = 0;
  let examples: { version: number; chosen: Promise<string[]> } | null = null;

  /** Runs `run` until it misses nothing (passages, or examples when `withExamples`), at most `rounds` times. */
  async function replay<T>(
    run: (ctx: SearchContext) => T,
    rounds: number,
    withExamples: boolean,
  ): Promise<T> {
    const cache: PassageCache = emptyCache();
    for (let round = 1; ; round++) {
      const missing = nothingMissing();
      let examplesWanted = false;
      const ready = withExamples ? await settledExamples() : [];
      const ctx: SearchContext = {
        ...setup.base,
        ix: tables,
        passages: recordingView(cache, missing),
        examples: () => {
          if (ready === null) examplesWanted = true;
          return ready ?? [];
        },
      };
      const result = run(ctx);
      if (missedNothing(missing) && !examplesWanted) return result;
      if (round >= rounds) throw unsettled(rounds);
      // A run that lacked passages may have wanted examples only for want of them ("no answer"): fetch first.
      if (missedNothing(missing)) await chooseExamples();
      else await fetchMissing(index, cache, missing);
    }
  }

  /** The examples of this state of the corpus when chosen already, else null. */
  async function settledExamples(): Promise<string[] | null> {
    if (!examples || examples.version !== version) return null;
    return examples.chosen.catch(() => null);
  }

  /** Chooses the examples once per state of the corpus (a failed choice is tried again next time). */
  function chooseExamples(): Promise<string[]> {
    if (examples && examples.version === version) return examples.chosen;
    // A question asked while choosing sees no examples rather than starting the choice again.
    const choose = (ctx: SearchContext) => chooseCorpusExamples(ctx, (q) => answerQuestion(ctx, q));
    const chosen = replay(choose, maxRounds * EXAMPLE_ROUND_FACTOR, false);
    const entry = { version, chosen };
    examples = entry;
    chosen.catch(() => {
      if (examples === entry) examples = null;
    });
    return chosen;
  }

  const read = <T>(run: (ctx: SearchContext) => T) => replay(run, maxRounds, true);
  const refresh = async () => {
    const docs = await index.documents();
    fillTables(tables, docs);
    version++;
  };
  return {
    ask: (question, opts) => read((ctx) => answerQuestion(ctx, question, opts)),
    check: (claim, opts) => read((ctx) => checkClaim(ctx, claim, opts)),
    sources: () => [...tables.docs.values()],
    examples: () => chooseExamples(),
    read,
    sync: async () => {
      const changes = await syncCorpus(index, tables, options.corpusDir, setup.reader);
      await refresh();
      return changes;
    },
    refresh,
    skipped: [],
    notes: [],
    warnings: [],
    flushSnapshot: () => [],
    documents: tables,
    index: null,
    ...setup.base,
    startup,
  };
}

function unsettled(rounds: number): AppError {
  return new AppError(
    "INDEX_UNSETTLED",
    `the passage index still lacked what a question reads after ${rounds} fetches — the corpus changed throughout, or the index answers inconsistently (check its documents against its passages); ask again`,
  );
}
