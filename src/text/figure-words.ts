import type { FigureBound } from "./figure.js";

/** A word list indexed by first and last character, so matching at a position does not scan every word. */
export class Lexicon<V> {
  readonly #byFirst = new Map<string, [string, V][]>();
  readonly #byLast = new Map<string, [string, V][]>();

  constructor(entries: Iterable<readonly [string, V]>) {
    const sorted = [...entries].sort(([a], [b]) => b.length - a.length);
    for (const [word, value] of sorted) {
      this.#add(this.#byFirst, word.slice(0, 1), [word, value]);
      this.#add(this.#byLast, word.slice(-1), [word, value]);
    }
  }

  #add(index: Map<string, [string, V][]>, key: string, entry: [string, V]): void {
    const list = index.get(key) ?? [];
    list.push(entry);
    index.set(key, list);
  }

  /** The longest word that starts at `pos`, with its value. */
  at(text: string, pos: number): [string, V] | undefined {
    return this.#byFirst.get(text[pos] ?? "")?.find(([word]) => text.startsWith(word, pos));
  }

  /** The longest word that ends at `end` and starts no earlier than `floor`, with its value. */
  before(text: string, end: number, floor: number): [string, V] | undefined {
    const fits = ([word]: [string, V]) =>
      end - word.length >= floor && text.startsWith(word, end - word.length);
    return this.#byLast.get(text[end - 1] ?? "")?.find(fits);
  }
}

/** A lexicon of space-separated words whose value is the word itself. */
export function wordList(...lines: string[]): Lexicon<string> {
  return new Lexicon(
    lines
      .join(" ")
      .split(" ")
      .map((word) => [word, word] as const),
  );
}

function boundWords(bound: FigureBound, words: string): [string, FigureBound][] {
  return words.split(" ").map((word) => [word, bound]);
}

/** Bound words written before a number; the longer of two overlapping words wins (不超过 over 超过). */
export const PREFIX_BOUNDS = new Lexicon<FigureBound>([
  ...boundWords("about", "约 大约 大概"),
  ...boundWords("near", "近 将近 接近"),
  ...boundWords("over", "超 超过 逾 突破 不低于 不少于 至少 高于 多于"),
  ...boundWords("under", "不到 不足 不超过 低于 少于 最多 至多"),
  // 多达 stresses a count that was reached, so it stays exact.
  ...boundWords("exact", "多达"),
]);

/** Characters that turn a following bound word into part of another word: 节约, 最近, 赶超. */
const PREFIX_BLOCKERS: ReadonlyMap<string, string> = new Map([
  ["约", "节制签预履公合条特集违契邀简俭缔相"],
  ["近", "最附邻亲靠贴就"],
  ["超", "赶高"],
]);

/** Bound words written after the unit. 多/余 count only when the number did not already carry one. */
export const SUFFIX_BOUNDS = new Lexicon<FigureBound>([
  ...boundWords("over", "以上 有余 多 余"),
  ...boundWords("under", "以下 以内"),
  ...boundWords("about", "左右 上下"),
]);

/** 上下 followed by these is 上下游/上下级, not "about". */
export const ABOUT_BLOCKERS = "游级班学联贯互一";

/** Multipliers folded into the value, as powers of ten. */
export const MULTIPLIERS = new Lexicon<number>([
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
]);

const UNIT_WORDS = [
  "所 个 项 家 人 人次 名 位 元 美元 欧元 港元 台 辆 张 条 件 门 册 座 场 次 倍 岁 周岁 小时 天 年 个月 周 周年",
  "公里 千米 米 平方米 平方公里 公顷 亩 吨 公斤 千克 克 千瓦 千瓦时 立方米 户 届 批 期 篇 套 间 把 分钟 秒",
  "家次 户次 件次 架次 辆次 班次 课时 学时 学分 例 起 宗 处 栋 幢 层 艘 株 棵 头 只 份 本 部 首 支 块 类 种 轮",
  "km kg GB TB MB kW kWh MW m cm mm",
];

/** Units a figure may carry; the longest written one wins (人次 over 人, 平方公里 over 平方米). */
export const UNITS = wordList(...UNIT_WORDS);

/** Units after arabic digits: also 分, which after Chinese numerals starts words (十分 = "very"). */
export const ARABIC_UNITS = wordList(...UNIT_WORDS, "分");

/** Words that start with a unit character but are not a unit: 三年级, 90年代, 四位一体. */
export const UNIT_BLOCKERS = wordList(
  "年级 年代 年轻 元素 件事 门户 门槛 人民 天然 天下 场所 场景 座谈 台阶 批准 届时 位置 位于 位一体 周边",
  "间隔 倍增 岁月 名单 名称 期待 条件 个代表 个确立 个维护 个务必 个自信 个意识 次元",
);

/** Where a ranking was counted, written just before 第 or before a linking verb. */
export const RANK_SCOPES = wordList(
  "全国 全市 全省 全区 全县 全球 世界 亚洲 国内 省内 市内 中西部 西部 东部 中部 西南 西北 东北 华南 华东",
  "华北 长江经济带 成渝地区 同类城市 副省级城市 直辖市 主城都市区",
);

/** Verbs allowed between a rank scope and 第 (全国排名第六, 位居西部第一). */
export const RANK_LINKS = wordList("排名 位居 位列 名列 排在 位于 居 列 排");

/** Separators between the two ends of a range. */
export const RANGE_SEPARATORS = wordList("—— — – - ~ 〜 至 到");

/** The bound word (约, 超过, 不到…) that ends at `pos`, unless it is the tail of another word (节约, 最近). */
export function boundWordBefore(text: string, pos: number, floor: number): [string, FigureBound] | undefined {
  const found = PREFIX_BOUNDS.before(text, pos, floor);
  const blockers = found && PREFIX_BLOCKERS.get(found[0]);
  return blockers?.includes(text[pos - (found?.[0].length ?? 0) - 1] ?? "_") ? undefined : found;
}

/** True for CJK ideographs, which glue onto the words around them; punctuation and digits do not. */
export function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** True for ASCII letters, which make a number part of a code (PM2.5, 5G, COP28). */
export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}
