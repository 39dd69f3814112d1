/**
 * Bound words: how a written figure bounds the true value (约 about, 近 near, 超过 over, 不到 under), and the
 * characters that make such a word part of another (节约, 最近). Table tests: tests/text/figures.test.ts
 * (bounds) and tests/lexicon/bound-words.test.ts.
 */
import type { FigureBound } from "../text/figure.js";
import { Lexicon, wordList } from "./lexicon.js";

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
export const PREFIX_BLOCKERS: ReadonlyMap<string, string> = new Map([
  ["约", "节制签预履公合条特集违契邀简俭缔相"],
  ["近", "最附邻亲靠贴就"],
  ["超", "赶高"],
]);

/** Bound words written after the unit. 多/余 count only when the number did not already carry one. */
export const SUFFIX_BOUNDS = new Lexicon<FigureBound>([
  // "迈上6万亿元台阶", "突破1000万大关": a level passed.
  ...boundWords("over", "以上 有余 多 余 台阶 大关"),
  ...boundWords("under", "以下 以内"),
  ...boundWords("about", "左右 上下"),
]);

/** 上下 followed by these is 上下游/上下级, not "about". */
export const ABOUT_BLOCKERS = "游级班学联贯互一";

/** 多/余/几 written right after a number: "800余", "十多", "几十". */
export const APPROX_MARKS = "多余几";

/** Durations that 近 qualifies as "the last N", not "almost N": 近5年, 近三个月. */
export const RECENT_UNITS: ReadonlySet<string> = new Set(["年", "个月", "天", "周"]);

/** After 年 these make "2000年" a length of time, not a year. */
export const DURATION_AFTER = wordList("以上 以下 左右 多 余 有余 之久");
