import type { Server } from "node:http";
import * as lark from "@larksuiteoapi/node-sdk";
import { AppError, type Config, type Engine, type Store } from "../../src/mod.js";
import { type ContactFailure, firstContact, networkReason, type PlatformApi } from "../first-contact.js";
import type { Health } from "../health.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import { FEISHU_DEFAULT_URL, FeishuApi, feishuError } from "./api.js";
import { createFeishuBot, type FeishuBot, feishuClient } from "./app.js";
import { FEISHU_CALLBACK, listenCallback } from "./http-callback.js";
import { sdkLogger } from "./sdk-logger.js";

/** What the process gives the adapter. */
export interface FeishuRuntime {
  log: Log;
  health?: Health;
  inFlight?: InFlight;
  /** The long connection gave up after the start: the process should stop (and be restarted). */
  onFailure?: (line: string) => void;
}

/** A running Feishu adapter. */
export interface FeishuHandle {
  /** Stops taking events (closes the long connection or the HTTP server); safe to call twice. */
  stop(): Promise<void>;
  /** "long connection", or "HTTP callback on port N". */
  mode: string;
  bot: FeishuBot;
}

/** An answer with a Feishu code (bad app id or secret: 10003, 10014 …) is a refusal; no answer, unreachable. */
function classify(e: unknown): ContactFailure {
  const err = feishuError(e);
  if (err.status === 0) return { kind: "unreachable", reason: err.errno ?? networkReason(e) };
  if (err.status >= 500) return { kind: "unreachable", reason: `HTTP ${err.status}` };
  return { kind: "refused", reason: err.code !== null ? `${err.code} ${err.message}` : err.message };
}

/** The long connection, and its first opening: resolves once open, rejects when the SDK gives up on it. */
function longConnection(config: Config, bot: FeishuBot, runtime: FeishuRuntime) {
  let ready = false;
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const opened = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const ws = new lark.WSClient({
    appId: config.FEISHU_APP_ID ?? "",
    appSecret: config.FEISHU_APP_SECRET ?? "",
    domain: config.FEISHU_API_URL ?? FEISHU_DEFAULT_URL,
    logger: sdkLogger(runtime.log),
    loggerLevel: lark.LoggerLevel.info,
    onReady: () => {
      ready = true;
      settle?.resolve();
    },
    onError: (e: Error) => {
      const line = `feishu long connection failed: ${e.message}`;
      if (ready) runtime.onFailure?.(line);
      else settle?.reject(new Error(line));
    },
  });
  void ws.start({ eventDispatcher: bot.dispatcher });
  return { ws, opened };
}

/**
 * Starts the Feishu adapter: bot/v3/info first (the bot's open_id, and a check of the app's credentials, once,
 * within STARTUP_TIMEOUT_SECONDS), then the HTTP callback on PORT when FEISHU_VERIFY_TOKEN is set, else
 * the long connection (no public address needed).
 */
export async function startFeishu(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: FeishuRuntime,
): Promise<FeishuHandle> {
  const { FEISHU_APP_ID: appId, FEISHU_APP_SECRET: appSecret } = config;
  if (!appId || !appSecret)
    throw new AppError("CONFIG_INVALID", "FEISHU_APP_ID and FEISHU_APP_SECRET are required");
  const api: PlatformApi = {
    name: "Feishu",
    root: config.FEISHU_API_URL ?? FEISHU_DEFAULT_URL,
    rootVar: "FEISHU_API_URL",
    tokenVar: "FEISHU_APP_ID / FEISHU_APP_SECRET",
  };
  const ms = config.STARTUP_TIMEOUT_SECONDS * 1000;
  const probe = new FeishuApi(
    feishuClient({ appId, appSecret, apiUrl: config.FEISHU_API_URL, log: runtime.log }),
  );
  const me = await firstContact(api, ms, classify, (signal) => probe.botInfo({ signal, timeoutMs: ms }));
  const bot = createFeishuBot(engine, {
    appId,
    appSecret,
    apiUrl: config.FEISHU_API_URL,
    botOpenId: me.openId,
    encryptKey: config.FEISHU_ENCRYPT_KEY,
    store,
    log: runtime.log,
    rateLimit: config.RATE_LIMIT,
    ...(runtime.inFlight ? { inFlight: runtime.inFlight } : {}),
  });
  return { ...(await openTransport(config, bot, runtime, api)), bot };
}

/** The HTTP callback on PORT when a Verification Token is set, else the long connection, opened within the bound. */
async function openTransport(config: Config, bot: FeishuBot, runtime: FeishuRuntime, api: PlatformApi) {
  if (config.FEISHU_VERIFY_TOKEN) {
    const secrets = { verificationToken: config.FEISHU_VERIFY_TOKEN, encryptKey: config.FEISHU_ENCRYPT_KEY };
    const server = await listenCallback(bot.dispatcher, config.PORT, secrets, runtime);
    const mode = `HTTP callback on port ${config.PORT} (${FEISHU_CALLBACK.path})`;
    return { stop: once(() => closeServer(server)), mode };
  }
  // Opening the connection is its first call: bounded like bot/v3/info, and undone (no retry loop left behind)
  // when it fails.
  const { ws, opened } = longConnection(config, bot, runtime);
  await firstContact(api, config.STARTUP_TIMEOUT_SECONDS * 1000, classify, () => opened).catch(
    (e: unknown) => {
      ws.close({ force: true });
      throw e;
    },
  );
  return { stop: once(async () => ws.close({ force: true })), mode: "long connection" };
}

function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= stop();
    return stopping;
  };
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}
