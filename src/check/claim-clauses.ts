import { ITEM_END, isOneOf } from "../lexicon/punctuation.js";
import { analyzeQuery, type QueryAnalysis } from "../query/analyze-query.js";
import type { SearchContext } from "../rank/search-context.js";
import type { Figure } from "../text/figure.js";

/**
 * Where each position's clause starts and ends, found in one pass each way: spanBetween scanned the claim
 * again for every figure, the square of a long claim with no clause mark.
 */
function clauseBounds(text: string): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(text.length + 1);
  const ends = new Int32Array(text.length + 1);
  for (let i = 1; i <= text.length; i++)
    starts[i] = isOneOf(ITEM_END, text[i - 1]) ? i : (starts[i - 1] ?? 0);
  ends[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) ends[i] = isOneOf(ITEM_END, text[i]) ? i : (ends[i + 1] ?? 0);
  return { starts, ends };
}

/**
 * The words a figure of the claim is checked with: those of the clause it stands in ("9270个公办园学位") with
 * the claim's first word, or the whole claim's if the clause has too few. One analysis per clause, shared by
 * its figures: analysing the clause again for each figure made a check grow with the square of the claim.
 */
export function clauseWords(ctx: SearchContext, q: QueryAnalysis): (f: Figure) => string[] {
  const { starts, ends } = clauseBounds(q.norm);
  const memo = new Map<string, string[]>();
  return (f) => {
    const start = starts[f.start] ?? 0;
    const end = ends[f.end] ?? q.norm.length;
    const key = `${start}:${end}`;
    const known = memo.get(key);
    if (known) return known;
    const clause = analyzeQuery(q.norm.slice(start, end), ctx.ix.gazetteer, ctx.clock());
    const words =
      clause.words.length >= 2 ? [...new Set([...clause.words, ...q.words.slice(0, 1)])] : q.words;
    memo.set(key, words);
    return words;
  };
}
