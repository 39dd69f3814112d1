/**
 * `npm run bench -- --scale`: timings on a SYNTHETIC corpus (see synthetic.ts: the seeds' paragraphs
 * recombined and shuffled, figures perturbed, place names varied) of 1,000 and 10,000 documents of ~5 KB.
 * For timing only: answers on it mean nothing. Each size is built in this process with createEngine (the
 * 1k engine is dropped before the 10k build); cold starts run the CLI in a child process.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { type Engine, livePassageCount, loadSegmenter } from "../src/mod.js";
import { timeAddAll } from "./add-all.js";
import type { AskCase } from "./cases.js";
import { type ColdStart, coldStart, findSnapshot } from "./cold-start.js";
import { type Fanout, measureFanout } from "./fanout.js";
import { corpusBytes, jiebaThroughput } from "./ingestion.js";
import { measureLatency } from "./latency.js";
import { collect, heapMb, rssMb } from "./memory.js";
import { type Quality, scoreQuality } from "./quality.js";
import { generateCorpus } from "./synthetic.js";
import { askAll, createEngineWith, embeddedIndex, replyTexts, searchOnly } from "./this-project.js";

/** Figures for one corpus size. */
export interface ScaleRow {
  docs: number;
  mb: number;
  passages: number;
  /** Reading, cleaning and indexing the files (the snapshot write is timed on its own). */
  buildMs: number;
  snapshotWriteMs: number;
  /** MiniSearch addAll alone on the same entries (measured on the first size only: it segments everything again). */
  addAllMs: number | null;
  rssMb: number;
  heapMb: number;
  p50Us: number;
  p99Us: number;
  queries: number;
  searchP50Us: number;
  searchP99Us: number;
  snapshot: { bytes: number; loadMs: number } | null;
  /** The seed questions asked of the seeds hidden among the synthetic documents (see addSeeds). */
  needle: Quality;
  ingestMBps: number;
  fanout: Fanout | null;
  coldStartMs: number | null;
  coldStartEstimated: boolean;
  coldStartSnapshotMs: number | null;
}

/** The whole scale run. */
export interface ScaleReport {
  rows: ScaleRow[];
  growth: { build: number; p50: number; p99: number };
  /** Sizes asked for that did not fit the budget: the size measured instead and the projected build. */
  shrunk: Array<{ asked: number; measured: number; projectedBuildMs: number }>;
  jieba: { cutMBps: number; searchMBps: number; sampleMb: number };
  seedsColdStartMs: number | null;
  seedsColdStartSnapshotMs: number | null;
  /** The snapshot file name the CLI writes into DATA_DIR, when it writes one. */
  cliSnapshot: string | null;
  generateMs: number;
}

/** Options of the scale run. */
export interface ScaleOptions {
  sizes: number[];
  /** The ask cases: answerable ones are timed, all are scored on the seeds hidden in each corpus. */
  cases: AskCase[];
  /** Also spawn the CLI on the largest corpus from raw files (takes as long as its build). */
  coldLargest: boolean;
  keep: boolean;
  /** Wall-time budget of the in-process builds, ms: a size whose projected build does not fit is shrunk. */
  budgetMs: number;
  log: (line: string) => void;
}

const MB = 2 ** 20;

async function measureSize(
  dir: string,
  docs: number,
  cases: AskCase[],
  snapshotFile: string,
  withAddAll: boolean,
  log: (line: string) => void,
): Promise<ScaleRow> {
  const mb = corpusBytes(dir) / MB;
  const heap0 = heapMb();
  let engine: Engine | null = await createEngineWith({ corpusDir: dir, snapshotFile });
  const { buildMs, snapshotWriteMs } = engine.startup;
  const heap = heapMb() - heap0;
  const rss = rssMb();
  log(
    `  ${docs} docs: build ${(buildMs / 1000).toFixed(1)} s (snapshot write ${(snapshotWriteMs / 1000).toFixed(1)} s), ${livePassageCount(engine.documents)} passages`,
  );
  const replies = await askAll(
    engine,
    cases.map((c) => c.q),
  );
  const needle = scoreQuality(cases, (q) => replyTexts(replies.get(q)));
  log(
    `  ${docs} docs: seed questions with the seeds among them: hit@1 ${(100 * needle.hit1).toFixed(1)}%, no-answer ${needle.noAnswerOk}/${needle.noAnswerCases}`,
  );
  const questions = cases.filter((c) => !c.noAnswer).map((c) => c.q);
  const budget = docs >= 10_000 ? 30_000 : 15_000;
  const lat = await measureLatency(questions, (q) => engine?.ask(q), 2000, budget);
  const search = await measureLatency(
    questions,
    (q) => (engine ? searchOnly(engine, q) : 0),
    2000,
    budget / 2,
  );
  log(`  ${docs} docs: ask p50 ${(lat.p50Us / 1000).toFixed(2)} ms over ${lat.queries} queries`);
  const ix = embeddedIndex(engine);
  const addAllMs = withAddAll ? timeAddAll(ix).addAllMs : null;
  const fanout = measureFanout(ix.index);
  const passages = livePassageCount(ix);
  engine = null;
  collect();
  let snapshot: ScaleRow["snapshot"] = null;
  if (existsSync(snapshotFile)) {
    const t = performance.now();
    const loaded = await createEngineWith({ corpusDir: dir, snapshotFile });
    snapshot = { bytes: statSync(snapshotFile).size, loadMs: performance.now() - t };
    void loaded;
  }
  collect();
  return {
    docs,
    mb,
    passages,
    buildMs,
    snapshotWriteMs,
    addAllMs,
    rssMb: rss,
    heapMb: heap,
    p50Us: lat.p50Us,
    p99Us: lat.p99Us,
    queries: lat.queries,
    searchP50Us: search.p50Us,
    searchP99Us: search.p99Us,
    snapshot,
    needle,
    ingestMBps: mb / (buildMs / 1000),
    fanout,
    coldStartMs: null,
    coldStartEstimated: false,
    coldStartSnapshotMs: null,
  };
}

