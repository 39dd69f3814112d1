import { App, type Logger, LogLevel, type Receiver, type webApi } from "@slack/bolt";
import { type Engine, RateLimiter, type Store } from "../../src/mod.js";
import { ReplyCache } from "../reply-cache.js";
import type { SlackDeps } from "./deps.js";
import { registerErrorHandler } from "./handle-errors.js";
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
    clientOptions,
    extendedErrorHandler: true,
    logLevel: o.logLevel ?? LogLevel.INFO,
  };
  const withLogger = o.logger ? { ...common, logger: o.logger } : common;
  if (o.receiver) return new App({ ...withLogger, receiver: o.receiver });
  if (o.appToken) return new App({ ...withLogger, socketMode: true, appToken: o.appToken });
  return new App({ ...withLogger, signingSecret: o.signingSecret ?? "", port: o.port ?? 3000 });
}

/** Builds the Bolt app with every listener: mentions, DMs, /policy, /factcheck, buttons, dedupe, errors. */
export function createSlackApp(engine: Engine, o: SlackAppOptions): App {
  const app = buildApp(o);
  const clock = o.clock ?? (() => new Date());
  const limiter = new RateLimiter(o.rateLimit ?? 20, () => clock().getTime());
  const deps: SlackDeps = {
    engine,
    conversation: { engine, limiter },
    cache: new ReplyCache(o.cacheSize ?? 500),
    // Without a store 👍/👎 are not kept; the start-up log has said so.
    recordFeedback: o.store ? o.store.feedback.record : () => undefined,
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
