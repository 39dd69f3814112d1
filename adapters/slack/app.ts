import { App, type Logger, LogLevel, type Receiver, type webApi } from "@slack/bolt";
import { type Engine, RateLimiter, type Store, WorkQueue } from "../../src/mod.js";
import type { Health } from "../health.js";
import type { InFlight } from "../in-flight.js";
import { ReplyCache } from "../reply-cache.js";
import type { SlackDeps } from "./deps.js";
import { registerErrorHandler } from "./handle-errors.js";
import { GuardedHTTPReceiver } from "./http-receiver.js";
import { registerActions } from "./listen-actions.js";
import { registerCommands } from "./listen-commands.js";
import { registerDedupe, registerEvents } from "./listen-events.js";
import { SeenEvents } from "./seen-events.js";

/** How to build the Slack app: credentials, transport (socket / HTTP receiver / port), Web API client, storage. */
export interface SlackAppOptions {
  token: string;
  signingSecret?: string;
  /** Set for Socket Mode. */
  appToken?: string;
  receiver?: Receiver;
  port?: number;
  clientOptions?: webApi.WebClientOptions;
  /** The store: 👍/👎 go to its feedback table, /digest to its subscriptions; null when it is unavailable. */
  store: Store | null;
  clock?: () => Date;
  /** Questions per user per minute (RATE_LIMIT; default 20). */
  rateLimit?: number;
  logger?: Logger;
  logLevel?: LogLevel;
  cacheSize?: number;
  /** Answers per message before 更多来源 (default 3). */
  perPage?: number;
  /** The bot's ids from a start-up auth.test: given both, Bolt makes no auth.test of its own. */
  botId?: string;
  botUserId?: string;
  /** Served on GET /healthz by the HTTP receiver. */
  health?: Health;
  /** Counts the requests being handled, so that a shutdown can wait for their replies. */
  inFlight?: InFlight;
}

/** Retries on network errors and on 429 (the client first waits for Retry-After). */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 10_000,
  randomize: true,
};

/** The Bolt app with its Bolt-level options; the receiver decides Socket Mode, a given receiver, or HTTP. */
function buildApp(o: SlackAppOptions): App {
  const clientOptions = { retryConfig: DEFAULT_RETRY, timeout: 15_000, ...o.clientOptions };
  const common = {
    token: o.token,
    ...(o.botId && o.botUserId ? { botId: o.botId, botUserId: o.botUserId } : {}),
    clientOptions,
    extendedErrorHandler: true,
    logLevel: o.logLevel ?? LogLevel.INFO,
  };
  const withLogger = o.logger ? { ...common, logger: o.logger } : common;
  if (o.receiver) return new App({ ...withLogger, receiver: o.receiver });
  if (o.appToken) return new App({ ...withLogger, socketMode: true, appToken: o.appToken });
  const receiver = new GuardedHTTPReceiver({
    signingSecret: o.signingSecret ?? "",
    port: o.port ?? 3000,
    ...(o.health ? { health: o.health } : {}),
    ...(o.logger ? { logger: o.logger } : { logLevel: withLogger.logLevel }),
  });
  return new App({ ...withLogger, receiver });
}

/** Builds the Bolt app with every listener: mentions, DMs, /policy, /factcheck, buttons, dedupe, errors. */
export function createSlackApp(engine: Engine, o: SlackAppOptions): App {
  const app = buildApp(o);
  const clock = o.clock ?? (() => new Date());
  const inFlight = o.inFlight;
  if (inFlight) app.use(({ next }) => inFlight.track(next));
  const limiter = new RateLimiter(o.rateLimit ?? 20, () => clock().getTime());
  const deps: SlackDeps = {
    engine,
    // Answers wait their turn after the ack: Bolt acks an event before its listener, a command acks first.
    conversation: { engine, limiter, queue: new WorkQueue() },
    cache: new ReplyCache(o.cacheSize ?? 500),
    // Without a store 👍/👎 are not kept: the clicker is told so (and the start-up log has said why).
    recordFeedback: o.store ? o.store.feedback.record : async () => "unavailable" as const,
    store: o.store,
    clock,
    logger: app.logger,
    perPage: o.perPage ?? 3,
  };
  registerDedupe(app, deps, new SeenEvents());
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerErrorHandler(app, deps, o.token);
  return app;
}
