import { type Conversation, converseInTurn } from "../../src/mod.js";
import type { ReplyCache } from "../reply-cache.js";
import type { MarkdownDialect } from "./dialect.js";
import { asksForMore, type NextPages } from "./next-pages.js";
import { notAnsweredText } from "./outcome-text.js";
import { renderMarkdown } from "./render-text.js";

/** A chat whose replies are one markdown message each (DingTalk, WeCom): what answering needs. */
export interface MarkdownChat {
  conversation: Conversation;
  cache: ReplyCache;
  /** Where each user's last reply continues (更多来源). */
  pages: NextPages;
  perPage: number;
  dialect: MarkdownDialect;
  /** Characters a message may hold. */
  max: number;
  /** Runs /digest with its arguments: the messages answering it. */
  digest(args: string): Promise<string[]>;
}

/**
 * The markdown messages answering a message: the next page of the user's last reply when the message asks for
 * 更多来源, /digest's answer, else the conversation's (a page of a reply, remembered for 更多来源, or a notice);
 * none when nothing is to be said (a rate limit told already in this window).
 */
export async function answerMarkdown(
  c: MarkdownChat,
  chat: string,
  user: string,
  text: string,
): Promise<string[]> {
  const more = asksForMore(text) ? c.pages.get(chat, user) : undefined;
  const hit = more ? c.cache.get(more.id) : undefined;
  if (more && hit) {
    const page = renderMarkdown(c.dialect, hit.reply, { offset: more.next, perPage: c.perPage, max: c.max });
    c.pages.set(chat, user, more.id, page.next);
    return [page.text];
  }
  const outcome = await converseInTurn(c.conversation, user, text);
  if (outcome.kind === "refused" && outcome.repeated) return [];
  if (outcome.kind === "command" && outcome.name === "digest") return c.digest(outcome.args);
  if (outcome.kind !== "reply") return [c.dialect.escape(notAnsweredText(outcome))];
  const id = c.cache.put(outcome.reply, outcome.asked);
  const page = renderMarkdown(c.dialect, outcome.reply, { perPage: c.perPage, max: c.max });
  c.pages.set(chat, user, id, page.next);
  return [page.text];
}
