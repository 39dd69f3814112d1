import type { Database } from "better-sqlite3";

/** claimed: about to be sent; sent; skipped: nothing new that day; failed: the send threw. */
export type DeliveryStatus = "claimed" | "sent" | "skipped" | "failed";

/** One day's digest for one subscription. */
export interface Delivery {
  id: number;
  subscriptionId: number;
  /** Local date in the subscription's time zone, "YYYY-MM-DD". */
  digestDate: string;
  status: DeliveryStatus;
  /** 1 for the first claim, 2 after the one retry of a claim left behind by a crash. */
  attempts: number;
  /** ISO time of the (latest) claim: the digest covers documents first seen up to this instant. */
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
}

/** The delivery log that makes digests exactly-once. */
export interface DeliveryRepo {
  /** Claims a day's digest; null when a row for that day already exists (claimed, sent, skipped or failed). */
  claim(subscriptionId: number, digestDate: string, now: Date): Delivery | null;
  /** Takes over a claim left by a crashed process, once: false when it was already retried or is no longer claimed. */
  reclaim(id: number, now: Date): boolean;
  markSent(id: number, now: Date): void;
  markSkipped(id: number): void;
  markFailed(id: number, now: Date, error: string): void;
  get(subscriptionId: number, digestDate: string): Delivery | null;
  /** The latest sent digest of a subscription, if any. */
  lastSent(subscriptionId: number): Delivery | null;
  /** Rows still claimed (a process stopped between claim and send). */
  unfinished(): Delivery[];
}

interface Row {
  id: number;
  subscription_id: number;
  digest_date: string;
  status: DeliveryStatus;
  attempts: number;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}

const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  digestDate: r.digest_date,
  status: r.status,
  attempts: r.attempts,
  claimedAt: r.claimed_at,
  sentAt: r.sent_at,
  error: r.error,
});

/** The deliveries table; UNIQUE(subscription_id, digest_date) is what makes a claim exclusive. */
export function deliveryRepo(db: Database): DeliveryRepo {
  const claim = db.prepare(
    `INSERT INTO deliveries (subscription_id, digest_date, status, claimed_at) VALUES (?, ?, 'claimed', ?)
     ON CONFLICT (subscription_id, digest_date) DO NOTHING`,
  );
  const reclaim = db.prepare(
    `UPDATE deliveries SET attempts = attempts + 1, claimed_at = ?
     WHERE id = ? AND status = 'claimed' AND attempts = 1`,
  );
  const finish = db.prepare("UPDATE deliveries SET status = ?, sent_at = ?, error = ? WHERE id = ?");
  const get = db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND digest_date = ?");
  const lastSent = db.prepare(
    "SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' ORDER BY claimed_at DESC LIMIT 1",
  );
  const unfinished = db.prepare("SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY id");
  const one = (row: unknown) => (row ? toDelivery(row as Row) : null);
  return {
    claim: (sub, date, now) =>
      claim.run(sub, date, now.toISOString()).changes === 1 ? one(get.get(sub, date)) : null,
    reclaim: (id, now) => reclaim.run(now.toISOString(), id).changes === 1,
    markSent: (id, now) => void finish.run("sent", now.toISOString(), null, id),
    markSkipped: (id) => void finish.run("skipped", null, null, id),
    markFailed: (id, now, error) => void finish.run("failed", null, `${now.toISOString()} ${error}`, id),
    get: (sub, date) => one(get.get(sub, date)),
    lastSent: (sub) => one(lastSent.get(sub)),
    unfinished: () => (unfinished.all() as Row[]).map(toDelivery),
  };
}
