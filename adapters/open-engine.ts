import { join } from "node:path";
import type { Config } from "../src/config.js";
import { createEngine, type Engine } from "../src/engine.js";

/** The index snapshot kept under DATA_DIR (rebuilt whenever the corpus or the code changes). */
export function snapshotPath(config: Config): string {
  return join(config.DATA_DIR, "index-snapshot.bin");
}

/** The engine as every entry point builds it from configuration: corpus, extra synonyms, snapshot. */
export function openEngine(config: Config): Promise<Engine> {
  return createEngine({
    corpusDir: config.CORPUS_DIR,
    synonymFiles: config.SYNONYMS_FILE ? [config.SYNONYMS_FILE] : [],
    snapshotFile: snapshotPath(config),
  });
}
