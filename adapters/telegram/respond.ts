import type { Context } from "grammy";
import type { Reply } from "../../src/answer/reply.js";
import type { BotDeps } from "./deps.js";
import { replyKeyboard } from "./keyboard.js";
import { renderReply } from "./render-html.js";
import { splitMessage } from "./split-message.js";
import { CHECK_PREFIXES, MAX_QUESTION_LENGTH, TEXTS } from "./texts.js";

/** Whether text is answered as a question or checked as a claim. */
export type AskMode = "ask" | "check";

/** Reads a private message: 核实/核查/查证 at the start makes it a claim (the prefix and punctuation after it removed). */
export function classify(text: string): { mode: AskMode; text: string } {
  const prefix = CHECK_PREFIXES.find((p) => text.startsWith(p));
  if (!prefix) return { mode: "ask", text: text.trim() };
  return {
    mode: "check",
    text: text
      .slice(prefix.length)
      .replace(/^(?:一下)?[\s:：,，、]*/u, "")
      .trim(),
  };
}

/** Sends plain text (no parse mode: nothing can be misread as HTML), quoting the message it answers. */
export async function replyPlain(ctx: Context, text: string, quote = true): Promise<void> {
  await ctx.reply(text, quoteOf(ctx, quote));
}

/** reply_parameters quoting the message being answered (none for a button press, which quotes nothing). */
export function quoteOf(ctx: Context, quote = true) {
  const id = quote ? ctx.msg?.message_id : undefined;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

/** Refuses what should not reach the engine: empty, too long, or over the user's rate. Returns true when it refused. */
async function refuse(ctx: Context, deps: BotDeps, text: string, mode: AskMode): Promise<boolean> {
  if (!text) {
    await replyPlain(ctx, mode === "check" ? TEXTS.emptyCheck : TEXTS.emptyAsk);
    return true;
  }
  if ([...text].length > MAX_QUESTION_LENGTH) {
    await replyPlain(ctx, TEXTS.tooLong([...text].length));
    return true;
  }
  const user = String(ctx.from?.id ?? ctx.chat?.id ?? "unknown");
  if (!deps.limiter.take(user)) {
    await replyPlain(ctx, TEXTS.rateLimited(deps.rateLimit));
    return true;
  }
  return false;
}

/** Answers a question or checks a claim, then sends the reply with its buttons (split if over 4096 characters). */
export async function respond(
  ctx: Context,
  deps: BotDeps,
  text: string,
  mode: AskMode,
  quote = true,
): Promise<void> {
  if (await refuse(ctx, deps, text, mode)) return;
  const reply: Reply = mode === "check" ? deps.engine.check(text) : deps.engine.ask(text);
  const id = deps.cache.put(reply, text);
  const chunks = splitMessage(renderReply(reply, 0));
  for (const [i, html] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? quoteOf(ctx, quote) : {}),
      ...(last ? { reply_markup: replyKeyboard(id, reply, 0) } : {}),
    });
  }
}
