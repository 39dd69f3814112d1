import type { Database } from "better-sqlite3";

/** The platforms a digest can be delivered to. */
export type Platform = "telegram" | "slack";

/** A chat's daily digest subscription. */
export interface Subscription {
  id: number;
  platform: Platform;
  /** Telegram chat id or Slack channel id. */
  chatId: string;
  /** Local delivery time, "HH:MM". */
  time: string;
  /** IANA time zone of `time` and of the digest date. */
  timeZone: string;
  topics: string[];
  subscribedBy: string;
  /** ISO time. */
  createdAt: string;
  paused: boolean;
  pausedReason: string | null;
  /** Send a short 今日无新增 on days with nothing new. */
  wantEmpty: boolean;
}

/** What `/digest on` sets. */
export type SubscriptionInput = Omit<Subscription, "id" | "createdAt" | "paused" | "pausedReason">;

/** Digest subscriptions, one per chat. */
export interface SubscriptionRepo {
  /** Creates or updates a chat's subscription (and resumes it if paused); id and created_at are kept. */
  upsert(input: SubscriptionInput, now: Date): Promise<Subscription>;
  get(platform: Platform, chatId: string): Promise<Subscription | null>;
  byId(id: number): Promise<Subscription | null>;
  /** Ends a subscription (its delivery history goes with it); false when there was none. */
  remove(platform: Platform, chatId: string): Promise<boolean>;
  /** Subscriptions not paused. */
  active(): Promise<Subscription[]>;
  pause(id: number, reason: string): Promise<void>;
}

/** A subscriptions row as both backends return it (flags: SQLite 0/1, PostgreSQL booleans). */
export interface SubscriptionRow {
  id: number;
  platform: Platform;
  chat_id: string;
  time: string;
  time_zone: string;
  topics: string;
  subscribed_by: string;
  created_at: string;
  paused: number | boolean;
  paused_reason: string | null;
  want_empty: number | boolean;
}

/** A row as a Subscription. */
export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  time: r.time,
  timeZone: r.time_zone,
  topics: JSON.parse(r.topics) as string[],
  subscribedBy: r.subscribed_by,
  createdAt: r.created_at,
  paused: Boolean(r.paused),
  pausedReason: r.paused_reason,
  wantEmpty: Boolean(r.want_empty),
});

/** The subscriptions table. */
export function subscriptionRepo(db: Database): SubscriptionRepo {
  const upsert = db.prepare(
    `INSERT INTO subscriptions (platform, chat_id, time, time_zone, topics, subscribed_by, created_at, want_empty)
     VALUES (@platform, @chatId, @time, @timeZone, @topics, @subscribedBy, @createdAt, @wantEmpty)
     ON CONFLICT (platform, chat_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
       topics = excluded.topics, subscribed_by = excluded.subscribed_by, want_empty = excluded.want_empty,
       paused = 0, paused_reason = NULL`,
  );
  const get = db.prepare("SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ?");
  const byId = db.prepare("SELECT * FROM subscriptions WHERE id = ?");
  const remove = db.prepare("DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?");
  const active = db.prepare("SELECT * FROM subscriptions WHERE paused = 0 ORDER BY id");
  const pause = db.prepare("UPDATE subscriptions SET paused = 1, paused_reason = ? WHERE id = ?");
  const one = (row: unknown) => (row ? toSubscription(row as SubscriptionRow) : null);
  return {
    upsert: async (input, now) => {
      upsert.run({
        ...input,
        topics: JSON.stringify(input.topics),
        createdAt: now.toISOString(),
        wantEmpty: input.wantEmpty ? 1 : 0,
      });
      return one(get.get(input.platform, input.chatId)) as Subscription;
    },
    get: async (platform, chatId) => one(get.get(platform, chatId)),
    byId: async (id) => one(byId.get(id)),
    remove: async (platform, chatId) => remove.run(platform, chatId).changes > 0,
    active: async () => (active.all() as SubscriptionRow[]).map(toSubscription),
    pause: async (id, reason) => void pause.run(reason, id),
  };
}
