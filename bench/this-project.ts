import {
  type AskReply,
  analyzeQuery,
  type CorpusIndex,
  createEngine,
  type Engine,
  type EngineOptions,
  embeddedContext,
  rankPassages,
} from "../src/mod.js";
import type { BenchPassage } from "./peers/peer.js";
import type { RankedText } from "./quality.js";

/** The answers of a reply as scoring sees them (quote text, first source, figure, as `ask --json` prints them). */
export function replyTexts(reply: AskReply | undefined): RankedText[] {
  if (reply?.kind !== "answer") return [];
  return reply.answers.map((a) => ({
    text: a.quote.text,
    doc: a.sources[0]?.doc ?? "",
    figure: a.figure?.text ?? "",
  }));
}

/** The engine's passages as every peer indexes them: the project's own reading, cleaning and splitting. */
export function benchPassages(engine: Engine): BenchPassage[] {
  return embeddedIndex(engine).passages.map((p, i) => ({ id: i, doc: p.doc, text: p.text, norm: p.norm }));
}

/** Search only: query analysis, MiniSearch candidates and the re-rank, without building the answers. */
export function searchOnly(engine: Engine, question: string): number {
  const q = analyzeQuery(question, engine.documents.gazetteer, engine.clock());
  return rankPassages(embeddedContext(embeddedIndex(engine), engine), q).length;
}

/** Every question's reply, asked one after the other. */
export async function askAll(engine: Engine, questions: string[]): Promise<Map<string, AskReply>> {
  const replies = new Map<string, AskReply>();
  for (const q of questions) replies.set(q, await engine.ask(q));
  return replies;
}

/** The engine's index in this process (the bench runs the embedded engine). */
export function embeddedIndex(engine: Engine): CorpusIndex {
  if (!engine.index) throw new Error("the bench measures the engine with its index in process");
  return engine.index;
}

/** Engine options with the snapshot file the lead is adding (ignored by an engine that does not know it). */
export type SnapshotOptions = EngineOptions & { snapshotFile?: string };

/** createEngine, passing `snapshotFile` through whether or not this version of the engine declares it. */
export function createEngineWith(options: SnapshotOptions): Promise<Engine> {
  return createEngine(options);
}
