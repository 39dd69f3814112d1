import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseConfig, processAlive } from "../../src/mod.js";
import { type HealthState, healthFile, heartbeatProblems } from "../health.js";
import { HEALTH_PATH } from "../health-http.js";

/** Usage of `npm run cli -- health`. */
export const HEALTH_USAGE = `usage: npm run cli -- health [--json]
  Checks the running bot (npm start) through its heartbeat file DATA_DIR/health.json, and GET ${HEALTH_PATH}
  when it serves HTTP. Exit 0 when the process is alive, its heartbeat recent and it is ready; 1 otherwise.`;

/** Where the command writes, and its clock (tests pass their own). */
export interface HealthIo {
  out: { write(text: string): unknown };
  now: () => Date;
}

/** The status of GET /healthz on this machine's port, or why it could not be asked. */
async function askHttp(port: number): Promise<{ line: string; ok: boolean }> {
  const url = `http://127.0.0.1:${port}${HEALTH_PATH}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return { line: `GET ${url}: ${res.status}`, ok: res.status === 200 };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    return { line: `GET ${url}: ${cause}`, ok: false };
  }
}

/** The heartbeat file's state, or the one line saying why there is none to read. */
function readState(file: string): HealthState | string {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as HealthState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return `not running: no heartbeat at ${file} (start the bot with a platform token set; or DATA_DIR differs)`;
    return `heartbeat at ${file} unreadable: ${(e as Error).message}`;
  }
}

/** `npm run cli -- health [--json]`: 0 when the running bot is alive, recent and ready; 1 otherwise; 2 for bad usage. */
export async function runHealth(
  args: string[],
  env: Record<string, string | undefined>,
  io: HealthIo = { out: process.stdout, now: () => new Date() },
): Promise<number> {
  let json = false;
  try {
    const { values } = parseArgs({ args, options: { json: { type: "boolean" }, help: { type: "boolean" } } });
    if (values.help) {
      io.out.write(`${HEALTH_USAGE}\n`);
      return 0;
    }
    json = values.json ?? false;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${HEALTH_USAGE}\n`);
    return 2;
  }
  const file = healthFile(parseConfig(env).DATA_DIR);
  const state = readState(file);
  if (typeof state === "string") {
    io.out.write(json ? `${JSON.stringify({ ok: false, problems: [state] })}\n` : `not ok: ${state}\n`);
    return 1;
  }
  const problems = heartbeatProblems(state, io.now(), processAlive(state.pid));
  const http = state.httpPort ? await askHttp(state.httpPort) : null;
  if (http && !http.ok) problems.push(http.line);
  const ok = problems.length === 0;
  if (json) io.out.write(`${JSON.stringify({ ok, problems, ...state, http: http?.line ?? null })}\n`);
  else {
    const lines = [
      `${ok ? "ok" : "not ok"}: ${state.phase}, pid ${state.pid}, since ${state.started}`,
      `platforms: ${state.platforms.join(", ") || "none yet"}`,
      `last heartbeat: ${state.heartbeat}`,
      ...(http ? [http.line] : []),
      ...problems.map((p) => `problem: ${p}`),
    ];
    io.out.write(`${lines.join("\n")}\n`);
  }
  return ok ? 0 : 1;
}
