import type { Logger } from "@slack/bolt";
import type { Conversation, Engine, FeedbackRecord, Store, VoteOutcome } from "../../src/mod.js";
import type { ReplyCache } from "../reply-cache.js";

/** What the listeners share: the engine, the conversation, the reply cache, where feedback goes, and a logger. */
export interface SlackDeps {
  engine: Engine;
  /** The engine behind the per-user rate limit and the length limit. */
  conversation: Conversation;
  cache: ReplyCache;
  /** Saves a 👍/👎: one vote per user and reply. */
  recordFeedback: (record: FeedbackRecord) => Promise<VoteOutcome | "unavailable">;
  /** Subscriptions for /digest; null when the app runs without a store. */
  store: Store | null;
  clock: () => Date;
  logger: Logger;
  /** Answers per page before 更多来源. */
  perPage: number;
}