/**
 * The seed documents (and their manifest) copied in beside the synthetic ones: the seed questions then look for
 * the real answer among thousands of near-copies of its sentence with other figures and other cities — a test of
 * candidate retrieval and place scoping under heavy duplication, not of answers on synthetic text.
 */
export function addSeeds(seedDir: string, dir: string): void {
  for (const f of readdirSync(seedDir)) copyFileSync(join(seedDir, f), join(dir, f));
}

function exponent(a: number, b: number, n1: number, n2: number): number {
  return Math.log(b / a) / Math.log(n2 / n1);
}

async function timedCold(env: Record<string, string>): Promise<number | null> {
  const r: ColdStart = await coldStart(env);
  return r.answered ? r.firstAnswerMs : null;
}

/** A cold start from raw files with an empty DATA_DIR, then, if the CLI left a snapshot there, one from it. */
async function coldPair(
  corpusDir: string,
  dataDir: string,
): Promise<{ rawMs: number | null; snapshotMs: number | null; snapshotName: string | null }> {
  mkdirSync(dataDir, { recursive: true });
  const env = { CORPUS_DIR: corpusDir, DATA_DIR: dataDir };
  const rawMs = await timedCold(env);
  const snapshotName = findSnapshot(dataDir);
  const snapshotMs = snapshotName ? await timedCold(env) : null;
  return { rawMs, snapshotMs, snapshotName };
}

/** Generates the corpora, measures each size, then the cold starts; removes the temp dir unless `keep`. */
export async function runScale(options: ScaleOptions): Promise<ScaleReport> {
  const { sizes, cases, log } = options;
  loadSegmenter();
  const root = mkdtempSync(join(tmpdir(), "policy-bench-"));
  log(`SYNTHETIC corpora in ${root} (seed paragraphs recombined; for timing only)`);
  const started = performance.now();
  const rows: ScaleRow[] = [];
  const dirs: string[] = [];
  const shrunk: ScaleReport["shrunk"] = [];
  let generateMs = 0;
  for (const asked of sizes) {
    let n = asked;
    const prev = rows[rows.length - 1];
    if (prev) {
      // Linear projection from the last size (build time has grown about linearly); keep 90 s for the rest.
      const perDoc = prev.buildMs / prev.docs;
      const left = options.budgetMs - (performance.now() - started) - 90_000;
      if (perDoc * asked > left) {
        n = Math.max(prev.docs, Math.floor(left / perDoc / 1000) * 1000);
        shrunk.push({ asked, measured: n, projectedBuildMs: perDoc * asked });
        log(
          `  ${asked} docs would take ~${((perDoc * asked) / 1000).toFixed(0)} s to build: measuring ${n} instead`,
        );
        if (n <= prev.docs) break;
      }
    }
    const t = performance.now();
    const dir = generateCorpus("seeds", join(root, `docs-${n}`), n).dir;
    addSeeds("seeds", dir);
    generateMs += performance.now() - t;
    dirs.push(dir);
    const first = rows.length === 0;
    rows.push(await measureSize(dir, n, cases, join(root, `snapshot-${n}.bin`), first, log));
  }
  const jieba = jiebaThroughput(dirs[0] as string);
  log("  cold starts (CLI child process, fresh DATA_DIR)…");
  const seeds = await coldPair(resolve("seeds"), join(root, "data-seeds"));
  let cliSnapshot = seeds.snapshotName;
  for (const [i, row] of rows.entries()) {
    const dir = dirs[i] as string;
    const largest = i === rows.length - 1 && rows.length > 1;
    if (!largest || options.coldLargest) {
      const pair = await coldPair(dir, join(root, `data-raw-${row.docs}`));
      row.coldStartMs = pair.rawMs;
      row.coldStartSnapshotMs = pair.snapshotMs;
      cliSnapshot ??= pair.snapshotName;
      continue;
    }
    const prev = rows[i - 1];
    if (prev?.coldStartMs != null) {
      row.coldStartMs = prev.coldStartMs + row.buildMs - prev.buildMs;
      row.coldStartEstimated = true;
    }
    // The snapshot this process wrote, put where the CLI looks for it.
    const own = join(root, `snapshot-${row.docs}.bin`);
    if (cliSnapshot && existsSync(own)) {
      const dataDir = join(root, `data-snap-${row.docs}`);
      mkdirSync(dataDir, { recursive: true });
      copyFileSync(own, join(dataDir, cliSnapshot));
      row.coldStartSnapshotMs = await timedCold({ CORPUS_DIR: dir, DATA_DIR: dataDir });
    }
  }
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  const [a, b] = [rows[0], rows[rows.length - 1]];
  const growth =
    a && b && a !== b
      ? {
          build: exponent(a.buildMs, b.buildMs, a.docs, b.docs),
          p50: exponent(a.p50Us, b.p50Us, a.docs, b.docs),
          p99: exponent(a.p99Us, b.p99Us, a.docs, b.docs),
        }
      : { build: Number.NaN, p50: Number.NaN, p99: Number.NaN };
  return {
    rows,
    growth,
    jieba: { cutMBps: jieba.cutMBps, searchMBps: jieba.searchMBps, sampleMb: jieba.mb },
    seedsColdStartMs: seeds.rawMs,
    seedsColdStartSnapshotMs: seeds.snapshotMs,
    cliSnapshot,
    generateMs,
    shrunk,
  };
}
