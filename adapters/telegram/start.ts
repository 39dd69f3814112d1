import type { Server } from "node:http";
import { type Bot, GrammyError, HttpError } from "grammy";
import { AppError, type Config, type Engine, type Store, TELEGRAM_COMMANDS } from "../../src/mod.js";
import { type ContactFailure, firstContact, networkReason, type PlatformApi } from "../first-contact.js";
import type { Health } from "../health.js";
import type { InFlight } from "../in-flight.js";
import { createBot } from "./bot.js";
import { describeBot } from "./describe-bot.js";
import { listenWebhook } from "./webhook-server.js";

/** A running Telegram adapter. */
export interface TelegramHandle {
  /** Stops taking updates: polling ends, the webhook server closes; safe to call twice. */
  stop(): Promise<void>;
  /** "polling", or "webhook on port N". */
  mode: string;
}

/** What the process gives the adapter: where to log, its health, the count of updates being handled. */
export interface TelegramRuntime {
  log?: (line: string, fields?: Record<string, unknown>) => void;
  health?: Health;
  inFlight?: InFlight;
  /** Polling died after the start (token revoked, another process polling): the process should stop. */
  onFailure?: (line: string) => void;
}

/** The update types the handlers use; asking for only these keeps Telegram from sending the rest. */
const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

type GrammySignal = Parameters<Bot["api"]["getMe"]>[0];

/** Telegram's Bot API server when TELEGRAM_API_ROOT is not set. */
const DEFAULT_API_ROOT = "https://api.telegram.org";

/** A Bot API error is the token refused (401, 404 for a malformed one) or the server failing; else the network. */
function classify(e: unknown): ContactFailure {
  if (e instanceof GrammyError) {
    const reason = `${e.error_code} ${e.description}`;
    return e.error_code === 401 || e.error_code === 404
      ? { kind: "refused", reason }
      : { kind: "unreachable", reason };
  }
  return { kind: "unreachable", reason: networkReason(e instanceof HttpError ? e.error : e) };
}

/**
 * Starts long polling and resolves once the first getUpdates is under way. Should polling die later (grammY
 * gives up on 401 and 409 only), the failure is logged and reported, so the process can stop and be restarted.
 */
async function startPolling(bot: Bot, runtime: TelegramRuntime, log: NonNullable<TelegramRuntime["log"]>) {
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const onStart = () => {
      started = true;
      resolve();
    };
    bot.start({ allowed_updates: ALLOWED_UPDATES, onStart }).catch((e: Error) => {
      const line = `telegram polling stopped: ${classify(e).reason}`;
      log(line, { err: e });
      if (started) runtime.onFailure?.(line);
      else reject(e);
    });
  });
}

/**
 * Starts the bot: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise. Each first call
 * (getMe, then setWebhook or deleteWebhook) is made once within STARTUP_TIMEOUT_SECONDS: an unreachable API or
 * a refused token fails the start with one line saying which (PLATFORM_UNREACHABLE, PLATFORM_REFUSED).
 */
export async function startTelegram(
  engine: Engine,
  config: Config,
  store: Store | null,
  runtime: TelegramRuntime = {},
): Promise<TelegramHandle & { bot: Bot }> {
  if (!config.TELEGRAM_BOT_TOKEN) throw new AppError("CONFIG_INVALID", "TELEGRAM_BOT_TOKEN is not set");
  const log = runtime.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bot = createBot(engine, {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    allowedChats: config.TELEGRAM_ALLOWED_CHATS,
    rateLimit: config.RATE_LIMIT,
    store,
    log,
    ...(runtime.inFlight ? { inFlight: runtime.inFlight } : {}),
  });
  const api: PlatformApi = {
    name: "Telegram",
    root: config.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT,
    rootVar: "TELEGRAM_API_ROOT",
    tokenVar: "TELEGRAM_BOT_TOKEN",
  };
  // grammY types its signal with its fetch shim's AbortSignal; the platform's own is what it uses at run time.
  const contact = <T>(call: (signal: GrammySignal) => Promise<T>) =>
    firstContact(api, config.STARTUP_TIMEOUT_SECONDS * 1000, classify, (s) =>
      call(s as unknown as GrammySignal),
    );
  bot.botInfo = await contact((signal) => bot.api.getMe(signal));
  let server: Server | null = null;
  if (config.TELEGRAM_WEBHOOK_URL) {
    server = await listenWebhook(bot, config.PORT, config.TELEGRAM_WEBHOOK_SECRET ?? "", runtime.health);
    const url = config.TELEGRAM_WEBHOOK_URL;
    const options = { secret_token: config.TELEGRAM_WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] };
    await contact((signal) => bot.api.setWebhook(url, options, signal)).catch(async (e: unknown) => {
      await closeServer(server);
      throw e;
    });
  } else {
    await contact((signal) => bot.api.deleteWebhook({}, signal));
    await startPolling(bot, runtime, log);
  }
  // The command menu is a convenience: failing to set it must not keep the bot from answering.
  bot.api
    .setMyCommands([...TELEGRAM_COMMANDS])
    .catch((e: Error) => log(`setMyCommands failed: ${e.message}`));
  void describeBot(bot.api, log);
  const mode = server ? `webhook on port ${config.PORT}` : "polling";
  return { stop: stopOnce(bot, server, log), mode, bot };
}

/** Closes a server, dropping idle keep-alive sockets that would otherwise hold close() open. */
function closeServer(server: Server | null): Promise<void> {
  if (!server) return Promise.resolve();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}

/** Stops taking updates, exactly once however often it is called; handlers under way are left to finish. */
function stopOnce(bot: Bot, server: Server | null, log: (line: string) => void): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      // stop() confirms the update offset with one more call; if the API is unreachable that is only logged.
      if (bot.isRunning()) await bot.stop().catch((e: Error) => log(`telegram stop: ${e.message}`));
      await closeServer(server);
    })();
    return stopping;
  };
}
