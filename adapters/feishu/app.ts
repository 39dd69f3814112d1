import * as lark from "@larksuiteoapi/node-sdk";
import { type Engine, RateLimiter, type Store, WorkQueue } from "../../src/mod.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import { ReplyCache } from "../reply-cache.js";
import { SeenEvents } from "../seen-events.js";
import { FEISHU_DEFAULT_URL, FeishuApi } from "./api.js";
import { onCardAction } from "./card-action.js";
import type { FeishuDeps } from "./deps.js";
import { onMessage } from "./handle-message.js";
import { sdkLogger } from "./sdk-logger.js";

/** How to build the Feishu bot. */
export interface FeishuBotOptions {
  appId: string;
  appSecret: string;
  /** The Open Platform's base URL (FEISHU_API_URL): Feishu's by default, Lark's, or a test double. */
  apiUrl?: string;
  /** The bot's open_id (from bot/v3/info at start): group messages must mention it. */
  botOpenId: string;
  /** The callback's Encrypt Key, when the events arrive encrypted. */
  encryptKey?: string;
  store: Store | null;
  log: Log;
  clock?: () => Date;
  /** Questions per user per minute (RATE_LIMIT; default 20). */
  rateLimit?: number;
  /** Answers per card before 更多来源 (default 3). */
  perPage?: number;
  inFlight?: InFlight;
}

/** A built bot: the SDK's client and event dispatcher, and what the handlers share. */
export interface FeishuBot {
  client: lark.Client;
  dispatcher: lark.EventDispatcher;
  deps: FeishuDeps;
}

/** The SDK's client for the configured Open Platform, with a token cache of its own (not the SDK's global one). */
export function feishuClient(
  o: Pick<FeishuBotOptions, "appId" | "appSecret" | "apiUrl" | "log">,
): lark.Client {
  return new lark.Client({
    appId: o.appId,
    appSecret: o.appSecret,
    domain: o.apiUrl ?? FEISHU_DEFAULT_URL,
    cache: new lark.DefaultCache(),
    logger: sdkLogger(o.log, { callErrors: "debug" }),
    loggerLevel: lark.LoggerLevel.info,
  });
}

/**
 * Builds the bot: the dispatcher answers im.message.receive_v1 (questions and claims) and card.action.trigger
 * (更多来源, 👍/👎); both transports (long connection, HTTP callback) feed the same dispatcher.
 */
export function createFeishuBot(engine: Engine, o: FeishuBotOptions): FeishuBot {
  const client = feishuClient(o);
  const clock = o.clock ?? (() => new Date());
  const deps: FeishuDeps = {
    engine,
    api: new FeishuApi(client),
    conversation: {
      engine,
      limiter: new RateLimiter(o.rateLimit ?? 20, () => clock().getTime()),
      queue: new WorkQueue(),
    },
    cache: new ReplyCache(500),
    // Without a store 👍/👎 are not kept: the clicker is told so (and the start-up log has said why).
    recordFeedback: o.store ? o.store.feedback.record : async () => "unavailable" as const,
    store: o.store,
    clock,
    log: o.log,
    botOpenId: o.botOpenId,
    seen: new SeenEvents(),
    perPage: o.perPage ?? 3,
    ...(o.inFlight ? { inFlight: o.inFlight } : {}),
  };
  const dispatcher = new lark.EventDispatcher({
    ...(o.encryptKey ? { encryptKey: o.encryptKey } : {}),
    logger: sdkLogger(o.log),
    loggerLevel: lark.LoggerLevel.info,
  }).register({
    "im.message.receive_v1": async (data: unknown) =>
      onMessage(deps, data as Parameters<typeof onMessage>[1]),
    "card.action.trigger": async (data: unknown) => onCardAction(deps, data),
  });
  return { client, dispatcher, deps };
}
