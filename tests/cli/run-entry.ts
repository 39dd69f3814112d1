import { spawn } from "node:child_process";
import { resolve as absolute } from "node:path";

/** tsx's loader, found from this project (not from the working directory of the run). */
const TSX = import.meta.resolve("tsx");

/** What a finished process left: its exit code and everything it printed. */
export interface EntryRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Input, environment and working directory of one run; `env` is laid over this process's environment (a
 * variable given as undefined is removed).
 */
export interface EntryOptions {
  input?: string;
  env?: Record<string, string | undefined>;
  /** Where the process runs (where it looks for .env); this project's root by default. */
  cwd?: string;
}

/**
 * Runs a TypeScript entry point as its own process, the way `npm start` and `npm run cli` do (tsx), but
 * through node's loader hook rather than npx or npm, which add half a second a run and test nothing here.
 * Asynchronous, so that independent runs can share the machine's cores.
 */
export function runEntry(entry: string, args: string[], options: EntryOptions = {}): Promise<EntryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, absolute(entry), ...args], {
      env: Object.fromEntries(
        Object.entries({ ...process.env, ...options.env }).filter(([, v]) => v !== undefined),
      ),
      cwd: options.cwd,
      timeout: 60_000,
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(options.input ?? "");
  });
}

/** Runs `npm run cli -- …args` as a process. */
export function runCli(args: string[], options: EntryOptions = {}): Promise<EntryRun> {
  return runEntry("adapters/cli/main.ts", args, options);
}

/** Parses one JSON object a line (the CLI's batch output); the tests read the contract's fields freely. */
export function jsonLines(out: string) {
  return out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}
