import { performance } from "node:perf_hooks";
import { loadSegmenter } from "../src/mod.js";
import type { AskCase } from "./cases.js";
import { measureLatency } from "./latency.js";
import { heapMb, rssMb } from "./memory.js";
import { flexSearchCjk } from "./peers/flexsearch-cjk.js";
import { lunrZhPeer } from "./peers/lunr-zh.js";
import { miniSearchJieba } from "./peers/minisearch-jieba.js";
import { oramaMandarin } from "./peers/orama-mandarin.js";
import type { Peer } from "./peers/peer.js";
import { scoreQuality } from "./quality.js";
import { askAll, benchPassages, createEngineWith, replyTexts, searchOnly } from "./this-project.js";

/** One engine's row of the comparison (the shape of results.json's `engines`, plus detail). */
export interface EngineRow {
  name: string;
  setup: string;
  hit1: number;
  hit3: number;
  questions: number;
  noAnswerOk: number;
  noAnswerCases: number;
  buildMs: number;
  p50Us: number;
  p99Us: number;
  queries: number;
  heapMb: number;
  rssMb: number;
}

/** The comparison: rows, and what only this project has. */
export interface Comparison {
  rows: EngineRow[];
  passages: number;
  jiebaLoadMs: number;
  searchOnly: { p50Us: number; p99Us: number; queries: number };
  /** This project's slowest questions (median µs of a few runs), where the p99 comes from. */
  slowest: Array<{ q: string; us: number }>;
}

/** Median time of each question over `runs` runs, slowest first. */
async function slowestQuestions(questions: string[], run: (q: string) => unknown, runs = 5, top = 5) {
  const medians: Array<{ q: string; us: number }> = [];
  for (const q of questions) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await run(q);
      times.push((performance.now() - s) * 1000);
    }
    medians.push({ q, us: times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0 });
  }
  return medians.sort((a, b) => b.us - a.us).slice(0, top);
}

/** The peers, in table order. */
export function peers(): Peer[] {
  return [miniSearchJieba(), flexSearchCjk(), lunrZhPeer(true), lunrZhPeer(false), oramaMandarin()];
}

/** Measures this project and each peer on the same passages and questions, one after the other. */
export async function compareEngines(
  corpusDir: string,
  cases: AskCase[],
  minQueries: number,
): Promise<Comparison> {
  const questions = cases.map((c) => c.q);
  let t = performance.now();
  loadSegmenter();
  const jiebaLoadMs = performance.now() - t;

  const heap0 = heapMb();
  t = performance.now();
  const engine = await createEngineWith({ corpusDir });
  const buildMs = performance.now() - t;
  const heap = heapMb() - heap0;
  const replies = await askAll(engine, questions);
  const q = scoreQuality(cases, (question) => replyTexts(replies.get(question)));
  const lat = await measureLatency(questions, (question) => engine.ask(question), minQueries);
  const search = await measureLatency(questions, (question) => searchOnly(engine, question), minQueries);
  const slowest = await slowestQuestions(questions, (question) => engine.ask(question));
  const rows: EngineRow[] = [
    {
      name: "this project",
      setup: "createEngine({ corpusDir }) then engine.ask(q) (jieba load not counted in build)",
      ...q,
      buildMs,
      ...lat,
      heapMb: heap,
      rssMb: rssMb(),
    },
  ];

  const passages = benchPassages(engine);
  for (const peer of peers()) {
    const h0 = heapMb();
    const s = performance.now();
    await peer.build(passages);
    const ms = performance.now() - s;
    const h = heapMb() - h0;
    const pq = scoreQuality(cases, (question) => peer.search(question, 3));
    const pl = await measureLatency(questions, (question) => peer.search(question, 3), minQueries);
    rows.push({ name: peer.name, setup: peer.setup, ...pq, buildMs: ms, ...pl, heapMb: h, rssMb: rssMb() });
  }
  return { rows, passages: passages.length, jiebaLoadMs, searchOnly: search, slowest };
}
