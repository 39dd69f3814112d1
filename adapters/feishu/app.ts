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

/**
 * The SDK's token cache, one per client (not the SDK's global one), that can be emptied: when Feishu refuses a
 * cached token before its expiry (a reset secret, a revoked token), the next call fetches a new one.
 */
export class TokenCache extends lark.DefaultCache {
  /** Forgets every cached token. */
  clear(): void {
    (this as unknown as { values: Map<unknown, unknown> }).values.clear();
  }
}

/** The SDK's client for the configured Open Platform over `cache` (its tenant access token lives there). */
export function feishuClient(
  o: Pick<FeishuBotOptions, "appId" | "appSecret" | "apiUrl" | "log">,
  cache: TokenCache = new TokenCache(),
): lark.Client {
  return new lark.Client({
    appId: o.appId,
    appSecret: o.appSecret,
    domain: o.apiUrl ?? FEISHU_DEFAULT_URL,
    cache,
    logger: sdkLogger(o.log, { callErrors: "debug" }),
    loggerLevel: lark.LoggerLevel.info,
  });
}

/**
 * Builds the bot: the dispatcher answers im.message.receive_v1 (questions and claims) and card.action.trigger
 * (更多来源, 👍/👎); both transports (long connection, HTTP callback) feed the same dispatcher.
 */
export function createFeishuBot(engine: Engine, o: FeishuBotOptions): FeishuBot {
  const tokens = new TokenCache();
  const client = feishuClient(o, tokens);
  const clock = o.clock ?? (() => new Date());
  const deps: FeishuDeps = {
    engine,
    api: new FeishuApi(client, () => tokens.clear()),
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
