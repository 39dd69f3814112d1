import type { Engine } from "../../src/engine.js";
import type { CorpusIndex } from "../../src/index/corpus-index.js";

/** The engine's index in this process: these tests run the embedded engine. */
export function embeddedIndex(engine: Engine): CorpusIndex {
  if (!engine.index) throw new Error("expected an engine with its index in process");
  return engine.index;
}
