import {
  type Config,
  type Conversation,
  type Engine,
  RateLimiter,
  type Store,
  WorkQueue,
} from "../../src/mod.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import { ReplyCache } from "../reply-cache.js";
import { SeenEvents } from "../seen-events.js";
import { NextPages } from "./next-pages.js";

/** What a markdown platform's message handler shares (DingTalk, WeCom), built once per robot. */
export interface MarkdownChatState {
  engine: Engine;
  conversation: Conversation;
  cache: ReplyCache;
  /** Where each user's last reply continues (更多来源). */
  pages: NextPages;
  store: Store | null;
  clock: () => Date;
  log: Log;
  /** Message ids answered already: the platforms push a message again when its acknowledgement is missed. */
  seen: SeenEvents;
  inFlight?: InFlight;
  /** Answers a page shows before 更多来源. */
  perPage: number;
}

/** The shared state over a configuration: the per-user rate limit, the work queue, the caches. */
export function markdownChatState(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: { log: Log; clock?: () => Date; inFlight?: InFlight },
): MarkdownChatState {
  const clock = runtime.clock ?? (() => new Date());
  return {
    engine,
    conversation: {
      engine,
      limiter: new RateLimiter(config.RATE_LIMIT, () => clock().getTime()),
      queue: new WorkQueue(),
    },
    cache: new ReplyCache(500),
    pages: new NextPages(),
    store,
    clock,
    log: runtime.log,
    seen: new SeenEvents(),
    perPage: 3,
    ...(runtime.inFlight ? { inFlight: runtime.inFlight } : {}),
  };
}
