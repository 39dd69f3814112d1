import { TOPIC_ROBOT } from "dingtalk-stream";
import { AppError, type Config, type Engine, type Store } from "../../src/mod.js";
import { type ContactFailure, firstContact, networkReason, type PlatformApi } from "../first-contact.js";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";
import { markdownChatState } from "../markdown/chat-state.js";
import { markdownMessage, postJson, withRetry } from "./api.js";
import type { DingTalkDeps } from "./deps.js";
import { DINGTALK_DEFAULT_URL, DingTalkError, GatewayClient } from "./gateway-client.js";
import type { ReconnectPolicy } from "./reconnect.js";
import { onRobotMessage } from "./robot-message.js";

/** What the process gives the adapter. */
export interface DingTalkRuntime {
  log: Log;
  inFlight?: InFlight;
  clock?: () => Date;
  /** The stream was lost after the start and could not be opened again: the process should stop (and restart). */
  onFailure?: (line: string) => void;
  /** How a dropped stream is opened again (DINGTALK_RECONNECT by default). */
  reconnect?: ReconnectPolicy;
}

/** A running DingTalk adapter. */
export interface DingTalkHandle {
  /** Closes the stream; safe to call twice. */
  stop(): Promise<void>;
  mode: string;
  client: GatewayClient;
  deps: DingTalkDeps;
}

/** A 4xx answer to the connection request is DingTalk refusing the credentials; anything else is unreachable. */
function classify(e: unknown): ContactFailure {
  if (e instanceof DingTalkError && e.status >= 400 && e.status < 500)
    return { kind: "refused", reason: `${e.code ?? e.status} ${e.message}` };
  if (e instanceof DingTalkError && e.status === 0)
    return { kind: "unreachable", reason: e.errno ?? e.message };
  if (e instanceof DingTalkError) return { kind: "unreachable", reason: `HTTP ${e.status}` };
  return { kind: "unreachable", reason: networkReason(e) };
}

/** The handlers' shared state over a configuration. */
function buildDeps(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: DingTalkRuntime,
): DingTalkDeps {
  return {
    ...markdownChatState(engine, config, store, runtime),
    reply: async (webhook, title, text) => {
      await withRetry(() => postJson(webhook, markdownMessage(title, text), {}));
    },
  };
}

/**
 * Starts the DingTalk robot over Stream mode (no public address): the connection request (which checks the
 * Client ID and Secret) and the WebSocket's opening are made once within STARTUP_TIMEOUT_SECONDS; an
 * unreachable gateway or refused credentials fail the start with one line.
 */
export async function startDingTalk(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: DingTalkRuntime,
): Promise<DingTalkHandle> {
  const { DINGTALK_CLIENT_ID: clientId, DINGTALK_CLIENT_SECRET: clientSecret } = config;
  if (!clientId || !clientSecret)
    throw new AppError("CONFIG_INVALID", "DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET are required");
  const root = config.DINGTALK_API_URL ?? DINGTALK_DEFAULT_URL;
  const api: PlatformApi = {
    name: "DingTalk",
    root,
    rootVar: "DINGTALK_API_URL",
    tokenVar: "DINGTALK_CLIENT_ID / DINGTALK_CLIENT_SECRET",
  };
  const ms = config.STARTUP_TIMEOUT_SECONDS * 1000;
  const deps = buildDeps(engine, config, store, runtime);
  const client = new GatewayClient({ clientId, clientSecret }, root, ms, {
    log: runtime.log,
    ...(runtime.onFailure ? { onFailure: runtime.onFailure } : {}),
    ...(runtime.reconnect ? { reconnect: runtime.reconnect } : {}),
  });
  client.registerCallbackListener(TOPIC_ROBOT, (down) =>
    onRobotMessage(deps, down, () =>
      client.socketCallBackResponse(down.headers.messageId, { status: "SUCCESS" }),
    ),
  );
  await firstContact(api, ms, classify, async () => {
    await client.getEndpoint();
    await client._connect();
  }).catch((e: unknown) => {
    client.disconnect();
    throw e;
  });
  const stop = async () => client.disconnect();
  return { stop, mode: "Stream mode", client, deps };
}
