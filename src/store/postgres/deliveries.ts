import type { PgPool } from "../../pg/pool.js";
import { type DeliveryRepo, type DeliveryRow, toDelivery } from "../deliveries.js";

/**
 * The deliveries table on PostgreSQL, with SQLite's rules: a claim is an INSERT … ON CONFLICT DO NOTHING on
 * UNIQUE (subscription_id, digest_date), so of two replicas claiming the same day one gets the row and the other
 * nothing; a takeover is one conditional UPDATE, so of two replicas taking over an expired claim one wins.
 */
export function postgresDeliveryRepo(pool: PgPool): DeliveryRepo {
  const iso = (d: Date) => d.toISOString();
  const one = async (sql: string, params: unknown[]) => {
    const row = (await pool.query<DeliveryRow>(sql, params)).rows[0];
    return row ? toDelivery(row) : null;
  };
  const changed = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rowCount === 1;
  const finish = async (id: number, status: string, sentAt: string | null, error: string | null) =>
    void (await pool.query(
      "UPDATE deliveries SET status = $1, sent_at = $2, error = $3, owner = NULL, lease_until = NULL WHERE id = $4",
      [status, sentAt, error, id],
    ));
  return {
    claim: (sub, date, owner, now, until) =>
      one(
        `INSERT INTO deliveries (subscription_id, digest_date, status, claimed_at, owner, lease_until)
         VALUES ($1, $2, 'claimed', $3, $4, $5) ON CONFLICT (subscription_id, digest_date) DO NOTHING RETURNING *`,
        [sub, date, iso(now), owner, iso(until)],
      ),
    // A released claim (owner NULL) is resumed without counting as a new attempt.
    takeOver: (id, owner, now, until) =>
      changed(
        `UPDATE deliveries SET attempts = attempts + (owner IS NOT NULL)::int, owner = $1, lease_until = $2
         WHERE id = $3 AND status = 'claimed' AND (lease_until IS NULL OR lease_until <= $4)`,
        [owner, iso(until), id, iso(now)],
      ),
    renew: (id, owner, until) =>
      changed("UPDATE deliveries SET lease_until = $1 WHERE id = $2 AND owner = $3 AND status = 'claimed'", [
        iso(until),
        id,
        owner,
      ]),
    release: async (id, owner) =>
      void (await pool.query(
        "UPDATE deliveries SET owner = NULL, lease_until = NULL WHERE id = $1 AND owner = $2 AND status = 'claimed'",
        [id, owner],
      )),
    markSent: (id, now) => finish(id, "sent", iso(now), null),
    markSkipped: (id) => finish(id, "skipped", null, null),
    markFailed: (id, now, error) => finish(id, "failed", null, `${iso(now)} ${error}`),
    markUnknown: (id, now, error) => finish(id, "unknown", null, `${iso(now)} ${error}`),
    get: (sub, date) =>
      one("SELECT * FROM deliveries WHERE subscription_id = $1 AND digest_date = $2", [sub, date]),
    lastSent: (sub) =>
      one(
        "SELECT * FROM deliveries WHERE subscription_id = $1 AND status = 'sent' ORDER BY claimed_at DESC LIMIT 1",
        [sub],
      ),
    lastDelivered: (sub) =>
      one(
        `SELECT * FROM deliveries WHERE subscription_id = $1 AND status IN ('sent', 'unknown')
         ORDER BY claimed_at DESC LIMIT 1`,
        [sub],
      ),
    unfinished: async () =>
      (
        await pool.query<DeliveryRow>("SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY id")
      ).rows.map(toDelivery),
  };
}
