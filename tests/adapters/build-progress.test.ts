import { describe, expect, it } from "vitest";
import { buildProgress } from "../../adapters/build-progress.js";

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe("buildProgress: one redrawn terminal line while a long index build runs", () => {
  it("draws nothing during the first second, then at most every 200 ms, and clears the line at the end", () => {
    const t = terminal(true);
    let now = 0;
    const progress = buildProgress(t, () => now);
    progress(1, 10_000); // at 0 ms: too early
    now = 1000;
    progress(500, 10_000);
    now = 1100;
    progress(600, 10_000); // 100 ms after the last draw: skipped
    now = 1250;
    progress(1234, 10_000);
    now = 2000;
    progress(10_000, 10_000);
    expect(t.writes).toEqual([
      "\r\x1b[2Kindex: 500 / 10,000 files read",
      "\r\x1b[2Kindex: 1,234 / 10,000 files read",
      "\r\x1b[2K",
    ]);
  });

  it("draws nothing for a short build", () => {
    const t = terminal(true);
    let now = 0;
    const progress = buildProgress(t, () => now);
    for (let i = 1; i <= 5; i++) progress(i, 5);
    now = 300;
    expect(t.writes).toEqual([]);
  });

  it("draws nothing off a terminal (a log file, a pipe)", () => {
    const t = terminal(false);
    let now = 5000;
    const progress = buildProgress(t, () => now);
    progress(1, 10);
    now = 9000;
    progress(2, 10);
    expect(t.writes).toEqual([]);
  });
});

describe("indexCorpus reports each file read", () => {
  it("tells (done, total) once per file, ending at the total", async () => {
    const { createEngine } = await import("../../src/mod.js");
    const calls: Array<[number, number]> = [];
    await createEngine({ corpusDir: "seeds", onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5]));
  });
});
