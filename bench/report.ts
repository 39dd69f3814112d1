import type { Comparison, EngineRow } from "./compare.js";
import type { ReportsOutcome, ReportsRow } from "./reports.js";
import type { ScaleReport, ScaleRow } from "./scale.js";
import { formatTable, num, pct } from "./table.js";

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** The comparison table. */
export function comparisonTable(c: Comparison): string {
  return formatTable<EngineRow>(c.rows, [
    { head: "engine", cell: (r) => r.name },
    { head: "hit@1", cell: (r) => pct(r.hit1) },
    { head: "hit@3", cell: (r) => pct(r.hit3) },
    { head: "no-answer ok", cell: (r) => `${r.noAnswerOk}/${r.noAnswerCases}` },
    { head: "build ms", cell: (r) => num(r.buildMs, 1) },
    { head: "p50 µs", cell: (r) => num(r.p50Us, 0) },
    { head: "p99 µs", cell: (r) => num(r.p99Us, 0) },
    { head: "queries", cell: (r) => String(r.queries) },
    { head: "heap Δ MB", cell: (r) => num(r.heapMb, 1) },
    { head: "RSS MB", cell: (r) => num(r.rssMb, 0) },
  ]);
}

/** Target checks of the comparison (issue 7). */
export function comparisonTargets(c: Comparison): string[] {
  const own = c.rows[0] as EngineRow;
  const peers = c.rows.slice(1);
  const bestHit = Math.max(...peers.map((p) => p.hit1));
  const fastest = Math.min(...peers.map((p) => p.p50Us));
  const mark = (ok: boolean) => (ok ? "MET   " : "MISSED");
  return [
    `${mark(own.hit1 >= bestHit + 0.15)} hit@1 ${pct(own.hit1)} ≥ best peer ${pct(bestHit)} + 15 points`,
    `${mark(own.p50Us <= 1000)} full-answer p50 ${num(own.p50Us)} µs ≤ 1 ms`,
    `${mark(own.p50Us <= fastest)} full-answer p50 ${num(own.p50Us)} µs ≤ fastest peer's bare search p50 ${num(fastest)} µs`,
  ];
}

/** The `engines` part of results.json. */
export function enginesJson(c: Comparison): Array<Record<string, unknown>> {
  return c.rows.map((r) => ({
    name: r.name,
    hit1: r4(r.hit1),
    hit3: r4(r.hit3),
    questions: r.questions,
    buildMs: r1(r.buildMs),
    p50Us: r1(r.p50Us),
    p99Us: r1(r.p99Us),
    rssMb: r1(r.rssMb),
    heapMb: r1(r.heapMb),
    queries: r.queries,
    noAnswerOk: r.noAnswerOk,
    noAnswerCases: r.noAnswerCases,
    setup: r.setup,
  }));
}

/** A share of the answerable questions with its count ("48.8% (39/80)"), as qa-score prints it. */
const share = (x: number, n: number): string => `${pct(x)} (${Math.round(x * n)}/${n})`;

/** The real-document table: hit@1, hit@3, no-answer right, and figure@1 for the engine that highlights one. */
export function reportsTable(rows: ReportsRow[]): string {
  return formatTable<ReportsRow>(rows, [
    { head: "engine", cell: (r) => r.name },
    { head: "hit@1", cell: (r) => share(r.hit1, r.questions) },
    { head: "hit@3", cell: (r) => share(r.hit3, r.questions) },
    { head: "no-answer ok", cell: (r) => `${r.noAnswerOk}/${r.noAnswerCases}` },
    { head: "figure@1", cell: (r) => (r.figures ? share(r.figure1, r.questions) : "—") },
  ]);
}

/** The `reports` part of results.json. */
export function reportsJson(o: ReportsOutcome): Record<string, unknown> {
  if (o.kind === "skipped") return { skipped: o.reason };
  return {
    corpusDir: o.corpusDir,
    casesFile: o.casesFile,
    passages: o.passages,
    today: o.today.toISOString(),
    engines: o.rows.map((r) => ({
      name: r.name,
      hit1: r4(r.hit1),
      hit3: r4(r.hit3),
      figure1: r.figures ? r4(r.figure1) : null,
      questions: r.questions,
      noAnswerOk: r.noAnswerOk,
      noAnswerCases: r.noAnswerCases,
    })),
  };
}

const ms = (x: number | null | undefined, est = false): string =>
  x == null ? "n/a" : `${(x / 1000).toFixed(2)} s${est ? " (est.)" : ""}`;

