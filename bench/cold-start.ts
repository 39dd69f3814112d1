import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** Process start to first answer, as a user running the CLI sees it. */
export interface ColdStart {
  firstAnswerMs: number;
  answered: boolean;
}

/** The snapshot file the CLI left in its DATA_DIR (a name containing "snapshot"), or null. */
export function findSnapshot(dataDir: string): string | null {
  if (!existsSync(dataDir)) return null;
  return readdirSync(dataDir).find((f) => /snapshot/i.test(f)) ?? null;
}

/** Spawns `npx tsx adapters/cli/main.ts ask --json "新增学位多少"` and times it until the first JSON line. */
export function coldStart(env: Record<string, string>, timeoutMs = 300_000): Promise<ColdStart> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn("npx", ["tsx", "adapters/cli/main.ts", "ask", "--json", "新增学位多少"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    let firstAnswerMs: number | null = null;
    let done = false;
    // The time is taken at the first answer line; the run ends when the process does (it may still be writing
    // its snapshot, which the next start needs).
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const answered = firstAnswerMs !== null && out.trimStart().startsWith("{");
      resolve({ firstAnswerMs: firstAnswerMs ?? performance.now() - t0, answered });
    };
    const timer = setTimeout(() => {
      child.kill();
      finish();
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (firstAnswerMs === null && out.includes("\n")) firstAnswerMs = performance.now() - t0;
    });
    child.on("close", finish);
  });
}
