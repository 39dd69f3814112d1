import type { Context } from "grammy";
import { type Answer, refusalText } from "../../src/mod.js";
import type { BotDeps } from "./deps.js";
import { replyKeyboard } from "./keyboard.js";
import { renderReply } from "./render-html.js";
import { splitMessage } from "./split-message.js";

/** Sends plain text (no parse mode: nothing can be misread as HTML), quoting the message it answers. */
export async function replyPlain(ctx: Context, text: string, quote = true): Promise<void> {
  await ctx.reply(text, quoteOf(ctx, quote));
}

/** reply_parameters quoting the message being answered (none for a button press, which quotes nothing). */
export function quoteOf(ctx: Context, quote = true) {
  const id = quote ? ctx.msg?.message_id : undefined;
  return id === undefined ? {} : { reply_parameters: { message_id: id, allow_sending_without_reply: true } };
}

/** Who the rate limit counts: the sender, else the chat. */
export function userOf(ctx: Context): string {
  return String(ctx.from?.id ?? ctx.chat?.id ?? "unknown");
}

/**
 * Sends a reply with its buttons (split if over 4096 characters), or the refusal as plain text — once a window
 * for a rate limit: a repeated one is not sent again.
 */
export async function respond(ctx: Context, deps: BotDeps, outcome: Answer, quote = true): Promise<void> {
  if (outcome.kind === "refused" && outcome.repeated) return;
  if (outcome.kind === "refused") return replyPlain(ctx, refusalText(outcome.refusal, "telegram"), quote);
  const { reply, asked } = outcome;
  const id = deps.cache.put(reply, asked);
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
