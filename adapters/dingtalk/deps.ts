import type { Conversation, Engine, Store } from "../../src/mod.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import type { NextPages } from "../markdown/next-pages.js";
import type { ReplyCache } from "../reply-cache.js";
import type { SeenEvents } from "../seen-events.js";

/** What the robot's message handler shares, built once per robot. */
export interface DingTalkDeps {
  engine: Engine;
  conversation: Conversation;
  cache: ReplyCache;
  /** Where each user's last reply continues (更多来源). */
  pages: NextPages;
  store: Store | null;
  clock: () => Date;
  log: Log;
  /** Message ids answered already: DingTalk pushes a message again when its acknowledgement is missed. */
  seen: SeenEvents;
  inFlight?: InFlight;
  perPage: number;
  /** Sends a markdown message to a conversation's session webhook. */
  reply(sessionWebhook: string, title: string, text: string): Promise<void>;
}
