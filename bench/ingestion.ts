import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cut, cutForSearch } from "../src/mod.js";

const MB = 2 ** 20;

/** Total size of the .txt files of a directory, in bytes. */
export function corpusBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** Raw jieba throughput on the same text, MB/s: `cut` (HMM) and `cutForSearch`, file by file. */
export function jiebaThroughput(
  dir: string,
  maxFiles = 1000,
): { cutMBps: number; searchMBps: number; mb: number } {
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .slice(0, maxFiles)
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let t = performance.now();
  for (const text of texts) cut(text);
  const cutMs = performance.now() - t;
  t = performance.now();
  for (const text of texts) cutForSearch(text);
  const searchMs = performance.now() - t;
  return { cutMBps: bytes / MB / (cutMs / 1000), searchMBps: bytes / MB / (searchMs / 1000), mb: bytes / MB };
}
