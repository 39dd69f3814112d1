import { Cron } from "croner";
import type { Delivery } from "../store/deliveries.js";
import type { Store } from "../store/open-store.js";
import type { Platform, Subscription } from "../store/subscriptions.js";
import type { DigestSource } from "./build-digest.js";
import { type DeliveryOutcome, type DigestSend, deliverClaimed } from "./deliver.js";
import { localParts } from "./local-time.js";

/** How to build a scheduler; `platforms` lists those with a sender (other subscriptions wait, unclaimed). */
export interface SchedulerOptions {
  store: Store;
  source: DigestSource;
  send: DigestSend;
  platforms: Platform[];
  clock?: () => Date;
  log?: (line: string) => void;
}

/** What one tick did, per subscription id. */
export interface TickReport {
  sent: number[];
  skipped: number[];
  failed: number[];
}

/** Runs the daily digests: `tick(now)` delivers what is due; `start()` ticks every minute with croner. */
export class DigestScheduler {
  private recovered = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly clock: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly o: SchedulerOptions) {
    this.clock = o.clock ?? (() => new Date());
    this.log = o.log ?? ((line) => console.error(line));
  }

  /** Delivers every digest due at `now`; ticks run one after another, never overlapping. */
  tick(now: Date): Promise<TickReport> {
    const run = this.queue.then(() => this.runTick(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ticks now (catching up a digest missed while down) and then at every minute; stop() ends it. */
  start(): { stop(): void } {
    const tick = async (): Promise<void> => {
      try {
        await this.tick(this.clock());
      } catch (e) {
        this.log(`digest: tick failed: ${(e as Error).stack ?? e}`);
      }
    };
    const cron = new Cron("* * * * *", { protect: true }, tick);
    void tick();
    return { stop: () => cron.stop() };
  }

  private async runTick(now: Date): Promise<TickReport> {
    const report: TickReport = { sent: [], skipped: [], failed: [] };
    const record = (sub: Subscription, outcome: DeliveryOutcome) => report[outcome].push(sub.id);
    if (!this.recovered) {
      this.recovered = true;
      for (const [sub, row] of this.recoverable(now)) record(sub, await this.deliver(sub, row, now));
    }
    for (const sub of this.o.store.subscriptions.active()) {
      if (!this.o.platforms.includes(sub.platform) || !isDue(sub, now)) continue;
      // The UNIQUE (subscription, date) claim is what keeps a day's digest from going out twice.
      const row = this.o.store.deliveries.claim(sub.id, localParts(now, sub.timeZone).date, now);
      if (row) record(sub, await this.deliver(sub, row, now));
    }
    return report;
  }

  private deliver(sub: Subscription, row: Delivery, now: Date): Promise<DeliveryOutcome> {
    return deliverClaimed({ ...this.o, log: this.log }, sub, row, now);
  }

  /**
   * Claims a previous process left unfinished (it stopped between claim and send): each is retried once, on
   * its own local day; a second interruption, another day, or a paused subscription makes it failed instead.
   */
  private recoverable(now: Date): Array<[Subscription, Delivery]> {
    const out: Array<[Subscription, Delivery]> = [];
    const { deliveries, subscriptions } = this.o.store;
    for (const row of deliveries.unfinished()) {
      const sub = subscriptions.byId(row.subscriptionId);
      if (sub && !this.o.platforms.includes(sub.platform)) continue; // its adapter is not running here
      const today = sub ? localParts(now, sub.timeZone).date : null;
      const why =
        !sub || sub.paused ? "subscription paused" : row.digestDate !== today ? "a later day" : null;
      if (why || row.attempts >= 2 || !sub || !deliveries.reclaim(row.id, now)) {
        deliveries.markFailed(
          row.id,
          now,
          `interrupted before sending; not retried (${why ?? "already retried"})`,
        );
        this.log(
          `digest: unfinished delivery ${row.id} (${row.digestDate}) given up: ${why ?? "already retried"}`,
        );
        continue;
      }
      this.log(`digest: retrying delivery ${row.id} (${row.digestDate}) interrupted by a restart`);
      out.push([sub, { ...row, attempts: row.attempts + 1, claimedAt: now.toISOString() }]);
    }
    return out;
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
