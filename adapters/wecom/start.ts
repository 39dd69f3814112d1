import { WSClient, type WsFrame } from "@wecom/aibot-node-sdk";
import { AppError, type Config, type Engine, type Store } from "../../src/mod.js";
import { type ContactFailure, firstContact, networkReason, type PlatformApi } from "../first-contact.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import { markdownChatState } from "../markdown/chat-state.js";
import { type BotMessage, newStreamId, onBotMessage, type WeComDeps } from "./bot-message.js";
import { watchConnection } from "./connection.js";
import { WECOM_RETRY_CODES } from "./digest-sender.js";

/** WeCom's intelligent-robot long connection when WECOM_WS_URL is not set. */
export const WECOM_DEFAULT_WS_URL = "wss://openws.work.weixin.qq.com";

/** What the process gives the adapter. */
export interface WeComRuntime {
  log: Log;
  inFlight?: InFlight;
  clock?: () => Date;
  /** The long connection gave up after the start: the process should stop (and be restarted). */
  onFailure?: (line: string) => void;
}

/** A running WeCom adapter. */
export interface WeComHandle {
  /**
   * Stops taking messages, lets the replies under way finish (SHUTDOWN_TIMEOUT_SECONDS, or until the shutdown's
   * `giveUp`), then disconnects.
   */
  stop(giveUp?: AbortSignal): Promise<void>;
  mode: string;
  client: WSClient;
  deps: WeComDeps;
}

/** The SDK's logger interface over the process's: its routine lines at debug. */
function sdkLogger(log: Log) {
  const line = (m: string, args: unknown[]) => `wecom sdk: ${[m, ...args.map(String)].join(" ")}`;
  return {
    debug: (m: string, ...a: unknown[]) => log.debug(line(m, a)),
    info: (m: string, ...a: unknown[]) => log.debug(line(m, a)),
    warn: (m: string, ...a: unknown[]) => log.warn(line(m, a)),
    error: (m: string, ...a: unknown[]) => log.error(line(m, a)),
  };
}

/** "Authentication failed: … (code: N)" is WeCom refusing the Bot ID or Secret; any other error is the network. */
function classify(e: unknown): ContactFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith("Authentication failed")) return { kind: "refused", reason: message };
  return { kind: "unreachable", reason: networkReason(e) };
}

/** One complete stream reply; sent again after a second when WeCom said to (WECOM_RETRY_CODES; up to 3 times). */
async function replyOnce(client: WSClient, frame: WsFrame, markdown: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.replyStream(frame, newStreamId(), markdown, true);
      return;
    } catch (e) {
      const code = (e as { errcode?: number }).errcode;
      if (code === undefined || !WECOM_RETRY_CODES.has(code) || attempt >= 3) {
        const errmsg = (e as { errmsg?: string }).errmsg;
        throw e instanceof Error ? e : new Error(`wecom reply refused: ${code} ${errmsg ?? ""}`.trim());
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** Resolves once the robot is authenticated, rejects with the first error before that. */
function authenticated(client: WSClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once("authenticated", () => resolve());
    client.once("error", (e: Error) => reject(e));
  });
}

/** Connects and authenticates within `ms`; a failure disconnects (no reconnect loop left behind) and is one line. */
async function connect(client: WSClient, api: PlatformApi, ms: number): Promise<void> {
  await firstContact(api, ms, classify, () => {
    const ready = authenticated(client);
    client.connect();
    return ready;
  }).catch((e: unknown) => {
    client.disconnect();
    throw e;
  });
}

/** The handler's shared state; replies and pushes go over `client`. */
function buildDeps(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: WeComRuntime,
  client: WSClient,
): WeComDeps {
  return {
    ...markdownChatState(engine, config, store, runtime),
    reply: (frame, markdown) => replyOnce(client, frame, markdown),
    push: async (chatId, markdown) => {
      await client.sendMessage(chatId, { msgtype: "markdown", markdown: { content: markdown } });
    },
  };
}

/**
 * Starts the WeCom intelligent robot over its long connection (API mode; no public address): connection and
 * authentication (Bot ID and Secret) within STARTUP_TIMEOUT_SECONDS, failing the start with one line.
 */
export async function startWeCom(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: WeComRuntime,
): Promise<WeComHandle> {
  const { WECOM_BOT_ID: botId, WECOM_BOT_SECRET: secret } = config;
  if (!botId || !secret)
    throw new AppError("CONFIG_INVALID", "WECOM_BOT_ID and WECOM_BOT_SECRET are required");
  const wsUrl = config.WECOM_WS_URL ?? WECOM_DEFAULT_WS_URL;
  const api: PlatformApi = {
    name: "WeCom",
    root: wsUrl,
    rootVar: "WECOM_WS_URL",
    tokenVar: "WECOM_BOT_ID / WECOM_BOT_SECRET",
  };
  const client = new WSClient({
    botId,
    secret,
    wsUrl,
    logger: sdkLogger(runtime.log),
    maxAuthFailureAttempts: 0,
  });
  const deps = buildDeps(engine, config, store, runtime, client);
  await connect(client, api, config.STARTUP_TIMEOUT_SECONDS * 1000);
  // Watched from here: a failure before this point is the start's own (one line, no onFailure). Messages come
  // only after authentication, in later I/O turns than this continuation.
  const connection = watchConnection(client, runtime, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  client.on("message", (frame) => {
    if (connection.taking) onBotMessage(deps, frame as WsFrame<BotMessage>);
  });
  return { stop: connection.stop, mode: "long connection", client, deps };
}
