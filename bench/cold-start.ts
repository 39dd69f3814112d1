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
    let done = false;
    const finish = (answered: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ firstAnswerMs: performance.now() - t0, answered });
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(false);
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("\n")) finish(out.trimStart().startsWith("{"));
    });
    child.on("close", () => finish(out.trimStart().startsWith("{")));
  });
}
