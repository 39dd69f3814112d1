/**
 * `npm run bench`: this project against MiniSearch + jieba, FlexSearch, lunr and Orama on the same seed
 * passages and questions (hit@1/hit@3, build, latency, memory), then on the real-document set (reports-dev.jsonl over
 * the twelve 2026 provincial reports: hit@1, hit@3, no-answer right), and the speed guard (this project's p50 over
 * MiniSearch + jieba's, beside the previous run's). `npm run bench -- --scale`: timings on a
 * SYNTHETIC corpus of 1,000 and 10,000 generated documents (see synthetic.ts and scale.ts).
 * Flags: --scale, --sizes=1000,10000, --budget=420 (s of in-process builds), --cold-largest (spawn the CLI on the largest corpus too), --keep.
 * `--scale --backend postgres` (scale-backends.ts): both backends side by side, --sizes=10000,100000 by default,
 * --budget=600 (s: a size whose projected PostgreSQL build exceeds it is left out).
 * Results go to bench/results.json (merged: each mode keeps the other's last figures).
 */
import { loadEnv } from "../adapters/load-env.js";
import { backendTable, backendTargets } from "./backend-table.js";
import { loadAskCases, presentCaseFiles } from "./cases.js";
import { compareEngines } from "./compare.js";
import { describeMachine, packageVersions } from "./machine.js";
import { gcAvailable } from "./memory.js";
import {
  comparisonTable,
  comparisonTargets,
  enginesJson,
  fanoutLines,
  reportsJson,
  reportsTable,
  scaleJson,
  scaleTable,
  scaleTargets,
} from "./report.js";
import { compareOnReports, type ReportsOutcome } from "./reports.js";
import { RESULTS_FILE, readResults, writeResults } from "./results.js";
import { runScale } from "./scale.js";
import { runBackendScale } from "./scale-backends.js";
import { measureSpeedRatio, previousSpeedRatio, speedRatioLine, speedRatioTarget } from "./speed-guard.js";

// The same .env as `npm start` and the CLI (the cold-start runs spawn the CLI with this environment).
loadEnv();
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
/** A flag's value, written `--name=value` or `--name value`. */
const value = (name: string): string | undefined => {
  const joined = args.find((a) => a.startsWith(`--${name}=`));
  if (joined) return joined.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  const next = at >= 0 ? args[at + 1] : undefined;
  return next && !next.startsWith("--") ? next : undefined;
};

/** The real-document section of the printout: where it came from and its table, or why it was skipped. */
function reportsLines(o: ReportsOutcome): string[] {
  if (o.kind === "skipped") return [`\nREAL DOCUMENTS — table skipped: ${o.reason}`];
  const asks = o.rows[0] ? o.rows[0].questions + o.rows[0].noAnswerCases : 0;
  const china = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const year = new Date(o.today.getTime() + 8 * 3_600_000).getUTCFullYear();
  return [
    `\nREAL DOCUMENTS — ${o.casesFile} (${asks} ask cases; checks are not scored here) over ${o.corpusDir}: ${o.passages} passages, the same for every engine`,
    `clock: ${o.today.toISOString().slice(0, 10)} (去年 = ${year - 1}, 今年 = ${year})${china === year ? "" : ` — the system clock is in ${china}: qa-score's CLI run reads 去年 as ${china - 1} and will not agree`}\n`,
    reportsTable(o.rows),
  ];
}

