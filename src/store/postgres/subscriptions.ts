import type { PgPool } from "../../pg/pool.js";
import {
  type Subscription,
  type SubscriptionRepo,
  type SubscriptionRow,
  toSubscription,
} from "../subscriptions.js";

/** The subscriptions table on PostgreSQL. */
export function postgresSubscriptionRepo(pool: PgPool): SubscriptionRepo {
  const rows = async (sql: string, params: unknown[] = []) =>
    (await pool.query<SubscriptionRow>(sql, params)).rows.map(toSubscription);
  const one = async (sql: string, params: unknown[]) => (await rows(sql, params))[0] ?? null;
  return {
    upsert: async (input, now) =>
      (await one(
        `INSERT INTO subscriptions (platform, chat_id, time, time_zone, topics, subscribed_by, created_at, want_empty)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (platform, chat_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
           topics = excluded.topics, subscribed_by = excluded.subscribed_by, want_empty = excluded.want_empty,
           paused = FALSE, paused_reason = NULL
         RETURNING *`,
        [
          input.platform,
          input.chatId,
          input.time,
          input.timeZone,
          JSON.stringify(input.topics),
          input.subscribedBy,
          now.toISOString(),
          input.wantEmpty,
        ],
      )) as Subscription,
    get: (platform, chatId) =>
      one("SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2", [platform, chatId]),
    byId: (id) => one("SELECT * FROM subscriptions WHERE id = $1", [id]),
    remove: async (platform, chatId) =>
      ((
        await pool.query("DELETE FROM subscriptions WHERE platform = $1 AND chat_id = $2", [platform, chatId])
      ).rowCount ?? 0) > 0,
    active: () => rows("SELECT * FROM subscriptions WHERE NOT paused ORDER BY id"),
    pause: async (id, reason) =>
      void (await pool.query("UPDATE subscriptions SET paused = TRUE, paused_reason = $1 WHERE id = $2", [
        reason,
        id,
      ])),
  };
}
