/**
 * Stopwords: tokens that carry no indicator meaning and are left out of matching and indexing. Curated for
 * numeric questions: bound and rank words (以上, 不到, 第) and indicator verbs (新增, 累计) are deliberately not
 * here, and question words (多少, 几) are dropped only after query analysis has read what answer they ask for.
 * Table tests: tests/lexicon/stopwords.test.ts.
 */
import { QUESTION_WORDS } from "./question-words.js";
import { WHOLE_SCOPE_WORDS } from "./scope-words.js";

const words = (...lines: string[]) => lines.join(" ").split(/\s+/).filter(Boolean);

/** Particles, pronouns, conjunctions, prepositions, auxiliaries. */
export const FUNCTION_WORDS = words(
  "的 了 和 与 及 以及 或 或者 等 等等 是 在 于 对 为 以 把 被 将 从 向 让 由 其 其中 这 那 这个 那个 这些 那些",
  "之 也 都 还 又 就 而 并 并且 且 但 但是 则 即 如 如果 因为 所以 个 之一 啊 呀 呢 吗 吧 么 嘛 哦",
  "我 我们 你 你们 他 他们 它 它们 您 有 可以 会 要 需要 应该 能",
);

/** Words about the asking or the figure in general, not about what it counts. */
export const GENERAL_WORDS = words(
  "大概 大约 目前 现在 一共 总共 共 数量 数目 总数 个数 规模 已经 已 方面 相关 有关 关于 问题 数据 数字 具体",
  "一个 达到 达 到 目前为止 分别 一共有 总计 情况",
);

/**
 * Verbs and markers that link an indicator to its figure without narrowing it ("累计新增", "达到", "全年"): a
 * source clause holding them still states the claim's indicator. Not stopwords for search: only for judging
 * whether a source clause qualifies the indicator further (check/).
 */
export const LINK_WORDS: ReadonlySet<string> = new Set([
  ...words(
    "累计 共计 总计 已经 达到 突破 超过 增至 降至 提升 提升至 提高 实现 保持 全年 目前 其中 同比 分别",
  ),
  ...words("近年来 今年 去年 以来"),
  ...WHOLE_SCOPE_WORDS,
]);

const STOPWORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...QUESTION_WORDS,
  ...GENERAL_WORDS,
  ...WHOLE_SCOPE_WORDS,
]);

/** Whether a token is a function word or question word to leave out of matching. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Whether a token is punctuation, a symbol or whitespace only. */
export function isPunctuation(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token);
}
