import { type App, type Logger, webApi } from "@slack/bolt";
import { AppError, type Config, type Engine, type Store } from "../../src/mod.js";
import { type ContactFailure, firstContact, networkReason, type PlatformApi } from "../first-contact.js";
import type { Health } from "../health.js";
import type { InFlight } from "../in-flight.js";
import { listenError } from "../port-error.js";
import { createSlackApp } from "./app.js";

/** What the process gives the adapter: its logger, its health, the count of requests being handled. */
export interface SlackRuntime {
  logger?: Logger;
  health?: Health;
  inFlight?: InFlight;
}

/** A running Slack adapter. */
export interface SlackHandle {
  /** Stops taking requests (closes the socket or the HTTP server); safe to call twice. */
  stop(): Promise<void>;
  /** "Socket Mode", or "HTTP on port N". */
  mode: string;
  app: App;
}

/** Slack's Web API when SLACK_API_URL is not set. */
const DEFAULT_API_URL = "https://slack.com/api/";

/** Slack answered with an error (invalid_auth, token_revoked, …), answered HTTP 5xx, or was not reached. */
function classify(e: unknown): ContactFailure {
  const err = e as { code?: string; data?: { error?: string }; statusCode?: number; original?: unknown };
  if (err.code === webApi.ErrorCode.PlatformError)
    return { kind: "refused", reason: err.data?.error ?? "error" };
  if (err.code === webApi.ErrorCode.HTTPError)
    return { kind: "unreachable", reason: `HTTP ${err.statusCode}` };
  return { kind: "unreachable", reason: networkReason(err.original ?? e) };
}

/** auth.test once, without retries, within the start-up timeout: the bot's ids, or one line saying what is wrong. */
async function authTest(config: Config, api: PlatformApi, logger?: Logger) {
  const ms = config.STARTUP_TIMEOUT_SECONDS * 1000;
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(logger ? { logger } : {}),
    timeout: ms,
    retryConfig: { retries: 0 },
  });
  const auth = await firstContact(api, ms, classify, () => client.auth.test());
  return { botId: auth.bot_id, botUserId: auth.user_id };
}

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT with signature checks.
 * auth.test comes first, bounded by STARTUP_TIMEOUT_SECONDS: an unreachable API or a refused token fails the
 * start with one line (PLATFORM_UNREACHABLE, PLATFORM_REFUSED), never an unhandled rejection.
 */
export async function startSlack(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: SlackRuntime = {},
): Promise<SlackHandle> {
  if (!config.SLACK_BOT_TOKEN) throw new AppError("CONFIG_INVALID", "SLACK_BOT_TOKEN is required for Slack");
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)
    throw new AppError("CONFIG_INVALID", "SLACK_SIGNING_SECRET is required for Slack over HTTP");
  const api: PlatformApi = {
    name: "Slack",
    root: config.SLACK_API_URL ?? DEFAULT_API_URL,
    rootVar: "SLACK_API_URL",
    tokenVar: "SLACK_BOT_TOKEN",
  };
  const ids = await authTest(config, api, runtime.logger);
  const app = createSlackApp(engine, {
    token: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.PORT,
    rateLimit: config.RATE_LIMIT,
    store,
    clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
    ...(ids.botId && ids.botUserId ? { botId: ids.botId, botUserId: ids.botUserId } : {}),
    ...(runtime.logger ? { logger: runtime.logger } : {}),
    ...(runtime.health ? { health: runtime.health } : {}),
    ...(runtime.inFlight ? { inFlight: runtime.inFlight } : {}),
  });
  if (config.SLACK_APP_TOKEN) {
    // Opening the socket is Socket Mode's first call: bounded like auth.test, and undone if it fails.
    const ms = config.STARTUP_TIMEOUT_SECONDS * 1000;
    await firstContact(api, ms, classify, () => app.start()).catch(async (e: unknown) => {
      await app.stop().catch(() => {});
      throw e;
    });
  } else
    await app.start(config.PORT).catch((e: unknown) => {
      throw listenError(e, config.PORT);
    });
  const mode = config.SLACK_APP_TOKEN ? "Socket Mode" : `HTTP on port ${config.PORT}`;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= app.stop().then(() => {});
    return stopping;
  };
  return { stop, mode, app };
}
