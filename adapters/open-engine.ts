import { join } from "node:path";
import {
  AppError,
  type Config,
  createEngine,
  type Engine,
  type EngineOptions,
  livePassageCount,
  prepareCorpus,
} from "../src/mod.js";
import { buildProgress } from "./build-progress.js";
import { openReplica, type ReplicaOptions } from "./open-replica.js";

/**
 * How a process takes part when DATABASE_URL is set: a bot syncs at start, listens, and records the documents
 * for its digests after each change; a command only reads (only `ingest` writes, through openReplica).
 */
export type Participation = Pick<ReplicaOptions, "startSync" | "listen" | "onDocuments">;

/** What each engine opened on PostgreSQL holds open, for closeEngine. */
const closers = new WeakMap<Engine, () => Promise<void>>();

/** The index snapshot kept under DATA_DIR (rebuilt whenever the corpus or the code changes). */
export function snapshotPath(config: Config): string {
  return join(config.DATA_DIR, "index-snapshot.bin");
}

/**
 * The engine as every entry point builds it from configuration: corpus (the default one created on first use,
 * see prepareCorpus), extra synonyms, snapshot. `warn` gets a line when the corpus is not the configured one.
 * With DATABASE_URL, a replica over the shared PostgreSQL index instead (adapters/open-replica.ts: no snapshot;
 * `warn` also gets the listener's lines); `closeEngine` then releases its connections. A database that cannot be
 * used is one `warn` line, and the engine is the embedded one over the corpus directory.
 */
export async function openEngine(
  config: Config,
  snapshotWrite: "now" | "later" = "now",
  warn: (line: string) => void = (line) => process.stderr.write(`warning: ${line}\n`),
  participation: Participation = { startSync: "none", listen: false },
): Promise<Engine> {
  const corpus = prepareCorpus(config, "read");
  if (corpus.warning) warn(corpus.warning);
  const options = engineOptions(config, corpus.dir);
  if (config.DATABASE_URL) {
    const replica = await openReplica(config.DATABASE_URL, options, { ...participation, log: warn }).catch(
      (e: unknown) => {
        if (!(e instanceof AppError && e.code === "INDEX_UNAVAILABLE")) throw e;
        // Answering from the files here beats not answering; the line says what this replica misses.
        warn(`${e.message}; answering from the corpus directory in this process until a restart`);
        return null;
      },
    );
    if (replica) {
      closers.set(replica.engine, replica.close);
      return replica.engine;
    }
  }
  return createEngine({
    ...options,
    snapshotFile: snapshotPath(config),
    snapshotWrite,
    onProgress: buildProgress(process.stderr),
  });
}

/** What every engine is built with from configuration, over a corpus directory. */
export function engineOptions(config: Config, corpusDir: string): EngineOptions {
  return {
    corpusDir,
    synonymFiles: config.SYNONYMS_FILE ? [config.SYNONYMS_FILE] : [],
    documentLimits: { fileMb: config.MAX_DOC_MB },
  };
}

/** Releases what an engine holds open (a replica's pool and listener); nothing for the embedded engine. */
export async function closeEngine(engine: Engine): Promise<void> {
  const close = closers.get(engine);
  closers.delete(engine);
  await close?.();
}

/** One line on how the index came up: "index: 1,268 passages from 5 documents, built in 0.4 s (snapshot written in 0.1 s)". */
export function describeStartup(engine: Engine): string {
  const s = engine.startup;
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const size = `${livePassageCount(engine.documents).toLocaleString("en-US")} passages from ${engine.documents.docs.size.toLocaleString("en-US")} documents`;
  if (s.from === "snapshot") return `index: ${size}, read from the snapshot in ${sec(s.snapshotReadMs)}`;
  if (s.from === "passage-index")
    return `index: ${size}, documents loaded from the passage index in ${sec(s.buildMs)}`;
  const write = s.snapshotWriteMs > 0 ? ` (snapshot written in ${sec(s.snapshotWriteMs)})` : "";
  const threads = s.buildWorker ? " on 2 threads" : "";
  return `index: ${size}, built in ${sec(s.buildMs)}${threads}${write}`;
}
