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
  return new Refreshes(o);
}

class Refreshes implements RefreshScheduler {
  private current: number;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failing = false;
  private stopped = false;
  private readonly timers: Timers;

  constructor(private readonly o: RefreshOptions) {
    this.current = o.version;
    this.timers = o.timers ?? SYSTEM_TIMERS;
  }

  request(delayMs = this.o.debounceMs ?? 200): void {
    if (this.stopped || this.timer) return;
    this.timer = this.timers.setTimeout(() => this.run(), delayMs);
  }

  seen(version: number): void {
    this.current = Math.max(this.current, version);
  }

  version(): number {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.timers.clearTimeout(this.timer);
    await this.running;
  }

  private run(): void {
    this.timer = null;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.check()
      .then(
        () => this.healthy(true),
        (e: unknown) => this.healthy(false, e),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.request(0);
        }
      });
  }

  private async check(): Promise<void> {
    const now = await this.o.readVersion();
    if (now === this.current) return;
    await this.o.refresh();
    this.seen(now);
  }

  /** One line when refreshing starts failing (a database gone), one when it works again. */
  private healthy(ok: boolean, e?: unknown): void {
    if (ok && this.failing) this.o.log("corpus: refreshing from the database works again");
    if (!ok && !this.failing)
      this.o.log(`corpus: could not refresh from the database: ${(e as Error).message}`);
    this.failing = !ok;
  }
}
