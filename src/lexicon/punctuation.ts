/**
 * Where sentences, clauses and list items end, and the marks around them: the one home of the punctuation
 * rules that sentence splitting, line joining, figure closeness, clause quoting and claim reading share.
 * Each set is a string of characters; the tests in tests/lexicon/punctuation.test.ts show each with a line
 * from a real document.
 */

/** Marks that end a sentence: a passage is cut after them (；cuts too: Chinese reports chain long clauses with it). */
export const SENTENCE_END = "。！？!?；;";

/** Marks that end a sentence for certain, when a line stops on one: …also, which 。 does not need to follow. */
export const LINE_END = `${SENTENCE_END}…`;

/** Marks that end a clause inside a sentence ("新增学位27.8万个，有效满足…"). */
export const CLAUSE_END = `，,：:${SENTENCE_END}`;

/** The list mark: it separates items of one clause ("城镇和农村居民人均可支配收入分别增长4.3%、5.5%"). */
export const LIST_MARK = "、";

/** The mark that joins the cells of a table row read from markdown ("常住人口|512.3万人"): a row is never a title. */
export const TABLE_CELL_MARK = "|";

/** Clause ends and the list mark: what separates one figure's words from another's. */
export const ITEM_END = `${CLAUSE_END}${LIST_MARK}`;

/** Closing quotes and brackets: they stay with the sentence they close. */
export const CLOSERS = '”"’』」)）';

/** Opening quotes: a Chinese numeral right after one names a slogan ("“两个确立”"), not a count. */
export const OPEN_QUOTES = "“‘「『《\"'";

/** Quote marks that enclose a short name ("“119消防宣传月”"): [open, close] pairs. */
export const NAME_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ["“", "”"],
  ["「", "」"],
];

/** A line that stops on one of these continues on the next line (PDF and page layout broke it). */
export const OPEN_LINE_END = "，,、“‘《（(—-";

/** A line that starts with one of these continues the line before. */
export const CONTINUATION_START = "，,。、；;：:）)”’』」%";

/** Colons: a line ending in one introduces what follows (a list, a quote). */
export const COLONS = "：:";

/** Commas: a line ending in one may continue if jieba reads a word across the break. */
export const COMMAS = "，,";

/** Marks that end a sentence inside a line (a line holding one is text, not a heading). */
export const INNER_SENTENCE_END = "。；;";

/** A character class matching any of `chars` (for the regular expressions the rules are used in). */
export function charClass(chars: string): string {
  return `[${chars.replace(/[\\\]^-]/g, "\\$&")}]`;
}

/** Whether `ch` is one of `chars`. */
export function isOneOf(chars: string, ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && chars.includes(ch);
}

/** Start and end of the span around [from, to) that stops at the nearest of `ends` on each side. */
export function spanBetween(text: string, from: number, to: number, ends: string): [number, number] {
  let start = from;
  while (start > 0 && !isOneOf(ends, text[start - 1])) start--;
  let end = to;
  while (end < text.length && !isOneOf(ends, text[end])) end++;
  return [start, end];
}
