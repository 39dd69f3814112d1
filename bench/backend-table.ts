import type { BackendRow, BackendScaleReport } from "./scale-backends.js";
import { formatTable, num, pct } from "./table.js";

const ms = (x: number | null, d = 1) => (x == null ? "n/a" : `${(x / 1000).toFixed(d)} s`);
const mb = (x: number | null) => (x == null ? "n/a" : `${num(x)} MB`);

/** Both backends side by side, one row per size and backend. */
export function backendTable(r: BackendScaleReport): string {
  return formatTable<BackendRow>(r.rows, [
    { head: "docs", cell: (x) => String(x.docs) },
    { head: "backend", cell: (x) => x.backend },
    { head: "passages", cell: (x) => String(x.passages) },
    { head: "build", cell: (x) => ms(x.buildMs) },
    { head: "ask p50", cell: (x) => `${num(x.p50Us / 1000, 2)} ms` },
    { head: "ask p99", cell: (x) => `${num(x.p99Us / 1000, 1)} ms` },
    { head: "seed hit@1", cell: (x) => pct(x.needle.hit1) },
    { head: "start → 1st answer", cell: (x) => ms(x.firstAnswerMs, 2) },
    { head: "bot RSS (peak)", cell: (x) => `${mb(x.rssMb)} (${mb(x.peakRssMb)})` },
    { head: "database", cell: (x) => mb(x.databaseMb) },
  ]);
}

/** The targets for PostgreSQL at 10,000 documents, each with the figure measured. */
export function backendTargets(r: BackendScaleReport): string[] {
  const row = r.rows.find((x) => x.backend === "postgres" && x.docs >= 10_000);
  if (!row) return ["PostgreSQL at 10,000 documents: not measured (--sizes=10000)"];
  const mark = (ok: boolean) => (ok ? "met" : "MISSED");
  const p99 = row.p99Us / 1000;
  return [
    `ask p99 ≤ 50 ms: ${p99.toFixed(1)} ms — ${mark(p99 <= 50)}`,
    `bot RSS ≤ 300 MB: ${mb(row.rssMb)} — ${mark((row.rssMb ?? Number.POSITIVE_INFINITY) <= 300)}`,
    `start to first answer ≤ 1.5 s: ${ms(row.firstAnswerMs, 2)} — ${mark((row.firstAnswerMs ?? Number.POSITIVE_INFINITY) <= 1500)}`,
  ];
}
