import type { Database } from "better-sqlite3";

/**
 * claimed: an owner is delivering it; sent: every part acknowledged; skipped: nothing new that day; failed: the
 * platform refused, or retries ran out (not delivered); unknown: a part may have arrived and is not sent again.
 */
export type DeliveryStatus = "claimed" | "sent" | "skipped" | "failed" | "unknown";

/** One day's digest for one subscription. */
export interface Delivery {
  id: number;
  subscriptionId: number;
  /** Local date in the subscription's time zone, "YYYY-MM-DD". */
  digestDate: string;
  status: DeliveryStatus;
  /** How many owners have claimed it (a takeover after a crash adds one; a released claim does not). */
  attempts: number;
  /** ISO time of the first claim: the digest covers documents first seen up to this instant. */
  claimedAt: string;
  /** The process delivering it ("pid-instance"); null once finished or released. */
  owner: string | null;
  /** ISO time until which the owner's claim is live; another owner may take it over only after that. */
  leaseUntil: string | null;
  sentAt: string | null;
  error: string | null;
}

/** The delivery log: one row per subscription and day, claimed by one owner at a time. */
export interface DeliveryRepo {
  /** Claims a day's digest for `owner` until `leaseUntil`; null when a row for that day already exists. */
  claim(
    subscriptionId: number,
    digestDate: string,
    owner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<Delivery | null>;
  /**
   * Takes over a claim whose lease has expired (its owner crashed or released it); false when the claim is
   * live, finished, or was taken by someone else first.
   */
  takeOver(id: number, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Extends the owner's lease; false when the row is no longer this owner's claim. */
  renew(id: number, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Gives a claim up so that another owner (or the next start) may resume it at once. */
  release(id: number, owner: string): Promise<void>;
  markSent(id: number, now: Date): Promise<void>;
  markSkipped(id: number): Promise<void>;
  markFailed(id: number, now: Date, error: string): Promise<void>;
  markUnknown(id: number, now: Date, error: string): Promise<void>;
  get(subscriptionId: number, digestDate: string): Promise<Delivery | null>;
  /** The latest sent digest of a subscription, if any (what /digest status shows). */
  lastSent(subscriptionId: number): Promise<Delivery | null>;
  /**
   * The latest digest that went out, sent or unknown (it may well have arrived; never sent again): the next
   * digest covers what was first seen after it. A failed or skipped one sent nothing.
   */
  lastDelivered(subscriptionId: number): Promise<Delivery | null>;
  /** Rows still claimed, live or not. */
  unfinished(): Promise<Delivery[]>;
}

/** A deliveries row as both backends return it. */
export interface DeliveryRow {
  id: number;
  subscription_id: number;
  digest_date: string;
  status: DeliveryStatus;
  attempts: number;
  claimed_at: string;
  owner: string | null;
  lease_until: string | null;
  sent_at: string | null;
  error: string | null;
}

/** A row as a Delivery. */
export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  digestDate: r.digest_date,
  status: r.status,
  attempts: r.attempts,
  claimedAt: r.claimed_at,
  owner: r.owner,
  leaseUntil: r.lease_until,
  sentAt: r.sent_at,
  error: r.error,
});

/** The deliveries table; UNIQUE(subscription_id, digest_date) makes a claim exclusive, the lease keeps it so. */
export function deliveryRepo(db: Database): DeliveryRepo {
  const claim = db.prepare(
    `INSERT INTO deliveries (subscription_id, digest_date, status, claimed_at, owner, lease_until)
     VALUES (?, ?, 'claimed', ?, ?, ?) ON CONFLICT (subscription_id, digest_date) DO NOTHING`,
  );
  // ISO times compare as text. A released claim (owner NULL) is resumed without counting as a new attempt.
  const takeOver = db.prepare(
    `UPDATE deliveries SET attempts = attempts + (owner IS NOT NULL), owner = ?, lease_until = ?
     WHERE id = ? AND status = 'claimed' AND (lease_until IS NULL OR lease_until <= ?)`,
  );
  const renew = db.prepare(
    "UPDATE deliveries SET lease_until = ? WHERE id = ? AND owner = ? AND status = 'claimed'",
  );
  const release = db.prepare(
    "UPDATE deliveries SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ? AND status = 'claimed'",
  );
  const finish = db.prepare(
    "UPDATE deliveries SET status = ?, sent_at = ?, error = ?, owner = NULL, lease_until = NULL WHERE id = ?",
  );
  const get = db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND digest_date = ?");
  const lastSent = db.prepare(
    "SELECT * FROM deliveries WHERE subscription_id = ? AND status = 'sent' ORDER BY claimed_at DESC LIMIT 1",
  );
  const lastDelivered = db.prepare(
    `SELECT * FROM deliveries WHERE subscription_id = ? AND status IN ('sent', 'unknown')
     ORDER BY claimed_at DESC LIMIT 1`,
  );
  const unfinished = db.prepare("SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY id");
  const one = (row: unknown) => (row ? toDelivery(row as DeliveryRow) : null);
  const iso = (d: Date) => d.toISOString();
  return {
    claim: async (sub, date, owner, now, until) =>
      claim.run(sub, date, iso(now), owner, iso(until)).changes === 1 ? one(get.get(sub, date)) : null,
    takeOver: async (id, owner, now, until) => takeOver.run(owner, iso(until), id, iso(now)).changes === 1,
    renew: async (id, owner, until) => renew.run(iso(until), id, owner).changes === 1,
    release: async (id, owner) => void release.run(id, owner),
    markSent: async (id, now) => void finish.run("sent", iso(now), null, id),
    markSkipped: async (id) => void finish.run("skipped", null, null, id),
    markFailed: async (id, now, error) => void finish.run("failed", null, `${iso(now)} ${error}`, id),
    markUnknown: async (id, now, error) => void finish.run("unknown", null, `${iso(now)} ${error}`, id),
    get: async (sub, date) => one(get.get(sub, date)),
    lastSent: async (sub) => one(lastSent.get(sub)),
    lastDelivered: async (sub) => one(lastDelivered.get(sub)),
    unfinished: async () => (unfinished.all() as DeliveryRow[]).map(toDelivery),
  };
}
