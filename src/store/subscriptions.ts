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

interface Row {
  id: number;
  platform: Platform;
  chat_id: string;
  time: string;
  time_zone: string;
  topics: string;
  subscribed_by: string;
  created_at: string;
  paused: number;
  paused_reason: string | null;
  want_empty: number;
}

const toSubscription = (r: Row): Subscription => ({
  id: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  time: r.time,
  timeZone: r.time_zone,
  topics: JSON.parse(r.topics) as string[],
  subscribedBy: r.subscribed_by,
  createdAt: r.created_at,
  paused: r.paused === 1,
  pausedReason: r.paused_reason,
  wantEmpty: r.want_empty === 1,
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
  const one = (row: unknown) => (row ? toSubscription(row as Row) : null);
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
    active: async () => (active.all() as Row[]).map(toSubscription),
    pause: async (id, reason) => void pause.run(reason, id),
  };
}
