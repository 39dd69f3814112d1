/**
 * Words that carry no indicator meaning, curated for numeric questions. Question words (多少, 几) are here
 * but are only dropped after query analysis has read what answer they ask for; bound and rank words
 * (以上, 不到, 第) and indicator verbs (新增, 累计) are deliberately not here.
 */
const FUNCTION_WORDS =
  "的 了 和 与 及 以及 或 或者 等 等等 是 在 于 对 为 以 把 被 将 从 向 让 由 其 其中 这 那 这个 那个 这些 那些 " +
  "之 也 都 还 又 就 而 并 并且 且 但 但是 则 即 如 如果 因为 所以 个 之一 啊 呀 呢 吗 吧 么 嘛 哦 " +
  "我 我们 你 你们 他 他们 它 它们 您 请问 请 一下 告诉 知道 想 想知道 麻烦 帮 帮我 查 查一下 查询 " +
  "有 有没有 是否 是不是 能否 可以 会 要 需要 应该 能 到底 究竟 大概 大约 目前 现在 一共 总共 共 " +
  "什么 啥 怎么 怎样 如何 哪 哪个 哪些 哪里 哪儿 为什么 多少 几 几个 多 多大 多长 多久 几何 情况 " +
  "全国 全市 我市 本市 全省 数量 数目 总数 个数 规模 已经 已 时候 何时 哪年 哪一年 几月 几号 哪天 多少钱 方面 相关 有关 关于 问题 数据 数字 具体 一个 达到 达 到 为 目前为止 了吗 呢 的话 分别 一共有 总计";

const STOPWORDS = new Set(FUNCTION_WORDS.split(/\s+/).filter(Boolean));

/** Whether a token is a function word or question word to leave out of matching. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Whether a token is punctuation, a symbol or whitespace only. */
export function isPunctuation(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token);
}
