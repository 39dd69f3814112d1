import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, type Composer, type Context, type Filter } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import {
  answerInTurn,
  CHAT_TEXTS,
  type Clock,
  converseInTurn,
  type Engine,
  helpText,
  INLINE_QUERIES_PER_QUESTION,
  RateLimiter,
  START_TEXT,
  type Store,
  unknownCommandText,
  WorkQueue,
} from "../../src/mod.js";
import type { InFlight } from "../in-flight.js";
import { ReplyCache } from "../reply-cache.js";
import { isAddressed, leadingCommand, questionText } from "./addressing.js";
import { handleButton } from "./callbacks.js";
import { type BotDeps, isAllowed, parseAllowedChats } from "./deps.js";
import { handleDigestCommand } from "./digest-command.js";
import { handleInline } from "./inline.js";
import { examplesKeyboard } from "./keyboard.js";
import { renderSources } from "./render-html.js";
import { quoteOf, replyPlain, respond, userOf } from "./respond.js";
import { splitMessage } from "./split-message.js";

/** How to build a bot; `botInfo` skips getMe (tests), `apiRoot` points at another Bot API server. */
export interface BotOptions {
  token: string;
  apiRoot?: string;
  botInfo?: UserFromGetMe;
  /** Chat ids allowed to use the bot (TELEGRAM_ALLOWED_CHATS); unset or empty: every chat. */
  allowedChats?: string | readonly string[];
  /** Questions per user per minute (RATE_LIMIT). */
  rateLimit?: number;
  /** The store: 👍/👎 go to its feedback table, /digest to its subscriptions; null when it is unavailable. */
  store: Store | null;
  clock?: Clock;
  /** Longest retry_after (seconds) honoured on a 429 before the call fails. */
  maxRetryDelaySeconds?: number;
  /** Where warnings and failed updates go; a failed update also passes its id and error as fields. */
  log?: (line: string, fields?: Record<string, unknown>) => void;
  /** Counts the updates being handled, so that a shutdown can wait for their replies. */
  inFlight?: InFlight;
}

/**
 * The catch-all: one log line per failed update, with its id and the error (the stack goes in the fields, never
 * the message text), and a short apology to the user: no stack reaches a chat.
 */
function errorHandler(log: NonNullable<BotOptions["log"]>) {
  return async (err: BotError<Context>): Promise<void> => {
    const e = err.error instanceof Error ? err.error : new Error(String(err.error));
    const id = err.ctx.update.update_id;
    log(`telegram update ${id} failed: ${e.name}: ${e.message}`, { update_id: id, err: e });
    try {
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text: CHAT_TEXTS.failed });
      else if (err.ctx.chat) await err.ctx.reply(CHAT_TEXTS.failed);
    } catch {
      // The chat may be unreachable (blocked, network down); the log line above is the record.
    }
  };
}

/** /start: what the bot does, with example questions this corpus answers as buttons. */
async function start(ctx: Context, deps: BotDeps): Promise<unknown> {
  const examples = await deps.engine.examples();
  return ctx.reply(START_TEXT, { ...quoteOf(ctx), reply_markup: examplesKeyboard(examples) });
}

