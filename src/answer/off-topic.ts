import { searchTokens } from "../index/tokens.js";
import { CHAT_PARTICLES, CHAT_WORDS } from "../lexicon/chat-words.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import type { SearchContext } from "../rank/search-context.js";
import type { OffTopicReason } from "./reply.js";

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

/**
 * Whether a message is not a question about the corpus, and why: small talk alone (你好, 谢谢, 今天天气如何),
 * letters but no Chinese ("what is the weather", "asdfgh"; an indicator such as GDP still counts as a
 * question), or words the corpus never uses. Such a message is not searched: whatever sentence it matched
 * would be a random one. Null for a question.
 */
export function offTopicReason(ctx: SearchContext, q: QueryAnalysis): OffTopicReason | null {
  if (isSmallTalk(q)) return { code: "off-topic", cause: "chat" };
  if (!HAN.test(q.norm) && LETTER.test(q.norm) && !q.words.some((w) => ctx.synonyms.has(w)))
    return { code: "off-topic", cause: "not-chinese" };
  if (q.words.length > 0 && !q.words.some((w) => isInCorpus(ctx, w)))
    return { code: "off-topic", cause: "unknown-words", words: q.words };
  return null;
}

/**
 * Small talk alone: the message holds chat phrases, and none of its words stands outside them ("你好，新增学位
 * 多少" is a question; "今天天气如何", read by jieba as the one word 今天天气, is not).
 */
export function isSmallTalk(q: QueryAnalysis): boolean {
  let rest = "";
  let found = false;
  for (let i = 0; i < q.norm.length; i++) {
    const phrase = CHAT_WORDS.at(q.norm, i);
    if (!phrase) {
      rest += q.norm[i];
      continue;
    }
    found = true;
    rest += " ";
    i += phrase[0].length - 1;
  }
  return found && q.words.every((w) => CHAT_PARTICLES.has(w) || !rest.includes(w));
}

/** Whether the corpus uses a word: as indexed, through a synonym, or by a part of two characters or more. */
function isInCorpus(ctx: SearchContext, word: string): boolean {
  const used = (t: string) => ctx.passages.df(t) > 0;
  if (used(word)) return true;
  for (const other of ctx.synonyms.get(word) ?? []) if (used(other)) return true;
  return searchTokens(word).some((t) => t.length >= 2 && used(t));
}
