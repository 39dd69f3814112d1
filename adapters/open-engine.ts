import { join } from "node:path";
import { type Config, createEngine, type Engine, livePassageCount, prepareCorpus } from "../src/mod.js";
import { buildProgress } from "./build-progress.js";

/** The index snapshot kept under DATA_DIR (rebuilt whenever the corpus or the code changes). */
export function snapshotPath(config: Config): string {
  return join(config.DATA_DIR, "index-snapshot.bin");
}

/**
 * The engine as every entry point builds it from configuration: corpus (the default one created on first use,
 * see prepareCorpus), extra synonyms, snapshot. `warn` gets a line when the corpus is not the configured one.
 */
export function openEngine(
  config: Config,
  snapshotWrite: "now" | "later" = "now",
  warn: (line: string) => void = (line) => process.stderr.write(`warning: ${line}\n`),
): Promise<Engine> {
  const corpus = prepareCorpus(config, "read");
  if (corpus.warning) warn(corpus.warning);
  return createEngine({
    corpusDir: corpus.dir,
    synonymFiles: config.SYNONYMS_FILE ? [config.SYNONYMS_FILE] : [],
    snapshotFile: snapshotPath(config),
    snapshotWrite,
    documentLimits: { fileMb: config.MAX_DOC_MB },
    onProgress: buildProgress(process.stderr),
  });
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
