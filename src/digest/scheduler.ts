import { setTimeout as sleep } from "node:timers/promises";
import { Cron } from "croner";
import type { Delivery } from "../store/deliveries.js";
import type { Store } from "../store/open-store.js";
import type { Platform, Subscription } from "../store/subscriptions.js";
import type { DigestSource } from "./build-digest.js";
import type { DigestChannel } from "./channel.js";
import { type DeliveryOutcome, deliverClaimed } from "./deliver.js";
import { DELIVERY_POLICY, type DeliveryPolicy } from "./delivery-policy.js";
import { type DigestLog, STDERR_DIGEST_LOG } from "./digest-log.js";
import { localParts } from "./local-time.js";
import { takeOverExpired } from "./recover.js";

/** How to build a scheduler; subscriptions of a platform without a channel wait, unclaimed. */
export interface SchedulerOptions {
  store: Store;
  source: DigestSource;
  channels: Partial<Record<Platform, DigestChannel>>;
  /** This process's owner id: the adapter makes it from the process id and a random instance id. */
  owner: string;
  clock?: () => Date;
  log?: DigestLog;
  policy?: DeliveryPolicy;
  /** Waits before a retry (tests pass a fake); must settle when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What one tick did, per subscription id. */
export type TickReport = Record<DeliveryOutcome, number[]>;

const emptyReport = (): TickReport => ({
  sent: [],
  skipped: [],
  failed: [],
  unknown: [],
  released: [],
  lost: [],
});

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  sleep(ms, undefined, { signal }).catch(() => undefined);

/**
 * Runs the daily digests: `tick(now)` delivers what is due and resumes claims other owners left; `start()` ticks
 * every minute with croner; `stop(giveUp)` lets the message being sent finish (or gives it up when `giveUp`
 * aborts), releases the rest, and resolves then.
 */
export class DigestScheduler {
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Aborted at stop(): a retry wait ends. */
  private readonly waits = new AbortController();
  /** Aborted when stop()'s time is up: the send in flight is given up. */
  private readonly sends = new AbortController();
  private readonly clock: () => Date;
  private readonly log: DigestLog;
  private readonly policy: DeliveryPolicy;
  /** The tick's instant and the clock then: a lease is renewed at that instant plus the time elapsed since. */
  private base = { tick: 0, clock: 0 };

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? (() => new Date());
    this.log = o.log ?? STDERR_DIGEST_LOG;
    this.policy = o.policy ?? DELIVERY_POLICY;
  }

  /** Delivers every digest due at `now`; ticks run one after another, never overlapping. */
  tick(now: Date): Promise<TickReport> {
    const run = this.queue.then(() => this.runTick(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ticks now (catching up a digest missed while down) and then at every minute; stop() ends it. */
  start(): { stop(giveUp?: AbortSignal): Promise<void> } {
    const tick = async (): Promise<void> => {
      try {
        await this.tick(this.clock());
      } catch (e) {
        this.log.error(`digest: tick failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    const cron = new Cron("* * * * *", { protect: true }, tick);
    void tick();
    return {
      stop: (giveUp) => {
        cron.stop();
        return this.stop(giveUp);
      },
    };
  }

  /**
   * No new sends; the one in flight finishes and is recorded, a retry wait ends; resolves when the tick is done.
   * When `giveUp` aborts first (the shutdown's time is up), the send in flight is given up at once: recorded
   * unknown and the claim released, before the caller closes the store.
   */
  async stop(giveUp?: AbortSignal): Promise<void> {
    this.stopped = true;
    this.waits.abort();
    const abandon = () => this.sends.abort();
    if (giveUp?.aborted) abandon();
    giveUp?.addEventListener("abort", abandon, { once: true });
    try {
      await this.queue;
    } finally {
      giveUp?.removeEventListener("abort", abandon);
    }
  }

  private platforms(): Platform[] {
    return (Object.keys(this.o.channels) as Platform[]).filter((p) => this.o.channels[p]);
  }

  private async runTick(now: Date): Promise<TickReport> {
    const report = emptyReport();
    if (this.stopped) return report;
    this.base = { tick: now.getTime(), clock: this.clock().getTime() };
    const record = (sub: Subscription, outcome: DeliveryOutcome) => report[outcome].push(sub.id);
    const ctx = { ...this.o, platforms: this.platforms(), policy: this.policy, log: this.log };
    for (const [sub, row] of await takeOverExpired(ctx, now)) {
      if (this.stopped) await this.o.store.deliveries.release(row.id, this.o.owner);
      else record(sub, await this.deliver(sub, row));
    }
    const leaseUntil = new Date(now.getTime() + this.policy.leaseMs);
    for (const sub of await this.o.store.subscriptions.active()) {
      if (this.stopped) break;
      if (!this.o.channels[sub.platform] || !isDue(sub, now)) continue;
      // UNIQUE (subscription, date): one row per day, so a second owner's claim of the same day gets nothing.
      const date = localParts(now, sub.timeZone).date;
      const row = await this.o.store.deliveries.claim(sub.id, date, this.o.owner, now, leaseUntil);
      if (row) record(sub, await this.deliver(sub, row));
    }
    return report;
  }

  private deliver(sub: Subscription, row: Delivery): Promise<DeliveryOutcome> {
    const channel = this.o.channels[sub.platform] as DigestChannel;
    const wait = this.o.sleep ?? abortableSleep;
    return deliverClaimed(
      {
        store: this.o.store,
        source: this.o.source,
        channel,
        owner: this.o.owner,
        policy: this.policy,
        now: () => new Date(this.base.tick + (this.clock().getTime() - this.base.clock)),
        wait: (ms) => wait(ms, this.waits.signal),
        stopping: () => this.stopped,
        abandon: this.sends.signal,
        log: this.log,
      },
      sub,
      row,
    );
  }
}

/** Due: the local time has reached the subscription's time, and today's time was not already past at subscribing. */
export function isDue(sub: Subscription, now: Date): boolean {
  const local = localParts(now, sub.timeZone);
  if (local.time < sub.time) return false;
  const created = localParts(new Date(sub.createdAt), sub.timeZone);
  // Subscribed at 10:00 for 09:00: the first digest is tomorrow's, not one right away.
  return !(created.date === local.date && created.time > sub.time);
}
