import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import { AppError, type Config, type Engine, type Store, TELEGRAM_COMMANDS } from "../../src/mod.js";
import { createBot } from "./bot.js";

/** A running Telegram adapter. */
export interface TelegramHandle {
  /** Stops polling or closes the webhook server; safe to call twice. */
  stop(): Promise<void>;
}

/** The update types the handlers use; asking for only these keeps Telegram from sending the rest. */
const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** Serves webhook updates on `port`; grammY answers 401 to a request without the right secret header. */
async function listenWebhook(bot: Bot, port: number, secretToken: string): Promise<Server> {
  const handle = webhookCallback(bot, "http", { secretToken, onTimeout: "return" });
  const server = createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    handle(req, res).catch(() => {
      // Handler errors are logged by the bot's error boundary; a 500 makes Telegram retry the update later.
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return server;
}

/** Starts long polling and resolves once the first getUpdates is under way. */
async function startPolling(bot: Bot): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    bot.start({ allowed_updates: ALLOWED_UPDATES, onStart: () => resolve() }).catch((e: Error) => {
      // Before onStart this rejects the start; after it, polling has died and only the log can say so.
      console.error(`telegram polling stopped: ${e.message}`);
      reject(e);
    });
  });
}

/** Starts the bot: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise. SIGINT/SIGTERM stop it. */
export async function startTelegram(
  engine: Engine,
  config: Config,
  store: Store | null,
): Promise<TelegramHandle & { bot: Bot }> {
  if (!config.TELEGRAM_BOT_TOKEN) throw new AppError("CONFIG_INVALID", "TELEGRAM_BOT_TOKEN is not set");
  const bot = createBot(engine, {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    allowedChats: config.TELEGRAM_ALLOWED_CHATS,
    rateLimit: config.RATE_LIMIT,
    store,
  });
  await bot.init();
  // The command menu is a convenience: failing to set it must not keep the bot from answering.
  await bot.api
    .setMyCommands([...TELEGRAM_COMMANDS])
    .catch((e: Error) => console.error(`setMyCommands failed: ${e.message}`));
  let server: Server | null = null;
  if (config.TELEGRAM_WEBHOOK_URL) {
    server = await listenWebhook(bot, config.PORT, config.TELEGRAM_WEBHOOK_SECRET ?? "");
    await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, {
      secret_token: config.TELEGRAM_WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } else {
    await startPolling(bot);
  }
  return { ...withSignals(bot, server), bot };
}

/** A stop function shared by the caller and SIGINT/SIGTERM, so either ends the adapter exactly once. */
function withSignals(bot: Bot, server: Server | null): TelegramHandle {
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // stop() confirms the update offset with one more call; if the API is unreachable that is only logged.
      if (bot.isRunning()) await bot.stop().catch((e: Error) => console.error(`telegram stop: ${e.message}`));
      if (server) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() open
        await closed;
      }
    })();
    return stopping;
  };
  const onSignal = (): void => {
    stop().catch((e: Error) => console.error(`telegram stop failed: ${e.message}`));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return { stop };
}
