import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** How often the running bot rewrites its heartbeat file. */
export const HEARTBEAT_MS = 5_000;

/** A heartbeat older than this many intervals means the bot is stuck or gone. */
export const STALE_AFTER_BEATS = 3;

/** Where a bot is in its life: HTTP health says 200 only when `ready`. */
export type Phase = "starting" | "ready" | "stopping";

/** What the heartbeat file holds (DATA_DIR/health.json), and what GET /healthz reports. */
export interface HealthState {
  pid: number;
  started: string;
  phase: Phase;
  ready: boolean;
  /** The running platforms, e.g. ["telegram (polling)", "slack (HTTP)"]. */
  platforms: string[];
  /** The port serving GET /healthz, when the bot serves HTTP. */
  httpPort: number | null;
  heartbeat: string;
}

/** The heartbeat file of a data directory. */
export function healthFile(dataDir: string): string {
  return join(dataDir, "health.json");
}

/** The live health of this process: starting until the index is loaded and the platforms are up. */
export class Health {
  private phase: Phase = "starting";
  private platforms: string[] = [];
  private httpPort: number | null = null;
  private readonly started: Date;

  constructor(private readonly clock: () => Date = () => new Date()) {
    this.started = clock();
  }

  /** Ready to answer: the index is loaded and every platform is connected. */
  markReady(platforms: string[], httpPort: number | null): void {
    this.platforms = platforms;
    this.httpPort = httpPort;
    this.phase = "ready";
  }

  /** Shutting down: no longer ready, so a load balancer stops sending requests. */
  markStopping(): void {
    this.phase = "stopping";
  }

  /** The state now. */
  state(): HealthState {
    return {
      pid: process.pid,
      started: this.started.toISOString(),
      phase: this.phase,
      ready: this.phase === "ready",
      platforms: this.platforms,
      httpPort: this.httpPort,
      heartbeat: this.clock().toISOString(),
    };
  }
}

/** Writes a file whole or not at all: a reader never sees half a heartbeat. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Rewrites the heartbeat file now and every `intervalMs` (the timer does not keep the process alive); stop()
 * removes it, so a clean exit leaves no heartbeat behind. A failed write is logged, never fatal.
 */
export function startHeartbeat(
  health: Health,
  file: string,
  log: (line: string) => void,
  intervalMs = HEARTBEAT_MS,
): { beat(): void; stop(): void } {
  let failing = false;
  const beat = () => {
    try {
      writeAtomically(file, `${JSON.stringify(health.state())}\n`);
      failing = false;
    } catch (e) {
      if (!failing) log(`heartbeat not written to ${file}: ${(e as Error).message}`);
      failing = true;
    }
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return {
    beat,
    stop() {
      clearInterval(timer);
      rmSync(file, { force: true });
    },
  };
}

/** What is wrong with a heartbeat read at `now`: nothing when the bot is alive, recent and ready. */
export function heartbeatProblems(
  state: HealthState,
  now: Date,
  alive: boolean,
  intervalMs = HEARTBEAT_MS,
): string[] {
  const problems: string[] = [];
  if (!alive) problems.push(`process ${state.pid} is not running`);
  const age = now.getTime() - Date.parse(state.heartbeat);
  if (!(age <= intervalMs * STALE_AFTER_BEATS))
    problems.push(`last heartbeat ${Math.round(age / 1000)} s ago (written every ${intervalMs / 1000} s)`);
  if (!state.ready) problems.push(`not ready: ${state.phase}`);
  return problems;
}
