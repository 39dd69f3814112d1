import type { Health } from "./health.js";
import type { InFlight } from "./in-flight.js";
import type { Log } from "./log.js";

/**
 * One step of a shutdown; `run` may return a promise (a digest runner's stop(), a platform's). `giveUp` aborts
 * GIVE_UP_RESERVE_MS before the step's bound: a step waiting for work under way (a digest send) abandons it then
 * and records that, while the store is still open.
 */
export interface Step {
  name: string;
  run(giveUp: AbortSignal): unknown;
}

/** How long before a step's bound it is told to give up, to record what it abandons (at most half the bound). */
export const GIVE_UP_RESERVE_MS = 1000;

/** What a shutdown stops, waits for and closes, in that order. */
export interface ShutdownPlan {
  health: Health;
  log: Log;
  inFlight: InFlight;
  /** The bound on each wait: for a step to stop taking work, and for the replies under way. */
  timeoutMs: number;
  /** Stop taking new work (the corpus watcher, the platforms, the digests); run together. */
  intake: Step[];
  /** After the replies under way have finished: flush and close (snapshot, heartbeat, store); run in order. */
  close: Step[];
}

/** Resolves "done", "timeout" or the error, whichever first: a stuck step must not hold the exit forever. */
async function bounded(step: Step, ms: number): Promise<"done" | "timeout" | Error> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  const giveUp = new AbortController();
  const warning = setTimeout(() => giveUp.abort(), ms - Math.min(GIVE_UP_RESERVE_MS, ms / 2));
  try {
    const run = Promise.resolve()
      .then(() => step.run(giveUp.signal))
      .then(
        () => "done" as const,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
    return await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
    clearTimeout(warning);
  }
}

/**
 * A graceful shutdown: not ready any more, stop taking updates, wait (up to a bound) for the replies under way,
 * then close each resource once. The returned function can be called any number of times (a signal to the
 * process group, then one relayed by a parent, then Ctrl-C again): every call gets the one shutdown's promise.
 */
export function planShutdown(plan: ShutdownPlan): (reason: string) => Promise<void> {
  let running: Promise<void> | null = null;
  const { log } = plan;
  const shutdown = async (reason: string) => {
    plan.health.markStopping();
    log.info({ reason, in_flight: plan.inFlight.count }, `${reason}: stopping`);
    const stopped = await Promise.all(plan.intake.map((s) => bounded(s, plan.timeoutMs)));
    stopped.forEach((outcome, i) => {
      const name = plan.intake[i]?.name;
      if (outcome === "timeout") log.warn(`${name} did not stop within ${plan.timeoutMs} ms; going on`);
      else if (outcome instanceof Error)
        log.warn({ err: outcome }, `${name} stop failed: ${outcome.message}`);
    });
    const waiting = plan.inFlight.count;
    const idle = await plan.inFlight.idle(plan.timeoutMs);
    if (!idle)
      log.warn(`${plan.inFlight.count} replies still under way after ${plan.timeoutMs} ms; closing anyway`);
    else if (waiting > 0) log.info(`${waiting} replies under way finished`);
    for (const step of plan.close) {
      const outcome = await bounded(step, plan.timeoutMs);
      if (outcome === "timeout") log.warn(`${step.name} did not close within ${plan.timeoutMs} ms; going on`);
      else if (outcome instanceof Error)
        log.error({ err: outcome }, `${step.name} failed: ${outcome.message}`);
    }
    log.info("stopped");
  };
  return (reason) => {
    if (running) log.info(`${reason}: already stopping`);
    running ??= shutdown(reason);
    return running;
  };
}

/** SIGINT and SIGTERM run the shutdown, then exit 0; repeated signals join it rather than kill the process. */
export function onSignals(shutdown: (reason: string) => Promise<void>, exit: (code: number) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      shutdown(signal).then(
        () => exit(0),
        () => exit(1),
      );
    });
}
