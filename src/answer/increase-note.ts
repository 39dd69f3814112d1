import type { Passage } from "../corpus/types.js";
import { asksChange, changeOf, type FigureChange, joinsList } from "../lexicon/change-words.js";
import { ITEM_WORDS } from "../lexicon/list-words.js";
import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import type { RankedPassage } from "../rank/rank-passages.js";
import type { Figure } from "../text/figure.js";
import type { AnswerNote } from "./reply.js";

/**
 * What a figure counts, from the words before it in its clause, cut at the figure before it: "新增高校6所" an
 * increase, "新增…上市公司45家、总量达1224家" a stock for 1224家, "毛入园率达93.06%" neither. A figure listed after
 * one of its kind with nothing of its own between counts what that one does ("新增52所公办园、9270个": both added).
 */
export function figureChange(p: Pick<Passage, "norm" | "figures">, f: Figure): FigureChange {
  const [clauseStart] = spanBetween(p.norm, f.start, f.end, CLAUSE_END);
  const previous = p.figures.reduce<Figure | null>(
    (last, g) => (g.end <= f.start && g.end > (last?.end ?? clauseStart) ? g : last),
    null,
  );
  const between = p.norm.slice(previous?.end ?? clauseStart, f.start);
  if (previous?.kind === f.kind && joinsList(between)) return figureChange(p, previous);
  return changeOf(between);
}

/** Whether a question asks how many there are (有多少所高校) rather than how many were added or how fast. */
export function asksStock(q: QueryAnalysis): boolean {
  return q.kind === "quantity" && !asksChange(q.norm);
}

/**
 * For a stock question, the stock a sentence states after the increase it answered with ("新增境内外上市公司
 * 45家、总量达1224家" answers 上市公司多少家 with 1224家); the passage as it was otherwise.
 */
export function preferStock(r: RankedPassage): RankedPassage {
  const f = r.fit?.figure;
  if (!r.fit || !f || figureChange(r.passage, f) !== "increase") return r;
  const stock = r.passage.figures.find(
    (g) =>
      g.start >= f.end && g.unit === f.unit && g.kind === f.kind && figureChange(r.passage, g) === "stock",
  );
  return stock ? { ...r, fit: { ...r.fit, figure: stock } } : r;
}

/**
 * The note for the answers to a stock question when the first states an increase and none states a stock:
 * the corpus says how many were added, not how many there are, and the reply says so rather than pass the one
 * off as the other. Absent when the question asks for a change.
 */
export function increaseNote(q: QueryAnalysis, answering: RankedPassage[]): AnswerNote | undefined {
  if (!asksStock(q)) return undefined;
  const changes = answering.map((r) => (r.fit ? figureChange(r.passage, r.fit.figure) : null));
  if (changes[0] !== "increase" || changes.includes("stock")) return undefined;
  return { code: "increase-only", indicator: indicatorAsAsked(q) };
}

/** What may join two indicator words in a question and still read as one name: 和, 与, 及, 、 or 的. */
const JOINING = new RegExp(`^(?:${ITEM_WORDS.source}|的)$`);

/**
 * The question's indicator words as the question writes them, for a sentence about them: with the 和 or 的 that
 * joins two of them kept ("重点实验室和技术创新中心", "有进出口实绩的企业"), anything else between them left out.
 */
export function indicatorAsAsked(q: Pick<QueryAnalysis, "norm" | "words">): string {
  let text = "";
  let at = -1;
  for (const word of q.words) {
    const found = q.norm.indexOf(word, Math.max(at, 0));
    const between = at >= 0 && found >= at ? q.norm.slice(at, found) : "";
    text += (JOINING.test(between) ? between : "") + word;
    if (found >= 0) at = found + word.length;
  }
  return text;
}
