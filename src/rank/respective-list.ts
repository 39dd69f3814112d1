import { CONTRACTIONS, ITEM_MARKS, ITEM_WORDS, RESPECTIVELY } from "../lexicon/list-words.js";
import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import type { Figure } from "../text/figure.js";
import { cut } from "../text/segment.js";
import type { TermHit } from "./match-terms.js";

/** A figure of "A、B、C分别…X、Y、Z": the items of the list and which of them the figure belongs to. */
export interface RespectiveList {
  items: string[];
  index: number;
  /** The list's figures, in order. */
  values: Figure[];
  /** Where the list of things stands in the sentence. */
  span: [number, number];
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
  const span: [number, number] = [start, start + m.index];
  for (const marks of [ITEM_MARKS, ITEM_WORDS]) {
    const items = list.split(marks).filter((item) => item !== "");
    if (items.length >= 2 && items.length === values.length)
      return { items, index: values.indexOf(f), values, span };
  }
  // One item that contracts two ("城乡低保平均标准分别从645元/月、4318元/年提高到801元/月、7226元/年"): its
  // members in turn, as many times as the figures go round (from A、B to C、D).
  const members = expandContraction(list);
  if (members && values.length % members.length === 0)
    return { items: members, index: values.indexOf(f) % members.length, values, span };
  return null;
}

/** A list of one item opening with a contraction, as its members ("城乡居民" → 城镇居民, 农村居民), else null. */
export function expandContraction(item: string): string[] | null {
  for (const [short, members] of CONTRACTIONS)
    if (item.startsWith(short)) return members.map((m) => m + item.slice(short.length));
  return null;
}

/**
 * Which item of a list the question is about: the one that alone holds a question word, or pieces of one
 * (农村 of 农村居民收入 in "城镇居民、农村居民人均可支配收入").
 * The last item also carries the noun the whole list shares ("涉毒警情": 警情 for all three; "硕士授予单位":
 * 授予单位), so only its first words, as long as the shortest other item, name it; a word in two items
 * tells nothing; two items alike: none.
 */
export function askedItem(list: RespectiveList, hits: TermHit[]): number | null {
  // The last item is its own name, in whole words as long as the shortest other item, then the noun all share.
  const items = [...list.items];
  const shortest = Math.min(...items.slice(0, -1).map((item) => item.length));
  const last = items[items.length - 1] ?? "";
  const words = cut(last);
  let own = "";
  for (const word of words) {
    if (own.length >= shortest) break;
    own += word;
  }
  // One word for the whole item ("农村居民人均可支配收入", an indicator of the vocabulary): cut by characters.
  items[items.length - 1] = words.length > 1 ? own : last.slice(0, shortest);
  // The question's core word (its heaviest) must stand in the list, else the list is about something else
  // ("第一、第三产业增加值分别增长…" for a question on 居民人均可支配收入).
  const core = hits.reduce<TermHit | null>((b, h) => (!b || h.term.weight > b.term.weight ? h : b), null);
  const listText = list.items.join("");
  if (core && !inText(core, listText)) return null;
  const weight = items.map(() => 0);
  const holders = (pattern: (item: string) => boolean) =>
    items.flatMap((item, i) => (pattern(item) ? [i] : []));
  const [from, to] = list.span;
  for (const h of hits) {
    // A word the sentence has only outside the list speaks of something else ("授权点分别…" is another list's).
    const outside = h.spans.length > 0 && !h.spans.some(([s, e]) => s < to && e > from);
    if (h.strength <= 0 || outside) continue;
    const t = h.term;
    // The whole word in one item; else each piece of it that stands in one item only ("农村" of 农村居民收入).
    const [whole, ...more] = holders((item) => t.forms.some((form) => item.includes(form)));
    if (whole !== undefined && more.length === 0) {
      weight[whole] = (weight[whole] ?? 0) + t.weight;
      continue;
    }
    const parts = [...new Map(t.splits.flat().map((p) => [p.pattern.source, p])).values()];
    for (const part of parts) {
      const [only, ...others] = holders((item) => part.pattern.test(item));
      if (only !== undefined && others.length === 0)
        weight[only] = (weight[only] ?? 0) + t.weight / parts.length;
    }
  }
  const best = Math.max(...weight);
  if (best <= 0 || weight.indexOf(best) !== weight.lastIndexOf(best)) return null;
  return weight.indexOf(best);
}

/** Whether a term, or a piece of it, stands in a text. */
function inText(h: TermHit, text: string): boolean {
  const t = h.term;
  return (
    t.forms.some((f) => text.includes(f)) || t.splits.some((parts) => parts.some((p) => p.pattern.test(text)))
  );
}