const machine = describeMachine();
const versions = packageVersions();
const cases = loadAskCases();
const log = (line: string) => console.log(line);
log(`machine: ${machine.cpu} × ${machine.cores}, ${machine.ramGb} GB RAM, node ${machine.node}`);
log(
  `packages: ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
log(
  `questions: ${cases.length} ask cases from ${presentCaseFiles().join(" + ")}; heap after gc: ${gcAvailable}`,
);

if (flag("scale") && value("backend") === "postgres") {
  const sizes = (value("sizes") ?? "10000,100000").split(",").map(Number);
  log(
    `\nSCALE ON BOTH BACKENDS — SYNTHETIC corpus (seeds hidden among it); in process, then as \`npm start\``,
  );
  const r = await runBackendScale({
    sizes,
    cases,
    buildBudgetMs: Number(value("budget") ?? "600") * 1000,
    keep: flag("keep"),
    log,
  });
  log(`\n${backendTable(r)}`);
  for (const s of r.skipped)
    log(
      `NOT MEASURED: ${s.docs} docs (projected PostgreSQL build ${(s.projectedBuildMs / 60_000).toFixed(0)} min > budget)`,
    );
  log(`PostgreSQL server: ${r.server}\ntargets (PostgreSQL, 10,000 docs):`);
  for (const line of backendTargets(r)) log(`  ${line}`);
  writeResults({ machine, versions, scaleBackends: r, scaleBackendsAt: new Date().toISOString() });
} else if (flag("scale")) {
  const sizes = (value("sizes") ?? "1000,10000").split(",").map(Number);
  log(
    `\nSCALE — SYNTHETIC corpus: seed articles recombined, paragraphs shuffled, figures perturbed, places varied`,
  );
  const s = await runScale({
    sizes,
    cases,
    coldLargest: flag("cold-largest"),
    budgetMs: Number(value("budget") ?? "420") * 1000,
    keep: flag("keep"),
    log,
  });
  log(`\n${scaleTable(s)}`);
  log(
    `growth exponents ${s.rows[0]?.docs}→${s.rows[s.rows.length - 1]?.docs} docs: build ${s.growth.build.toFixed(2)}, p50 ${s.growth.p50.toFixed(2)}, p99 ${s.growth.p99.toFixed(2)}`,
  );
  log(
    `raw jieba on ${s.jieba.sampleMb.toFixed(1)} MB of the same text: cut ${s.jieba.cutMBps.toFixed(2)} MB/s, cutForSearch ${s.jieba.searchMBps.toFixed(2)} MB/s`,
  );
  const sec = (x: number | null) => (x == null ? "n/a" : `${(x / 1000).toFixed(2)} s`);
  log(
    `cold start seeds (CLI): raw ${sec(s.seedsColdStartMs)}, from snapshot ${sec(s.seedsColdStartSnapshotMs)}; CLI snapshot file: ${s.cliSnapshot ?? "none written"}; corpus generation ${(s.generateMs / 1000).toFixed(1)} s`,
  );
  for (const x of s.shrunk)
    log(
      `NOT MEASURED: ${x.asked} docs (projected build ${(x.projectedBuildMs / 1000).toFixed(0)} s > budget); largest measured: ${x.measured}`,
    );
  log("MiniSearch radix tree:");
  for (const line of fanoutLines(s)) log(`  ${line}`);
  log("targets:");
  for (const line of scaleTargets(s)) log(`  ${line}`);
  writeResults({
    machine,
    versions,
    scale: scaleJson(s),
    growth: s.growth,
    notMeasured: s.shrunk,
    jieba: s.jieba,
    scaleAt: new Date().toISOString(),
  });
} else {
  const c = await compareEngines("seeds", cases, 2000);
  log(
    `\nseeds: ${c.passages} passages; jieba load ${c.jiebaLoadMs.toFixed(0)} ms (once, not in any build time)\n`,
  );
  log(comparisonTable(c));
  log(
    `\nthis project search only (query analysis + MiniSearch + re-rank): p50 ${c.searchOnly.p50Us.toFixed(0)} µs, p99 ${c.searchOnly.p99Us.toFixed(0)} µs over ${c.searchOnly.queries} queries`,
  );
  log("this project, slowest questions (median of 5):");
  for (const s of c.slowest) log(`  ${(s.us / 1000).toFixed(1)} ms  ${s.q}`);
  log("setups:");
  for (const r of c.rows) log(`  ${r.name}: ${r.setup}`);
  const at = new Date().toISOString();
  const ratio = measureSpeedRatio(c, at);
  log(
    ratio
      ? `\n${speedRatioLine(ratio, previousSpeedRatio(readResults()))}`
      : "\nspeed guard: no baseline row",
  );
  log("targets:");
  for (const line of comparisonTargets(c)) log(`  ${line}`);
  if (ratio) log(`  ${speedRatioTarget(ratio)}`);
  const reports = await compareOnReports();
  for (const line of reportsLines(reports)) log(line);
  writeResults({
    machine,
    versions,
    engines: enginesJson(c),
    searchOnly: c.searchOnly,
    speedRatio: ratio,
    reports: reportsJson(reports),
    enginesAt: at,
  });
}
log(`\nwrote ${RESULTS_FILE}`);
