/**
 * Unit words: what a figure counts or measures, the multipliers folded into its value, and the words that
 * only look like a unit. The one home of the units that figure parsing, question analysis ("几所" asks for
 * 所) and figure comparison (人 = 名 = 位) share. Table tests: tests/lexicon/units.test.ts.
 */
import { Lexicon, wordList } from "./lexicon.js";

const UNIT_WORDS = [
  "所 个 项 家 人 人次 名 位 元 美元 欧元 港元 台 辆 张 条 件 门 册 座 场 次 倍 岁 周岁 小时 天 年 个月 周 周年",
  "公里 千米 米 平方米 平方公里 公顷 亩 吨 公斤 千克 克 千瓦 千瓦时 立方米 户 届 批 期 篇 套 间 把 分钟 秒",
  "家次 户次 件次 架次 辆次 班次 课时 学时 学分 例 起 宗 处 栋 幢 层 艘 株 棵 头 只 份 本 部 首 支 块 类 种 轮",
  "斤 列 标箱",
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

/** Multipliers folded into the value, as powers of ten. */
export const MULTIPLIERS = new Lexicon<number>([
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
]);

/** The multipliers that may follow a Chinese numeral (二十七点八万; never 三千 read as 3 × 千). */
export const CHINESE_MULTIPLIERS: ReadonlySet<string> = new Set(["万", "亿", "万亿"]);

/** "百分之八十" and its kin: percent written before the number, with the power of ten each adds. */
export const PERCENT_OF = new Lexicon<number>([
  ["百分之", 0],
  ["千分之", -1],
  ["万分之", -2],
]);

/** 成 ("tenths") followed by these starts a word (成为, 成立, 成渝), not a share. */
export const CHENG_BLOCKERS = "为立员果本效功绩熟长就型品交渝都";

/** Units that name the same thing; everything else must match exactly. */
export const SAME_UNITS: readonly (readonly string[])[] = [
  ["%", "成"],
  ["人", "名", "位"],
  ["公里", "千米", "km"],
  ["公斤", "千克", "kg"],
];

/** Colloquial unit words of questions and the unit a figure writes ("多少块钱" asks for 元). */
export const UNIT_ALIASES: ReadonlyMap<string, string> = new Map([["块钱", "元"]]);

/** Separators between the two ends of a range ("1—2项", "3至5万人"). */
export const RANGE_SEPARATORS = wordList("—— — – - ~ 〜 至 到");

/** "2024财年", "2024学年": kinds of year written right after the number. */
export const YEAR_KINDS = ["财年", "学年"] as const;

/** Characters that can follow the first number of a year, month or day: a date word or a range separator. */
export const DATE_FOLLOWERS = "年届月日—–-~〜至到财学";

/** Every unit word, longest first: for patterns that look for "几/多少 + unit" in a question. */
export function unitWords(): string[] {
  const all = [...UNIT_WORDS.join(" ").split(" "), ...UNIT_ALIASES.keys()];
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/**
 * Words before an indicator that make it another indicator, measured per unit: 人均地区生产总值 is not 地区生产总值,
 * 单位地区生产总值能耗 not 地区生产总值. Where the vocabulary (indicators.txt) names such an indicator, an
 * occurrence inside it does not match the bare one (人均工资, not in the vocabulary, still matches 工资).
 */
export const PER_UNIT_QUALIFIERS: readonly string[] = [
  "人均",
  "单位",
  "户均",
  "亩均",
  "地均",
  "每万人",
  "每千人",
  "万元",
];