/** /sources: the documents, as HTML messages within Telegram's limit. */
async function sources(ctx: Context, deps: BotDeps): Promise<void> {
  for (const html of splitMessage(renderSources(deps.engine.sources()))) {
    await ctx.reply(html, {
      ...quoteOf(ctx),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  }
}

/** /start, /help, /ask, /check, /digest and /sources. */
function registerCommands(chat: Composer<Filter<Context, "message">>, deps: BotDeps): void {
  const ask = async (ctx: Context, kind: "ask" | "check", text: string) =>
    respond(ctx, deps, await answerInTurn(deps.conversation, userOf(ctx), { kind, text: text.trim() }));
  chat.command("start", (ctx) => start(ctx, deps));
  chat.command("help", (ctx) => replyPlain(ctx, helpText("telegram")));
  chat.command("ask", (ctx) => ask(ctx, "ask", ctx.match));
  chat.command("check", (ctx) => ask(ctx, "check", ctx.match));
  chat.command("digest", (ctx) => handleDigestCommand(ctx, deps));
  chat.command("sources", (ctx) => sources(ctx, deps));
}

/** A command written after a mention ("@bot /sources"), which Telegram does not mark as one. */
function textCommand(ctx: Context, deps: BotDeps, name: string): Promise<unknown> {
  if (name === "start") return start(ctx, deps);
  if (name === "help") return replyPlain(ctx, helpText("telegram"));
  if (name === "sources") return sources(ctx, deps);
  return replyPlain(ctx, unknownCommandText(`/${name}`, "telegram"));
}

/** Messages addressed to the bot: commands, then text as a question or claim, anything else gets the help line. */
function registerMessages(bot: Composer<Context>, deps: BotDeps): void {
  const chat = bot.on("message").filter((ctx) => isAddressed(ctx.msg, ctx.me));
  chat.use(async (ctx, next) => {
    if (isAllowed(deps, ctx.chat.id)) return next();
    await replyPlain(ctx, CHAT_TEXTS.notAllowed);
  });
  registerCommands(chat, deps);
  chat.on("message:text", async (ctx) => {
    // The bot's own commands were handled above: one left here is unknown, or another bot's.
    const command = leadingCommand(ctx.msg);
    if (command) return replyPlain(ctx, unknownCommandText(command, "telegram"));
    const outcome = await converseInTurn(deps.conversation, userOf(ctx), questionText(ctx.msg, ctx.me));
    if (outcome.kind === "empty") return replyPlain(ctx, helpText("telegram"));
    if (outcome.kind === "command") return textCommand(ctx, deps, outcome.name);
    await respond(ctx, deps, outcome);
  });
  chat.on("message", (ctx) => replyPlain(ctx, CHAT_TEXTS.notText));
}

/** Builds the Telegram bot over an engine with every handler registered; nothing is sent until it is started. */
export function createBot(engine: Engine, options: BotOptions): Bot {
  const bot = new Bot(options.token, {
    botInfo: options.botInfo,
    client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined,
  });
  // 429 (retry_after) and 5xx are retried; the cap keeps a flood wait from stalling a handler for minutes.
  // Network errors are rethrown: polling retries them itself, and retrying forever would hang stop().
  const retry = {
    maxDelaySeconds: options.maxRetryDelaySeconds ?? 10,
    maxRetryAttempts: 3,
    rethrowHttpErrors: true,
  };
  bot.api.config.use(autoRetry(retry));
  const rateLimit = options.rateLimit ?? 20;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const deps: BotDeps = {
    engine,
    cache: new ReplyCache(1000),
    // Webhook updates arrive side by side: their answers take turns, one per turn of the event loop.
    conversation: { engine, limiter: new RateLimiter(rateLimit, clock), queue: new WorkQueue() },
    inlineLimiter: new RateLimiter(rateLimit * INLINE_QUERIES_PER_QUESTION, clock),
    allowedChats: parseAllowedChats(options.allowedChats),
    // Without a store 👍/👎 are not kept: the clicker is told so (and the start-up log has said why).
    recordFeedback: options.store ? options.store.feedback.record : async () => "unavailable" as const,
    store: options.store,
    clock,
    log,
  };
  const onError = errorHandler(log);
  bot.catch(onError);
  const inFlight = options.inFlight;
  if (inFlight) bot.use((_ctx, next) => inFlight.track(next));
  // The boundary also covers webhook and handleUpdate calls, which bypass bot.catch.
  const root = bot.errorBoundary(onError);
  root.on("callback_query:data", (ctx) => handleButton(ctx, deps));
  root.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  root.on("inline_query", (ctx) => handleInline(ctx, deps));
  registerMessages(root, deps);
  return bot;
}
