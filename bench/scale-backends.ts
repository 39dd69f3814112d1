/**
 * `npm run bench -- --scale --backend postgres`: the SYNTHETIC corpus of scale.ts (with the seeds hidden among
 * it) on both backends, side by side: the in-process index (SQLite + MiniSearch) and PostgreSQL (DATABASE_URL).
 * For each: building the index, ask p50/p99 in process, the seed questions' hit@1 (the same on both), and a bot
 * process as an operator starts it (`node dist/adapters/main.js`, the terminal chat) — start to first answer and
 * resident memory, read from /proc. PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL (a server on which
 * databases may be created and dropped), else a throw-away cluster started with scripts/pg-cluster.sh.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openReplica } from "../adapters/open-replica.js";
import { createEngine, type Engine, loadSegmenter } from "../src/mod.js";
import type { AskCase } from "./cases.js";
import { buildOnce } from "./cold-start.js";
import { measureLatency } from "./latency.js";
import { collect } from "./memory.js";
import { type Quality, scoreQuality } from "./quality.js";
import { runReplica } from "./replica-process.js";
import { addSeeds } from "./scale.js";
import { generateCorpus } from "./synthetic.js";
import { askAll, replyTexts } from "./this-project.js";

/** One backend at one corpus size. */
export interface BackendRow {
  backend: "embedded" | "postgres";
  docs: number;
  passages: number;
  /** Embedded: the index built from the files in process. PostgreSQL: the whole corpus synced into the database. */
  buildMs: number;
  p50Us: number;
  p99Us: number;
  queries: number;
  needle: Quality;
  /** `npm start` with its state ready (embedded: the snapshot in DATA_DIR; PostgreSQL: the corpus in the database). */
  firstAnswerMs: number | null;
  rssMb: number | null;
  peakRssMb: number | null;
  /** PostgreSQL: the database's size on disk, MB. */
  databaseMb: number | null;
}

/** The whole run: rows by size and backend, and sizes left out with their projected build. */
export interface BackendScaleReport {
  rows: BackendRow[];
  server: string;
  skipped: Array<{ docs: number; projectedBuildMs: number }>;
}

/** Options of the run. */
export interface BackendScaleOptions {
  sizes: number[];
  cases: AskCase[];
  /** A size whose projected PostgreSQL build exceeds this is left out (the issue: 100,000 if it fits in 10 min). */
  buildBudgetMs: number;
  keep: boolean;
  log: (line: string) => void;
}

/** The answers asked of the bot process before its memory is read: the seed questions, once each. */
const PROCESS_QUESTIONS = 20;

/** A server to create the bench's databases on, and how to stop it when the bench started it. */
interface Server {
  url: string;
  stop(): void;
}

function startServer(root: string, log: (line: string) => void): Server {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const dir = join(root, "pg");
  const port = String(56000 + (process.pid % 1000));
  const out = execFileSync("scripts/pg-cluster.sh", ["start", dir, port], { encoding: "utf8" });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`scripts/pg-cluster.sh printed no URL: ${out}`);
  log(`  PostgreSQL: a throw-away cluster on port ${port} (set BENCH_DATABASE_URL to use another server)`);
  return { url, stop: () => execFileSync("scripts/pg-cluster.sh", ["stop", dir]) };
}

async function admin<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

