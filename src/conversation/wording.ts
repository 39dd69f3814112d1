/**
 * The wording of every reply: the core returns codes and data, and this module alone turns them into the
 * Chinese sentences users read. Renderers (plain text, Telegram HTML, Slack mrkdwn) only add markup.
 */
import type { CheckNote, NoAnswerReason, Verdict } from "../answer/reply.js";

/** Verdict labels, the same in every adapter: 一致 / 不一致 / 来源不一致 / 未找到 with their badges. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: "✅ 一致",
  contradicted: "❌ 不一致",
  conflicting: "⚠️ 来源不一致",
  not_found: "❓ 未找到",
};

/** Why there is no answer, as a sentence (without the final 。). */
export function noAnswerText(reason: NoAnswerReason): string {
  if (reason.code === "no-indicator") return "问题里没有可查询的指标词";
  const where = reason.places.length ? `关于${reason.places.join("、")}的` : "";
  return `语料中没有找到${where}这一问题的答案`;
}

/** Why a claim was not checked figure by figure. */
export function checkNoteText(note: CheckNote): string {
  switch (note) {
    case "empty":
      return "请写出要核对的说法，例如：核实：全市新增学位28万个";
    case "no-figure":
      return "这句话里没有可以核对的数字；来源中有这些相关数字：";
    case "no-figure-no-source":
      return "这句话里没有可以核对的数字，语料中也没有找到相关说法。";
  }
}
