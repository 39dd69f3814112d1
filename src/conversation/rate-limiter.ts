/**
 * Inline queries (@bot 问题 in any chat) allowed per question a user may ask: Telegram sends one at every pause
 * in typing, so a question typed in three bursts is three queries. Each is answered like a question.
 */
export const INLINE_QUERIES_PER_QUESTION = 3;

/** Milliseconds since the epoch; passed in so tests control time. */
export type Clock = () => number;

/** A sliding-window limit per key (a user): at most `limit` events in any `windowMs`. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();
  /** When each refused user was last told so. */
  private readonly told = new Map<string, number>();

  constructor(
    /** Events allowed per window, shown to a refused user. */
    readonly limit: number,
    private readonly clock: Clock,
    readonly windowMs = 60_000,
  ) {}

  /** Records an event for `key` and says whether it is within the limit (refused events are not recorded). */
  take(key: string): boolean {
    const now = this.clock();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.set(key, recent);
    // An admitted question ends a run of refusals: the next refusal is said again.
    this.told.delete(key);
    this.prune(now);
    return true;
  }

  /**
   * Whether a refused user should be told: once a run of refusals (and at most once a window), so that a flood
   * of messages past the limit gets one refusal, not one each. Records the telling.
   */
  tellRefusal(key: string): boolean {
    const now = this.clock();
    const last = this.told.get(key);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.told.set(key, now);
    return true;
  }

  /** Drops users with no recent events, so memory stays bounded by the active users of one window. */
  private prune(now: number): void {
    if (this.events.size < 10_000) return;
    for (const [key, times] of this.events) {
      if (times.every((t) => now - t >= this.windowMs)) this.events.delete(key);
    }
    for (const [key, at] of this.told) if (now - at >= this.windowMs) this.told.delete(key);
  }
}
