import { ITEM_MARKS, ITEM_WORDS, RESPECTIVELY } from "../lexicon/list-words.js";
import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import type { Figure } from "../text/figure.js";
import type { TermHit } from "./match-terms.js";

/** A figure of "A、B、C分别…X、Y、Z": the items of the list and which of them the figure belongs to. */
export interface RespectiveList {
  items: string[];
  index: number;
  /** The list's figures, in order. */
  values: Figure[];
}

/** The list a figure is paired with by 分别 in its clause, when the items and the figures are as many. */
export function respectiveList(norm: string, figures: Figure[], f: Figure): RespectiveList | null {
  const [start, end] = spanBetween(norm, f.start, f.end, CLAUSE_END);
  const m = RESPECTIVELY.exec(norm.slice(start, end));
  if (!m) return null;
  const after = start + m.index + m[0].length;
  if (f.start < after) return null;
  const values = figures.filter(
    (g) => g.start >= after && g.end <= end && g.kind !== "year" && g.kind !== "date",
  );
  const list = norm.slice(start, start + m.index);
  for (const marks of [ITEM_MARKS, ITEM_WORDS]) {
    const items = list.split(marks).filter((item) => item !== "");
    if (items.length >= 2 && items.length === values.length) return { items, index: values.indexOf(f), values };
  }
  return null;
}

/**
 * Which item of a list the question is about: the one holding its words (or a piece of a word), an item
 * before the last rather than the last — the last item also carries the noun the whole list shares
 * ("涉毒警情" holds 警情 for all three) — and none when two items hold them alike.
 */
export function askedItem(list: RespectiveList, hits: TermHit[]): number | null {
  const weight = list.items.map((item) =>
    hits.reduce((sum, h) => {
      if (h.strength <= 0) return sum;
      const t = h.term;
      const holds =
        t.forms.some((form) => item.includes(form)) ||
        t.splits.some((parts) => parts.some((p) => p.pattern.test(item)));
      return holds ? sum + t.weight : sum;
    }, 0),
  );
  const last = weight.length - 1;
  const before = weight.slice(0, last);
  const best = Math.max(...before);
  if (best > 0) return before.indexOf(best) === before.lastIndexOf(best) ? before.indexOf(best) : null;
  return (weight[last] ?? 0) > 0 ? last : null;
}
