import { SYSTEM_TIMERS, type Timers } from "./refresh-scheduler.js";

/** A sync to run again later because another replica held the lock. */
export interface SyncRetry {
  /** Runs the attempt after the delay (once, however often asked before it runs), and again while it is busy. */
  request(): void;
  stop(): void;
}

/** What a retry needs: the attempt (handling its own errors) and how long to wait between attempts. */
export interface SyncRetryOptions {
  attempt: () => Promise<"busy" | "done">;
  delayMs: number;
  timers?: Timers;
}

/**
 * Retries a file-watch sync skipped because another replica held the corpus-sync lock: the holder may have read
 * the directory before the change this sync was for, so skipping it could lose that change until the next one.
 */
export function retryWhileBusy(o: SyncRetryOptions): SyncRetry {
  const timers = o.timers ?? SYSTEM_TIMERS;
  let timer: unknown = null;
  let stopped = false;
  const request = (): void => {
    if (stopped || timer) return;
    timer = timers.setTimeout(async () => {
      timer = null;
      if (stopped) return;
      if ((await o.attempt()) === "busy") request();
    }, o.delayMs);
  };
  return {
    request,
    stop: () => {
      stopped = true;
      if (timer) timers.clearTimeout(timer);
    },
  };
}
