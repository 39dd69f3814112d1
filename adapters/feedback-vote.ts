import { type FeedbackRecord, type Reply, ratedAnswer } from "../src/mod.js";
import type { CachedReply } from "./reply-cache.js";

/** What a 👍/👎 button contributes to a vote: the question, which answer of which reply, and what it says. */
export type VotedAnswer = Pick<FeedbackRecord, "question" | "target" | "answer">;

/** How many answers of a reply a button can rate: its answers, its checked figures, or its one "no answer". */
function rateableCount(reply: Reply): number {
  if (reply.kind === "answer") return Math.max(1, reply.answers.length);
  if (reply.kind === "check") return Math.max(1, reply.items.length);
  return 1;
}

/**
 * The answer at `index` of a cached reply as a vote rates it (a Telegram page, a Slack page's first answer), or
 * null when the reply has no such answer (forged or foreign button data): a vote never lands on another answer.
 */
export function votedAnswer(hit: CachedReply, replyId: string, index: number): VotedAnswer | null {
  if (!Number.isInteger(index) || index < 0 || index >= rateableCount(hit.reply)) return null;
  return { question: hit.question, target: { replyId, index }, answer: ratedAnswer(hit.reply, index) };
}
