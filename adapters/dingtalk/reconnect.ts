/** How a dropped stream is opened again: delays doubling from the first to a cap, then giving up. */
export interface ReconnectPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts after a drop before the adapter gives up (and the process is restarted by its supervisor). */
  maxAttempts: number;
}

/** 1, 2, 4 … 30 s: ten attempts are about three minutes of trying. */
export const DINGTALK_RECONNECT: ReconnectPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
};

/** What the reconnector reports: each failed attempt, and giving up. */
export interface ReconnectEvents {
  retrying(attempt: number, delayMs: number, error: unknown): void;
  gaveUp(attempts: number, error: unknown): void;
}

/**
 * Opens a dropped connection again: one attempt in flight at a time, each after a capped, doubling delay, at most
 * `maxAttempts` in a row; a connection that then stays up for the longest delay starts the count again (one that
 * a flapping gateway closes at once does not); after stop() nothing more is tried.
 */
export class Reconnector {
  private attempts = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;
  private stopped = false;
  /** When the last attempt opened the connection (ms on `now`), or null. */
  private openedAt: number | null = null;

  constructor(
    private readonly open: () => Promise<void>,
    private readonly policy: ReconnectPolicy,
    private readonly events: ReconnectEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /** The connection dropped (or an attempt failed): try again after the next delay, unless one is under way. */
  dropped(error: unknown = null): void {
    if (this.stopped || this.timer !== null || this.inFlight) return;
    if (this.openedAt !== null && this.now() - this.openedAt >= this.policy.maxDelayMs) this.attempts = 0;
    this.openedAt = null;
    if (this.attempts >= this.policy.maxAttempts) {
      this.stopped = true;
      this.events.gaveUp(this.attempts, error);
      return;
    }
    const delay = Math.min(this.policy.firstDelayMs * 2 ** this.attempts, this.policy.maxDelayMs);
    this.attempts += 1;
    if (this.attempts > 1) this.events.retrying(this.attempts - 1, delay, error);
    this.timer = setTimeout(() => void this.attempt(), delay);
  }

  /** No attempt after this one, and none scheduled. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    this.inFlight = true;
    try {
      await this.open();
      this.openedAt = this.now();
      this.inFlight = false;
    } catch (e) {
      this.inFlight = false;
      this.dropped(e);
    }
  }
}