function databaseUrl(server: string, name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

async function measureEngine(engine: Engine, cases: AskCase[], budgetMs: number) {
  const replies = await askAll(
    engine,
    cases.map((c) => c.q),
  );
  const needle = scoreQuality(cases, (q) => replyTexts(replies.get(q)));
  const questions = cases.filter((c) => !c.noAnswer).map((c) => c.q);
  const lat = await measureLatency(questions, (q) => engine.ask(q), 500, budgetMs);
  return { needle, ...lat };
}

async function embeddedRow(
  dir: string,
  docs: number,
  root: string,
  cases: AskCase[],
  log: (l: string) => void,
) {
  const dataDir = join(root, `data-embedded-${docs}`);
  mkdirSync(dataDir, { recursive: true });
  let engine: Engine | null = await createEngine({ corpusDir: dir });
  const buildMs = engine.startup.buildMs;
  const passages = engine.index?.passages.length ?? 0;
  log(`  embedded, ${docs} docs: built in ${(buildMs / 1000).toFixed(1)} s, ${passages} passages`);
  const m = await measureEngine(engine, cases, 20_000);
  engine = null;
  collect();
  // The bot keys its snapshot by the code that wrote it (dist/, not this process's src/): a first start builds
  // and writes it, untimed; the second starts from it, as a restarted bot does.
  const env = { CORPUS_DIR: dir, DATA_DIR: dataDir };
  await runReplica(env, questionsFor(cases).slice(0, 1));
  const proc = await runReplica(env, questionsFor(cases));
  return {
    backend: "embedded" as const,
    docs,
    passages,
    buildMs,
    ...m,
    ...processFigures(proc),
    databaseMb: null,
  };
}

async function postgresRow(
  dir: string,
  docs: number,
  root: string,
  server: Server,
  cases: AskCase[],
  log: (l: string) => void,
) {
  const name = `bench_scale_${docs}_${process.pid}`;
  await admin(server.url, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)),
  );
  const url = databaseUrl(server.url, name);
  const t = performance.now();
  const replica = await openReplica(
    url,
    { corpusDir: dir },
    { startSync: "wait", listen: false, log: () => {} },
  );
  const buildMs = performance.now() - t;
  const passages = await admin(url, async (c) =>
    Number((await c.query("SELECT count(*) AS n FROM index_passages")).rows[0]?.n),
  );
  log(`  postgres, ${docs} docs: synced in ${(buildMs / 1000).toFixed(1)} s, ${passages} passages`);
  const m = await measureEngine(replica.engine, cases, 20_000);
  await replica.close();
  const dataDir = join(root, `data-postgres-${docs}`);
  mkdirSync(dataDir, { recursive: true });
  const proc = await runReplica(
    { CORPUS_DIR: dir, DATA_DIR: dataDir, DATABASE_URL: url },
    questionsFor(cases),
  );
  const databaseMb = await admin(
    url,
    async (c) =>
      Number((await c.query("SELECT pg_database_size(current_database()) AS b")).rows[0]?.b) / 2 ** 20,
  );
  return { backend: "postgres" as const, docs, passages, buildMs, ...m, ...processFigures(proc), databaseMb };
}

function questionsFor(cases: AskCase[]): string[] {
  return cases
    .filter((c) => !c.noAnswer)
    .slice(0, PROCESS_QUESTIONS)
    .map((c) => c.q);
}

function processFigures(r: Awaited<ReturnType<typeof runReplica>>) {
  return { firstAnswerMs: r.firstAnswerMs, rssMb: r.rssMb, peakRssMb: r.peakRssMb };
}

/** Generates each corpus size and measures it on both backends; sizes whose build would not fit are left out. */
export async function runBackendScale(o: BackendScaleOptions): Promise<BackendScaleReport> {
  loadSegmenter();
  buildOnce();
  const root = mkdtempSync(join(tmpdir(), "policy-bench-backends-"));
  const server = startServer(root, o.log);
  const rows: BackendRow[] = [];
  const skipped: BackendScaleReport["skipped"] = [];
  try {
    for (const docs of o.sizes) {
      const last = rows.filter((r) => r.backend === "postgres").at(-1);
      const projected = last ? (last.buildMs / last.docs) * docs : 0;
      if (projected > o.buildBudgetMs) {
        skipped.push({ docs, projectedBuildMs: projected });
        o.log(
          `  ${docs} docs left out: the PostgreSQL build alone would take ~${(projected / 60_000).toFixed(0)} min`,
        );
        continue;
      }
      const dir = generateCorpus("seeds", join(root, `docs-${docs}`), docs).dir;
      addSeeds("seeds", dir);
      rows.push(await embeddedRow(dir, docs, root, o.cases, o.log));
      collect();
      rows.push(await postgresRow(dir, docs, root, server, o.cases, o.log));
    }
  } finally {
    if (!o.keep) {
      for (const r of rows.filter((x) => x.backend === "postgres"))
        await admin(server.url, (c) =>
          c.query(`DROP DATABASE IF EXISTS bench_scale_${r.docs}_${process.pid}`),
        ).catch(() => {});
      server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }
  return { rows, server: new URL(server.url).host, skipped };
}
