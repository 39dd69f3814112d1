import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** bench/results.json: the latest comparison and the latest scale run, with machine and package versions. */
export const RESULTS_FILE = "bench/results.json";

/** What bench/results.json holds now (empty when it is missing or unreadable). */
export function readResults(): Record<string, unknown> {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Merges `part` into bench/results.json (a default run keeps the last scale figures, and the reverse). */
export function writeResults(part: Record<string, unknown>): void {
  const merged = { engines: [], scale: [], ...readResults(), ...part };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
}
