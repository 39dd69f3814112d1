/**
 * Counts the updates being handled, so that a shutdown can stop taking new ones and then wait for these to
 * finish their replies (up to a bound) before the store is closed.
 */
export class InFlight {
  private running = 0;
  private waiters: Array<() => void> = [];

  /** Handlers under way now. */
  get count(): number {
    return this.running;
  }

  /** Runs `work`, counted until it settles (either way). */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves true once nothing is running, or false after `timeoutMs` with handlers still under way. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