/** The scale table. */
export function scaleTable(s: ScaleReport): string {
  return formatTable<ScaleRow>(s.rows, [
    { head: "docs", cell: (r) => String(r.docs) },
    { head: "MB", cell: (r) => num(r.mb, 1) },
    { head: "passages", cell: (r) => String(r.passages) },
    { head: "build", cell: (r) => ms(r.buildMs) },
    { head: "snap write", cell: (r) => ms(r.snapshotWriteMs) },
    { head: "addAll", cell: (r) => (r.addAllMs == null ? "—" : ms(r.addAllMs)) },
    { head: "ingest MB/s", cell: (r) => num(r.ingestMBps, 2) },
    { head: "seeds hit@1", cell: (r) => pct(r.needle.hit1) },
    { head: "p50 ask", cell: (r) => `${num(r.p50Us / 1000, 2)} ms` },
    { head: "p99 ask", cell: (r) => `${num(r.p99Us / 1000, 2)} ms` },
    { head: "p50 search", cell: (r) => `${num(r.searchP50Us / 1000, 2)} ms` },
    { head: "RSS MB", cell: (r) => num(r.rssMb, 0) },
    { head: "heap Δ MB", cell: (r) => num(r.heapMb, 0) },
    {
      head: "snapshot",
      cell: (r) => (r.snapshot ? `${num(r.snapshot.bytes / 2 ** 20, 1)} MB` : "not available"),
    },
    {
      head: "snap load",
      // A load as slow as a build means the snapshot was rejected (stale key) and the index rebuilt.
      cell: (r) =>
        r.snapshot
          ? `${ms(r.snapshot.loadMs)}${r.snapshot.loadMs > r.buildMs / 2 ? " (rebuilt?)" : ""}`
          : "n/a",
    },
    { head: "cold start raw", cell: (r) => ms(r.coldStartMs, r.coldStartEstimated) },
    { head: "cold start snap", cell: (r) => ms(r.coldStartSnapshotMs) },
  ]);
}

/** The radix-tree fan-out lines. */
export function fanoutLines(s: ScaleReport): string[] {
  return s.rows.map((r) => {
    const f = r.fanout;
    if (!f) return `${r.docs} docs: MiniSearch internals not reachable`;
    return `${r.docs} docs: ${f.terms} terms, ${f.nodes} nodes; root ${f.rootChildren} children, max ${f.maxChildren} (at "${f.maxAt}"), nodes >100: ${f.nodesOver100}, >1000: ${f.nodesOver1000}; term lookup ${num(f.lookupUs, 2)} µs${r.addAllMs == null ? "" : `; addAll ${ms(r.addAllMs)} of build ${ms(r.buildMs)} (${pct(r.addAllMs / r.buildMs)})`}`;
  });
}

/** Target checks of the scale run (on its largest size). */
export function scaleTargets(s: ScaleReport): string[] {
  const big = s.rows[s.rows.length - 1];
  if (!big) return [];
  const mark = (ok: boolean) => (ok ? "MET   " : "MISSED");
  const ratio = big.ingestMBps / s.jieba.cutMBps;
  const snapStart = big.coldStartSnapshotMs ?? big.snapshot?.loadMs ?? null;
  return [
    `${mark(big.p50Us <= 10_000)} ${big.docs} docs p50 ${num(big.p50Us / 1000, 2)} ms ≤ 10 ms`,
    `${mark(big.p99Us <= 50_000)} ${big.docs} docs p99 ${num(big.p99Us / 1000, 2)} ms ≤ 50 ms`,
    `${mark(big.buildMs <= 60_000)} ${big.docs} docs build ${ms(big.buildMs)} ≤ 60 s`,
    snapStart == null
      ? "MISSED start from snapshot ≤ 3 s: snapshot not available"
      : `${mark(snapStart <= 3000)} start from snapshot ${ms(snapStart)} ≤ 3 s${big.coldStartSnapshotMs == null ? " (in-process load; CLI has no snapshot setting)" : ""}`,
    `${mark(big.rssMb <= 2048)} RSS ${num(big.rssMb)} MB ≤ 2 GB`,
    `${mark(ratio >= 0.7)} ingestion ${num(big.ingestMBps, 2)} MB/s = ${pct(ratio)} of raw jieba cut ${num(s.jieba.cutMBps, 2)} MB/s (≥ 70%)`,
  ];
}

/** The `scale` part of results.json. */
export function scaleJson(s: ScaleReport): Array<Record<string, unknown>> {
  return s.rows.map((r) => ({
    docs: r.docs,
    synthetic: true,
    mb: r1(r.mb),
    passages: r.passages,
    buildMs: r1(r.buildMs),
    snapshotWriteMs: r1(r.snapshotWriteMs),
    addAllMs: r.addAllMs == null ? null : r1(r.addAllMs),
    ingestMBps: r4(r.ingestMBps),
    p50Us: r1(r.p50Us),
    p99Us: r1(r.p99Us),
    queries: r.queries,
    searchP50Us: r1(r.searchP50Us),
    searchP99Us: r1(r.searchP99Us),
    rssMb: r1(r.rssMb),
    heapMb: r1(r.heapMb),
    needle: {
      hit1: r4(r.needle.hit1),
      hit3: r4(r.needle.hit3),
      questions: r.needle.questions,
      noAnswerOk: r.needle.noAnswerOk,
      noAnswerCases: r.needle.noAnswerCases,
    },
    snapshot: r.snapshot ? { bytes: r.snapshot.bytes, loadMs: r1(r.snapshot.loadMs) } : "not available",
    coldStartMs: r.coldStartMs == null ? null : r1(r.coldStartMs),
    coldStartEstimated: r.coldStartEstimated,
    coldStartSnapshotMs: r.coldStartSnapshotMs == null ? null : r1(r.coldStartSnapshotMs),
    fanout: r.fanout,
  }));
}
