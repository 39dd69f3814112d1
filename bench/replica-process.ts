import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** A bot process as an operator runs it (`npm start`, the terminal chat), timed and weighed from outside. */
export interface ReplicaRun {
  /** Process start to the first answer printed (ready, then the first question answered). */
  firstAnswerMs: number | null;
  /** Resident memory after answering every question, and its peak (VmRSS, VmHWM), MB. */
  rssMb: number | null;
  peakRssMb: number | null;
  answered: number;
}

/** The terminal chat prints "> " when it is ready for the next line (after its banner, after each reply). */
const PROMPT = /(^|\n)> /g;

function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/**
 * Starts `node dist/adapters/main.js` with no platform token (the terminal chat) in `env`, asks the questions one
 * after another, reads its memory from /proc after the last answer, then ends it with /quit. The first answer is
 * timed from the spawn; memory is what the process holds while serving, not a figure from inside it.
 */
export function runReplica(
  env: Record<string, string>,
  questions: string[],
  timeoutMs = 600_000,
): Promise<ReplicaRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["dist/adapters/main.js"], {
      env: { ...process.env, TELEGRAM_BOT_TOKEN: "", SLACK_BOT_TOKEN: "", LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "ignore"],
    });
    const run: ReplicaRun = { firstAnswerMs: null, rssMb: null, peakRssMb: null, answered: 0 };
    let out = "";
    let asked = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve(run);
    };
    const timer = setTimeout(() => {
      child.kill();
      finish();
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const prompts = out.match(PROMPT)?.length ?? 0;
      // Prompt k+1 means the answer to question k is complete.
      run.answered = Math.max(0, Math.min(asked, prompts - 1));
      if (run.answered >= 1 && run.firstAnswerMs === null) run.firstAnswerMs = performance.now() - t0;
      if (prompts <= asked) return;
      if (asked < questions.length) {
        child.stdin.write(`${questions[asked]}\n`);
        asked += 1;
        return;
      }
      const m = memoryOf(child.pid as number);
      run.rssMb = m?.rss ?? null;
      run.peakRssMb = m?.hwm ?? null;
      child.stdin.end("/quit\n");
    });
    child.on("close", finish);
  });
}
