/**
 * The wording of every reply: the core returns codes and data, and this module alone turns them into the
 * Chinese sentences users read. Renderers (plain text, Telegram HTML, Slack mrkdwn) only add markup.
 */
import type {
  AnswerNote,
  CheckNote,
  Citation,
  Evidence,
  NoAnswerReason,
  OffTopicReason,
  Verdict,
} from "../answer/reply.js";

/** Verdict labels, the same in every adapter: 一致 / 不一致 / 来源不一致 / 未找到 with their badges. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: "✅ 一致",
  contradicted: "❌ 不一致",
  conflicting: "⚠️ 来源不一致",
  not_found: "❓ 未找到",
};

/** Why there is no answer, as a sentence (without the final 。). */
export function noAnswerText(reason: NoAnswerReason): string {
  if (reason.code === "off-topic") return offTopicText(reason);
  if (reason.code === "no-indicator") return "问题里没有可查询的指标词";
  const where = reason.places.length ? `关于${reason.places.join("、")}的` : "";
  return `语料中没有找到${where}这一问题的答案`;
}

/** Why a message is not searched; the words the corpus lacks are the user's own (renderers escape them). */
function offTopicText(reason: OffTopicReason): string {
  switch (reason.cause) {
    case "chat":
      return "我只能从语料中查找数字并注明出处，这句话里没有要查的内容";
    case "not-chinese":
      return "请用中文提问，语料是中文文件";
    case "unknown-words":
      return `语料中没有出现“${reason.words.join("、")}”`;
  }
}

/**
 * The no-answer line as every adapter shows it: 没有找到答案：why。 Small talk and text in another language get
 * why alone (answering 你好 with 没有找到答案 would be odd); a question in words the corpus lacks is a question.
 */
export function noAnswerSentence(reason: NoAnswerReason): string {
  if (reason.code === "off-topic" && reason.cause !== "unknown-words") return `${noAnswerText(reason)}。`;
  return `没有找到答案：${noAnswerText(reason)}。`;
}

/** A caveat above the answers, as a sentence ending in a colon: the answers follow it. */
export function answerNoteText(note: AnswerNote): string {
  return `语料中没有找到${note.indicator}的总数，只有新增的数量：`;
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

/** Marks a source's figure as a goal (目标) or an achieved value (已实现); nothing when the source does not say. */
export function periodLabel(period: Evidence["period"]): string {
  if (period === "target") return "（目标）";
  if (period === "achieved") return "（已实现）";
  return "";
}

/** What a citation is made from: a passage's source, a document of the corpus, a digest entry. */
export type CitedSource = Pick<Citation, "doc" | "title" | "publisher" | "date">;

/** A citation cut into the parts renderers mark up differently (a link on the title, say). */
export interface CitationParts {
  /** 《title》, or the file name when the document has no title. */
  title: string;
  /** Publisher and date, space-separated; "" when neither is known. */
  rest: string;
  /** 第N段, 标题 (paragraph 0), or null when no paragraph is cited (a list of documents). */
  where: string | null;
}

/** The parts of 《title》 publisher date · 第N段; without `paragraph` the citation names the document only. */
export function citationParts(c: CitedSource, paragraph?: number): CitationParts {
  const where = paragraph === undefined ? null : paragraph > 0 ? `第${paragraph}段` : "标题";
  const rest = [c.publisher, c.date].filter(Boolean).join(" ");
  return { title: c.title ? `《${c.title}》` : c.doc, rest, where };
}

/** What follows the title: " publisher date · 第N段". */
export function citationTail(parts: CitationParts): string {
  return `${parts.rest ? ` ${parts.rest}` : ""}${parts.where ? ` · ${parts.where}` : ""}`;
}

/** The whole citation as plain text: 《title》 publisher date · 第N段. */
export function citationText(c: CitedSource, paragraph?: number): string {
  const parts = citationParts(c, paragraph);
  return parts.title + citationTail(parts);
}
