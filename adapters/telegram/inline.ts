import type { Context, Filter } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import {
  type AnswerItem,
  type AnswerNote,
  answerNoteText,
  CHAT_TEXTS,
  converseInTurn,
  LABELS,
  noAnswerText,
  type Reply,
  refusalText,
  VERDICT_LABELS,
} from "../../src/mod.js";
import { type BotDeps, isAllowed } from "./deps.js";
import { answerItemSpans, questionLine, renderReply } from "./render-html.js";
import { plain, type Span, toPlain } from "./rich-text.js";
import { splitMessage } from "./split-message.js";

/** How many answers an inline query offers. */
const MAX_RESULTS = 5;

/** An article result whose message is the rendered spans (first chunk: a sent message holds at most 4096). */
function article(id: string, title: string, description: string, spans: Span[]): InlineQueryResultArticle {
  const [html = ""] = splitMessage(spans);
  return {
    type: "article",
    id,
    title,
    description: description.slice(0, 120),
    input_message_content: {
      message_text: html,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

function answerArticle(
  question: string,
  item: AnswerItem,
  i: number,
  note: AnswerNote | undefined,
): InlineQueryResultArticle {
  const title = item.figure?.text ?? toPlain(answerItemSpans(item)).slice(0, 30);
  const noted = note ? [plain(`${answerNoteText(note)}\n`)] : [];
  return article(String(i), title, item.quote.text, [
    ...questionLine(question),
    ...noted,
    ...answerItemSpans(item),
  ]);
}

/** The results offered for a reply: one per answer, or a single check or no-answer result. */
export function inlineResults(question: string, reply: Reply): InlineQueryResultArticle[] {
  if (reply.kind === "answer")
    return reply.answers.slice(0, MAX_RESULTS).map((a, i) => answerArticle(question, a, i, reply.note));
  const spans = renderReply(reply);
  if (reply.kind === "check")
    return [article("check", `${VERDICT_LABELS[reply.verdict]}：${question}`, "", spans)];
  const text = [...questionLine(question), ...spans];
  return [article("none", LABELS.noAnswer, noAnswerText(reply.reason), text)];
}

/**
 * Answers `@bot 新增学位`: the top answers as articles, each message carrying its citation. Read and limited
 * like messages, with a rate budget of their own (Telegram asks again at every pause in typing); a refusal
 * gets no results and says why on the button above them, never cached.
 */
export async function handleInline(ctx: Filter<Context, "inline_query">, deps: BotDeps): Promise<void> {
  if (!isAllowed(deps, ctx.from.id)) {
    await ctx.answerInlineQuery([], {
      cache_time: 60,
      button: { text: CHAT_TEXTS.notAllowed, start_parameter: "denied" },
    });
    return;
  }
  const inline = { ...deps.conversation, limiter: deps.inlineLimiter };
  const outcome = await converseInTurn(inline, String(ctx.from.id), ctx.inlineQuery.query);
  if (outcome.kind === "refused" && outcome.refusal.code !== "empty") {
    const text = refusalText(outcome.refusal, "telegram");
    await ctx.answerInlineQuery([], {
      cache_time: 0,
      is_personal: true,
      button: { text, start_parameter: "help" },
    });
    return;
  }
  const results = outcome.kind === "reply" ? inlineResults(outcome.asked, outcome.reply) : [];
  await ctx.answerInlineQuery(results, { cache_time: 60 });
}
