import { type Context, type Filter, GrammyError } from "grammy";
import { answerInTurn, CHAT_TEXTS, feedbackNote } from "../../src/mod.js";
import { votedAnswer } from "../feedback-vote.js";
import { type BotDeps, isAllowed } from "./deps.js";
import { parseButton, replyKeyboard } from "./keyboard.js";
import { renderReply } from "./render-html.js";
import { respond, userOf } from "./respond.js";
import { splitMessage } from "./split-message.js";

type ButtonContext = Filter<Context, "callback_query:data">;

/** Shows page `page` of a cached answer in place; an edit holds one message, so only its first chunk fits. */
async function showPage(ctx: ButtonContext, deps: BotDeps, id: string, page: number): Promise<void> {
  const entry = deps.cache.get(id);
  const total = entry?.reply.kind === "answer" ? entry.reply.answers.length : 0;
  if (!entry || page >= total) {
    await ctx.answerCallbackQuery({ text: CHAT_TEXTS.expired });
    return;
  }
  const [html = ""] = splitMessage(renderReply(entry.reply, page));
  try {
    await ctx.editMessageText(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: replyKeyboard(id, entry.reply, page),
    });
  } catch (e) {
    // A double tap asks for the page already shown; Telegram refuses that edit, which is harmless.
    if (!(e instanceof GrammyError && e.description.includes("message is not modified"))) throw e;
  }
  await ctx.answerCallbackQuery();
}

/**
 * Records 👍/👎 on the answer of the page shown (one vote per user and answer) and tells the clicker alone what
 * became of it.
 */
async function saveFeedback(
  ctx: ButtonContext,
  deps: BotDeps,
  action: { id: string; rating: "up" | "down"; page: number },
): Promise<void> {
  const { id, rating } = action;
  const entry = deps.cache.get(id);
  const voted = entry ? votedAnswer(entry, id, action.page) : null;
  if (!voted) {
    await ctx.answerCallbackQuery({ text: CHAT_TEXTS.expired });
    return;
  }
  const outcome = await deps.recordFeedback({
    platform: "telegram",
    chat: String(ctx.chat?.id ?? ""),
    user: String(ctx.from.id),
    rating,
    at: new Date(deps.clock()).toISOString(),
    ...voted,
  });
  await ctx.answerCallbackQuery({ text: feedbackNote(rating, outcome) });
}

/** Handles every button press; each press is answered, stale or forged data with 已过期. */
export async function handleButton(ctx: ButtonContext, deps: BotDeps): Promise<void> {
  if (!isAllowed(deps, ctx.chat?.id ?? ctx.from.id)) {
    await ctx.answerCallbackQuery({ text: CHAT_TEXTS.notAllowed });
    return;
  }
  const action = parseButton(ctx.callbackQuery.data);
  if (action?.kind === "page") return showPage(ctx, deps, action.id, action.page);
  if (action?.kind === "feedback") return saveFeedback(ctx, deps, action);
  if (action?.kind !== "example") {
    await ctx.answerCallbackQuery({ text: CHAT_TEXTS.expired });
    return;
  }
  await ctx.answerCallbackQuery();
  // The question was a button, not a message of the user's, so there is nothing to quote.
  // In the user's turn of the work queue, like a typed question: a button is no way around the queue.
  const outcome = await answerInTurn(deps.conversation, userOf(ctx), { kind: "ask", text: action.question });
  await respond(ctx, deps, outcome, false);
}
