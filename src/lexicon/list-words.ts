/**
 * List words: how a sentence pairs a list of things with a list of figures ("刑事治安、涉诈、涉毒警情分别下降
 * 17.7%、17.4%、68%": the second figure is 涉诈's). Table tests: tests/lexicon/list-words.test.ts.
 */
import { LIST_MARK } from "./punctuation.js";

/** Words after a list of things that say the figures after them go item by item. */
export const RESPECTIVELY = /分别|依次/;

/** How the items of a list are joined: 、 first; the words only when 、 alone does not give one item a figure. */
export const ITEM_MARKS = new RegExp(LIST_MARK);
export const ITEM_WORDS = new RegExp(`${LIST_MARK}|以及|和|及|与`);

/**
 * Contractions that name two things at once ("城乡居民人均可支配收入分别达6.9万元、3.4万元": 城镇 then 农村).
 * A list of one item holding one stands for its members, in order; a question's word with a member
 * ("农村居民收入") also matches the contracted form ("城乡居民…").
 */
export const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["城乡", ["城镇", "农村"]],
  ["中小学", ["中学", "小学"]],
  ["进出口", ["进口", "出口"]],
  ["中高职", ["中职", "高职"]],
  ["本专科", ["本科", "专科"]],
]);
