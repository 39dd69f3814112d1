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
