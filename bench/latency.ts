import { performance } from "node:perf_hooks";

/** Latency percentiles of repeated queries, in microseconds. */
export interface Latency {
  p50Us: number;
  p99Us: number;
  queries: number;
}

/** The p-th percentile (0–100) of an ascending array (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Times `run` over the questions, cycling through them after one warm-up pass, until `minQueries` are timed
 * or `budgetMs` is spent (whichever comes first, but always one full pass). What `run` returns is awaited
 * (the engine's API is async): the time includes that turn of the event loop.
 */
export async function measureLatency(
  questions: string[],
  run: (q: string) => unknown,
  minQueries = 2000,
  budgetMs = 20_000,
): Promise<Latency> {
  for (const q of questions) await run(q);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; ; i++) {
    const fullPass = i >= questions.length;
    if (fullPass && (times.length >= minQueries || performance.now() - start > budgetMs)) break;
    const q = questions[i % questions.length] as string;
    const s = performance.now();
    await run(q);
    times.push((performance.now() - s) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50Us: percentile(times, 50), p99Us: percentile(times, 99), queries: times.length };
}
