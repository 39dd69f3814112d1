import type {
  Clock,
  Conversation,
  Engine,
  FeedbackRecord,
  RateLimiter,
  Store,
  VoteOutcome,
} from "../../src/mod.js";
import type { ReplyCache } from "../reply-cache.js";

/** What every handler needs, built once per bot. */
export interface BotDeps {
  engine: Engine;
  cache: ReplyCache;
  /** The engine behind the per-user rate limit and the length limit. */
  conversation: Conversation;
  /** Inline queries per user per minute: a budget of their own, INLINE_QUERIES_PER_QUESTION × RATE_LIMIT. */
  inlineLimiter: RateLimiter;
  /** Chat ids allowed to use the bot; null when every chat is. */
  allowedChats: Set<string> | null;
  /** Saves a 👍/👎: one vote per user and reply. */
  recordFeedback: (record: FeedbackRecord) => Promise<VoteOutcome | "unavailable">;
  /** Subscriptions and deliveries for /digest; null when the bot runs without a store. */
  store: Store | null;
  clock: Clock;
  log: (line: string) => void;
}

/** Whether a chat (or, for inline queries, a user) may use the bot. */
export function isAllowed(deps: BotDeps, id: number | undefined): boolean {
  return deps.allowedChats === null || (id !== undefined && deps.allowedChats.has(String(id)));
}

/** Parses TELEGRAM_ALLOWED_CHATS ("-100123, 456"): null when unset or blank, so everyone is allowed. */
export function parseAllowedChats(value: string | readonly string[] | undefined): Set<string> | null {
  if (value === undefined) return null;
  const ids = (typeof value === "string" ? value.split(",") : [...value])
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length ? new Set(ids) : null;
}
