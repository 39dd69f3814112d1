import type { Conversation, Engine, FeedbackRecord, Store, VoteOutcome } from "../../src/mod.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import type { ReplyCache } from "../reply-cache.js";
import type { SeenEvents } from "../seen-events.js";
import type { FeishuApi } from "./api.js";

/** What the event handlers share, built once per bot. */
export interface FeishuDeps {
  engine: Engine;
  api: FeishuApi;
  /** The engine behind the per-user rate limit, the length limit and the work queue. */
  conversation: Conversation;
  cache: ReplyCache;
  /** Saves a 👍/👎: one vote per user and answer. */
  recordFeedback: (record: FeedbackRecord) => Promise<VoteOutcome | "unavailable">;
  /** Subscriptions for /digest; null when the bot runs without a store. */
  store: Store | null;
  clock: () => Date;
  log: Log;
  /** The bot's open_id: a group message is answered only when it mentions this id. */
  botOpenId: string;
  /** Event ids answered already: Feishu delivers an event again when its acknowledgement came late. */
  seen: SeenEvents;
  inFlight?: InFlight;
  perPage: number;
}
