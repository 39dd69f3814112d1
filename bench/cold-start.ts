import { spawn, spawnSync } from "node:child_process";
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

let built = false;

/** Builds dist/ once a bench run, so that the CLI timed is the code under test, as `npm run cli` runs it. */
export function buildOnce(): void {
  if (built) return;
  const r = spawnSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build failed: the cold start needs dist/");
  built = true;
}

/** Spawns the built CLI (`node dist/adapters/cli/main.js ask --json "新增学位多少"`), timed to its first JSON line. */
export function coldStart(env: Record<string, string>, timeoutMs = 300_000): Promise<ColdStart> {
  buildOnce();
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["dist/adapters/cli/main.js", "ask", "--json", "新增学位多少"], {
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
