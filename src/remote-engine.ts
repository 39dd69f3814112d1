import { answerQuestion } from "./answer/answer-question.js";
import { exampleKeeper } from "./answer/example-keeper.js";
import { chooseCorpusExamples } from "./answer/example-questions.js";
import { checkClaim } from "./check/check-claim.js";
import type { Engine, EngineOptions, EngineSetup, EngineStartup } from "./engine.js";
import { type DocumentTables, emptyTables, fillTables } from "./index/document-tables.js";
import type { PassageIndex } from "./index/passage-index.js";
import { replay } from "./index/replay.js";
import { syncCorpus } from "./index/sync-corpus.js";
import type { PassageView, SearchContext } from "./rank/search-context.js";

/**
 * Fetches one call may make before it fails. Each fetches everything its run missed, so the count follows the
 * depth of what ranking reads, not the corpus: term counts, then the counts of a word's parts, then searches and
 * their passages. Measured over the golden, dev and reports-dev cases: 1–4.
 */
const MAX_FETCHES = 6;

/**
 * Choosing examples asks up to 15 questions whose choice depends on the answers, and reads a sample of passages
 * first: it may need more fetches than one question (each fetches for every question of its run at once).
 */
const EXAMPLE_FETCH_FACTOR = 3;

/**
 * The engine over a passage index that holds the passages elsewhere (PostgreSQL). It keeps the per-document tables
 * in memory and no passage: each call runs the synchronous ranking code by fetch and replay (src/index/replay.ts)
 * against a cache of its own, dropped when it returns.
 */
export async function createRemoteEngine(
  setup: EngineSetup,
  index: PassageIndex,
  options: EngineOptions,
): Promise<Engine> {
  const t = performance.now();
  const tables = emptyTables(setup.gazetteer);
  const load = documentLoader(index, tables);
  await load();
  const startup: EngineStartup = {
    from: "passage-index",
    snapshotReadMs: 0,
    buildMs: performance.now() - t,
    buildWorker: false,
    snapshotWriteMs: 0,
  };
  const fetches = options.maxFetches ?? MAX_FETCHES;
  const context = (view: PassageView, examples: () => string[]): SearchContext => ({
    ...setup.base,
    ix: tables,
    passages: view,
    examples,
  });
  // A question asked while choosing sees no examples rather than starting the choice again.
  const examples = exampleKeeper(() =>
    replay(
      index,
      (view) => {
        const ctx = context(view, () => []);
        return { result: chooseCorpusExamples(ctx, (q) => answerQuestion(ctx, q)), wants: null };
      },
      fetches * EXAMPLE_FETCH_FACTOR,
    ),
  );
  const read = <T>(run: (ctx: SearchContext) => T): Promise<T> =>
    replay(
      index,
      async (view) => {
        const ready = await examples.settled();
        let wanted = false;
        const result = run(
          context(view, () => {
            if (ready === null) wanted = true;
            return ready ?? [];
          }),
        );
        return { result, wants: wanted ? examples.chosen : null };
      },
      fetches,
    );
  const refresh = async () => {
    if (await load()) examples.changed();
  };
  return remoteEngine({ tables, startup, setup, read, refresh, examples: examples.chosen }, async () => {
    const changes = await syncCorpus(index, tables, options.corpusDir, setup.reader);
    await refresh();
    return changes;
  });
}

/**
 * Reloads the per-document tables, one load at a time (a scheduler's refresh and a sync's never interleave), and
 * never back: a read as of a version older than the one applied is dropped. Resolves whether it applied one.
 */
function documentLoader(index: PassageIndex, tables: DocumentTables): () => Promise<boolean> {
  let applied = -1;
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<boolean> => {
    const read = index.versionedDocuments
      ? await index.versionedDocuments()
      : { version: null, documents: await index.documents() };
    if (read.version !== null && read.version < applied) return false;
    fillTables(tables, read.documents);
    if (read.version !== null) applied = read.version;
    return true;
  };
  return () => {
    const run = queue.then(load);
    queue = run.catch(() => {});
    return run;
  };
}

/** The Engine object of a remote engine, from its parts. */
function remoteEngine(
  parts: Pick<Engine, "read" | "refresh" | "examples" | "startup"> & {
    tables: DocumentTables;
    setup: EngineSetup;
  },
  sync: Engine["sync"],
): Engine {
  const { read, tables } = parts;
  return {
    ask: (question, opts) => read((ctx) => answerQuestion(ctx, question, opts)),
    check: (claim, opts) => read((ctx) => checkClaim(ctx, claim, opts)),
    sources: () => [...tables.docs.values()],
    examples: parts.examples,
    read,
    sync,
    refresh: parts.refresh,
    skipped: [],
    notes: [],
    warnings: [],
    flushSnapshot: () => [],
    documents: tables,
    index: null,
    ...parts.setup.base,
    startup: parts.startup,
  };
}
