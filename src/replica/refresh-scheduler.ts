/** Timers, passed in so that tests can run them (defaults: the global ones). */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The global timers. */
export const SYSTEM_TIMERS: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What a replica's refreshes need. */
export interface RefreshOptions {
  /** The corpus version as the database has it now. */
  readVersion: () => Promise<number>;
  /** Reloads what this replica keeps of the corpus (engine.refresh). */
  refresh: () => Promise<void>;
  /** One line when refreshing starts failing, and one when it works again. */
  log: (line: string) => void;
  /** The version this replica's state already reflects. */
  version: number;
  /** How long a burst of requests is gathered into one check (default 200 ms). */
  debounceMs?: number;
  timers?: Timers;
}

/** Refreshes on request, when the corpus version moved. */
export interface RefreshScheduler {
  /** Asks for a check after the debounce (or after `delayMs`). */
  request(delayMs?: number): void;
  /** Records a version this replica reached itself (its own sync): no refresh is needed for it. */
  seen(version: number): void;
  /** The version this replica's state reflects. */
  version(): number;
  /** Stops; resolves once a refresh under way is done. */
  stop(): Promise<void>;
}

/**
 * Checks the corpus version on request and refreshes when it moved: requests in a burst make one check, never two
 * run at once, and a request during a check leads to one more check after it.
 */
export function createRefreshScheduler(o: RefreshOptions): RefreshScheduler {
  const timers = o.timers ?? SYSTEM_TIMERS;
  let version = o.version;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let failing = false;
  let stopped = false;

  const check = async () => {
    const now = await o.readVersion();
    if (now === version) return;
    await o.refresh();
    version = Math.max(version, now);
  };
  const run = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = check()
      .then(() => {
        if (failing) o.log("corpus: refreshing from the database works again");
        failing = false;
      })
      .catch((e: unknown) => {
        if (!failing) o.log(`corpus: could not refresh from the database: ${(e as Error).message}`);
        failing = true;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          request(0);
        }
      });
  };
  const request = (delayMs = o.debounceMs ?? 200) => {
    if (stopped || timer) return;
    timer = timers.setTimeout(run, delayMs);
  };
  return {
    request,
    seen: (v) => {
      version = Math.max(version, v);
    },
    version: () => version,
    stop: async () => {
      stopped = true;
      if (timer) timers.clearTimeout(timer);
      await running;
    },
  };
}
