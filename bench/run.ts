import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createEngine } from "../src/engine.js";

/** Questions for timing: the project's golden set plus the shared dev set when it is present. */
function questions(): string[] {
  const files = ["tests/golden/ask.jsonl", "../shared/eval/dev.jsonl"].filter((f) => existsSync(f));
  return files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { type: string; q: string })
      .filter((c) => c.type === "ask")
      .map((c) => c.q),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const t0 = performance.now();
const engine = await createEngine({ corpusDir: process.env.CORPUS_DIR ?? "seeds" });
const loadMs = performance.now() - t0;
const qs = questions();
for (const q of qs) engine.ask(q);
const times: number[] = [];
for (let i = 0; i < 1000; i++) {
  const q = qs[i % qs.length] as string;
  const s = performance.now();
  engine.ask(q);
  times.push((performance.now() - s) * 1000);
}
times.sort((a, b) => a - b);
const rss = process.memoryUsage().rss / 2 ** 20;
console.log(
  `engine start (jieba load + parse + index): ${loadMs.toFixed(0)} ms, ${engine.index.passages.length} passages`,
);
console.log(
  `ask over ${qs.length} questions x1000: p50 ${percentile(times, 50).toFixed(0)} µs, p99 ${percentile(times, 99).toFixed(0)} µs`,
);
console.log(`rss ${rss.toFixed(0)} MB`);
