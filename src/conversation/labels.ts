/**
 * The short labels renderers put around the reply's data (headings, prefixes, buttons), so that no adapter
 * writes a word of Chinese itself. Some differ between platforms because their layouts differ (Slack shows
 * 说法数值 in a heading line, Telegram 说法： before the figure); each is still written once, here.
 */
export const LABELS = {
  /** Heading of the other figures of the same indicator. */
  related: "相关数字",
  /** Heading of the nearby topics the corpus covers (no answer, or nothing to check). */
  nearby: "语料中相近的内容：",
  /** Heading of the example questions every no-answer offers; says that questions are read in Chinese. */
  examples: "我能读懂中文提问，可以这样问：",
  /** Appended to a line whose source was cited above (the source line is not repeated). */
  citedAbove: "（出处见上）",
  /** Stands for the evidence of a checked figure when an earlier figure quoted the same sentence. */
  quotedAbove: "（原文见上）",
  /** Slack's heading of the same list under a check. */
  relatedClaims: "来源中相关的说法：",
  /** What a check looked for, when nothing stated it. */
  lookedFor: "查找的指标：",
  /** Slack's shorter form of the same. */
  lookedForShort: "查找：",
  /** Shown when a check looked for no indicator at all. */
  nothingLookedFor: "（无）",
  /** Before the claim's own figure, and before the sources' figures. */
  claim: "说法：",
  source: "来源：",
  /** Slack's heading words for the claim's and the sources' values. */
  claimValue: "说法数值",
  sourceValue: "来源数值",
  /** Telegram's line above the claim of a check. */
  checkedClaim: "核实：",
  /** Slack's heading of a check. */
  checkResult: "核查结果：",
  /** Before the question, where no quoted message shows it (inline results). */
  question: "问：",
  /** Title of a result with no answer. */
  noAnswer: "没有找到答案",
  /** Buttons. */
  moreSources: "更多来源",
  backToFirst: "回到第一条",
  share: "分享到频道",
  /** Telegram's button opening the source's web page. */
  original: "原文",
} as const;

/** An answer without a figure to head it: 答案 N. */
export function answerNumber(n: number): string {
  return `答案 ${n}`;
}

/** Which answer of how many a page shows: 来源 2/5. */
export function pageCounter(page: number, total: number): string {
  return `来源 ${page}/${total}`;
}

/** The 更多来源 button with the page it leads to: 更多来源 (2/5). */
export function moreSourcesButton(next: number, total: number): string {
  return `${LABELS.moreSources} (${next}/${total})`;
}

/** Heading of a later page of answers: 更多来源（第 4 条起）： */
export function moreSourcesFrom(first: number): string {
  return `${LABELS.moreSources}（第 ${first} 条起）：`;
}

/** An answer cited by more sources than are listed: 等 8 处来源. */
export function moreCitations(total: number): string {
  return `等 ${total} 处来源`;
}

/** Heading of the document list: 语料共 5 篇文档. */
export function corpusSize(documents: number): string {
  return `语料共 ${documents} 篇文档`;
}

/** The claim's figure against the source's, in one line: 说法 28万个，来源 27.8万个. */
export function claimAgainstSource(claim: string, source: string | null): string {
  return `说法 ${claim}${source ? `，来源 ${source}` : ""}`;
}

/**
 * What the user who clicked 👍/👎 is told (only them: the buttons stay for everyone else): a first vote thanked,
 * a changed vote, the same vote again kept (one vote per user and answer), or no vote kept at all when the bot
 * runs without its database.
 */
export function feedbackNote(
  rating: "up" | "down",
  outcome: "recorded" | "changed" | "kept" | "unavailable",
): string {
  const badge = rating === "up" ? "👍" : "👎";
  if (outcome === "unavailable") return `反馈 ${badge} 暂时无法保存（数据库不可用），提问和核实照常可用。`;
  if (outcome === "changed") return `已把你的反馈改为 ${badge}，谢谢。`;
  if (outcome === "kept") return `你已经给过 ${badge}，反馈保持不变。`;
  return rating === "up" ? "已收到反馈 👍，谢谢！" : "已收到反馈 👎，我们会改进。";
}
