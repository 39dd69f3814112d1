/**
 * `npm run bench`: this project against MiniSearch + jieba, FlexSearch, lunr and Orama on the same seed
 * passages and questions (hit@1/hit@3, build, latency, memory). `npm run bench -- --scale`: timings on a
 * SYNTHETIC corpus of 1,000 and 10,000 generated documents (see synthetic.ts and scale.ts).
 * Flags: --scale, --sizes=1000,10000, --budget=420 (s of in-process builds), --cold-largest (spawn the CLI on the largest corpus too), --keep.
 * Results go to bench/results.json (merged: each mode keeps the other's last figures).
 */
import { loadAskCases, presentCaseFiles } from "./cases.js";
import { compareEngines } from "./compare.js";
import { describeMachine, packageVersions } from "./machine.js";
import { gcAvailable } from "./memory.js";
import {
  comparisonTable,
  comparisonTargets,
  enginesJson,
  fanoutLines,
  scaleJson,
  scaleTable,
  scaleTargets,
} from "./report.js";
import { RESULTS_FILE, writeResults } from "./results.js";
import { runScale } from "./scale.js";

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const value = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

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

if (flag("scale")) {
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
  log("targets:");
  for (const line of comparisonTargets(c)) log(`  ${line}`);
  writeResults({
    machine,
    versions,
    engines: enginesJson(c),
    searchOnly: c.searchOnly,
    enginesAt: new Date().toISOString(),
  });
}
log(`\nwrote ${RESULTS_FILE}`);
