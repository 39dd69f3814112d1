import {
  type AskReply,
  analyzeQuery,
  createEngine,
  type Engine,
  type EngineOptions,
  rankPassages,
} from "../src/mod.js";
import type { BenchPassage } from "./peers/peer.js";
import type { RankedText } from "./quality.js";

/** The answers of a reply as scoring sees them (quote text, first source, figure, as `ask --json` prints them). */
export function replyTexts(reply: AskReply): RankedText[] {
  if (reply.kind !== "answer") return [];
  return reply.answers.map((a) => ({
    text: a.quote.text,
    doc: a.sources[0]?.doc ?? "",
    figure: a.figure?.text ?? "",
  }));
}

/** The engine's passages as every peer indexes them: the project's own reading, cleaning and splitting. */
export function benchPassages(engine: Engine): BenchPassage[] {
  return engine.index.passages.map((p, i) => ({ id: i, doc: p.doc, text: p.text, norm: p.norm }));
}

/** Search only: query analysis, MiniSearch candidates and the re-rank, without building the answers. */
export function searchOnly(engine: Engine, question: string): number {
  const q = analyzeQuery(question, engine.index.gazetteer, engine.clock());
  const ctx = { ix: engine.index, synonyms: engine.synonyms, profile: engine.profile, clock: engine.clock };
  return rankPassages(ctx, q).length;
}

/** Engine options with the snapshot file the lead is adding (ignored by an engine that does not know it). */
export type SnapshotOptions = EngineOptions & { snapshotFile?: string };

/** createEngine, passing `snapshotFile` through whether or not this version of the engine declares it. */
export function createEngineWith(options: SnapshotOptions): Promise<Engine> {
  return createEngine(options);
}
