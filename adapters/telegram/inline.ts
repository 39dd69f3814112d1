import type { Context, Filter } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { AnswerItem, Reply } from "../../src/answer/reply.js";
import { noAnswerText } from "../../src/conversation/wording.js";
import { type BotDeps, isAllowed } from "./deps.js";
import { answerItemSpans, renderReply, VERDICT_BADGES } from "./render-html.js";
import { classify } from "./respond.js";
import { italic, plain, type Span, toPlain } from "./rich-text.js";
import { splitMessage } from "./split-message.js";
import { MAX_QUESTION_LENGTH, TEXTS } from "./texts.js";

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

/** The sent message shows the question too: in another chat there is no quoted message to show it. */
function questionLine(question: string): Span[] {
  return [plain("问："), italic(question), plain("\n")];
}

function answerArticle(question: string, item: AnswerItem, i: number): InlineQueryResultArticle {
  const title = item.figure?.text ?? toPlain(answerItemSpans(item)).slice(0, 30);
  return article(String(i), title, item.quote.text, [...questionLine(question), ...answerItemSpans(item)]);
}

/** The results offered for a reply: one per answer, or a single check or no-answer result. */
export function inlineResults(question: string, reply: Reply): InlineQueryResultArticle[] {
  if (reply.kind === "answer")
    return reply.answers.slice(0, MAX_RESULTS).map((a, i) => answerArticle(question, a, i));
  const spans = renderReply(reply);
  if (reply.kind === "check")
    return [article("check", `${VERDICT_BADGES[reply.verdict]}：${question}`, "", spans)];
  return [article("none", "没有找到答案", noAnswerText(reply.reason), [...questionLine(question), ...spans])];
}

/** Answers `@bot 新增学位`: the top answers as articles, each message carrying its citation. */
export async function handleInline(ctx: Filter<Context, "inline_query">, deps: BotDeps): Promise<void> {
  const query = ctx.inlineQuery.query.trim();
  if (!isAllowed(deps, ctx.from.id)) {
    await ctx.answerInlineQuery([], {
      cache_time: 60,
      button: { text: TEXTS.notAllowed, start_parameter: "denied" },
    });
    return;
  }
  const { mode, text } = classify(query);
  if (!text || [...text].length > MAX_QUESTION_LENGTH) {
    await ctx.answerInlineQuery([], { cache_time: 60 });
    return;
  }
  const reply = mode === "check" ? deps.engine.check(text) : deps.engine.ask(text);
  await ctx.answerInlineQuery(inlineResults(text, reply), { cache_time: 60 });
}
