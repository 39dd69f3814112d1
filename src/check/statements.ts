import type { Passage } from "../corpus/types.js";
import type { PassageFacts } from "../index/corpus-index.js";
import type { PeriodRole } from "../lexicon/period-words.js";
import { ITEM_END, spanBetween } from "../lexicon/punctuation.js";
import { isStopword, LINK_WORDS } from "../lexicon/stopwords.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import { asksOneYear } from "../query/question-period.js";
import { aboutOtherPlace, closeness } from "../rank/figure-fit.js";
import { changeBaseline, figureTime } from "../rank/figure-time.js";
import type { RankedPassage } from "../rank/rank-passages.js";
import { askedItem, respectiveList } from "../rank/respective-list.js";
import { isAboutOneUnit, isTargetPassage, passageYears } from "../rank/scope-score.js";
import type { SearchContext } from "../rank/search-context.js";
import { figuresAgree, unitsCompatible } from "../text/compare-figures.js";
import type { Figure } from "../text/figure.js";
import { cut } from "../text/segment.js";
import type { ExaminedSentence, StatementOutcome } from "./explain-check.js";

/** A passage that states the claim's indicator, with the figure it gives for it. */
export interface Statement {
  ranked: RankedPassage;
  figure: Figure;
  /** Closeness of that figure to the words that stand next to the claim's figure. */
  anchored: number;
  target: boolean;
  /** The period role of its passage (five-year: a sum or average over the plan, or its last value). */
  role: PeriodRole | null;
}

/** A claim figure's query: the words of its clause, and the two nearest it ("带动就业" in "…带动就业近100万人"). */
export type ClauseQuery = QueryAnalysis & { anchors: string[] };

/**
 * Passages that state the same indicator for the same scope: they cover the claim's words, give a figure of
 * the same kind and unit next to them, name no other place, and (if the claim names a year) no other year.
 * Every ranked sentence examined is reported with what became of it.
 */
export function sameIndicator(
  ctx: SearchContext,
  q: ClauseQuery,
  f: Figure,
  ranked: RankedPassage[],
): { statements: Statement[]; examined: ExaminedSentence[] } {
  const w = ctx.profile.check;
  const statements: Statement[] = [];
  const examined: ExaminedSentence[] = [];
  const note = (r: RankedPassage, outcome: StatementOutcome, picked?: { figure: Figure; anchored: number }) =>
    examined.push({
      doc: r.passage.doc,
      paragraph: r.passage.paragraph,
      text: r.passage.text.length > 80 ? `${r.passage.text.slice(0, 80)}…` : r.passage.text,
      coverage: Math.round(r.coverage * 1000) / 1000,
      figure: picked?.figure.text ?? null,
      anchored: picked ? Math.round(picked.anchored * 1000) / 1000 : null,
      target: isTargetPassage(ctx.passages, r.passage),
      outcome,
    });
  for (const r of ranked.slice(0, w.candidates)) {
    const others = otherPlaces(ctx, q, r.passage);
    if (r.coverage < w.minCoverage) note(r, "coverage");
    else if (others === null) note(r, "scope");
    else {
      const picked = anchoredFigure(ctx, q, r, f, others);
      // Dates open their sentence ("2024年12月,市委…印发") and ranks follow the value they rank
      // ("普惠率达94.61%,全国排名第六"): both stand a clause away from the words they belong to.
      const loose = f.kind === "date" || f.kind === "year" || f.kind === "rank";
      const min = loose ? w.minAnchored * w.looseAnchorFactor : w.minAnchored;
      if (!picked) note(r, "no-figure");
      else if (picked.anchored < min) note(r, "anchor-far", picked);
      else {
        note(r, "statement", picked);
        const role = ctx.passages.facts(r.passage.id)?.period.role ?? null;
        statements.push({ ranked: r, ...picked, target: isTargetPassage(ctx.passages, r.passage), role });
      }
    }
  }
  return { statements, examined };
}

/**
 * Among a passage's figures of the claim's kind and unit, the one standing closest to the claim's anchor words;
 * never one about another place (its clause names a district), one its clause dates to another year than the
 * claim's, or a total or average over years ("年均增长", "累计") for a claim about one year.
 */
function anchoredFigure(
  ctx: SearchContext,
  q: ClauseQuery,
  r: RankedPassage,
  f: Figure,
  others: string[],
): { figure: Figure; anchored: number } | null {
  const { anchors } = q;
  const norm = r.passage.norm;
  const figures = r.passage.figures;
  const oneYear = asksOneYear(q);
  const facts = ctx.passages.facts(r.passage.id);
  const span = facts ? spanOf(facts) : null;
  // Terms may have been joined into compounds ("占" + "比" -> 占比): an anchor inside a term counts.
  const hits = r.hits.filter((h) => anchors.some((a) => h.term.word.includes(a) || a.includes(h.term.word)));
  let best: { figure: Figure; anchored: number; rank: number } | null = null;
  for (const g of figures) {
    if (!unitsCompatible(f, g) || !sameRankScope(f, g)) continue;
    if (aboutOtherPlace(norm, g, others)) continue;
    const time = figureTime(norm, figures, g);
    // In a five-year review a change's baseline is the year before the span, its result the span's last year.
    const year =
      time.year ??
      (span && time.baseline ? span.from - 1 : span && changeBaseline(norm, figures, g) ? span.to : null);
    if (q.years.length > 0 && year !== null && !q.years.includes(year)) continue;
    if (oneYear && time.span) continue;
    // In a 分别 list, only the figure in the place of the item the claim names ("农村…" is 3.4万元, not 6.9万元).
    const list = respectiveList(norm, figures, g);
    const item = list ? askedItem(list, r.hits) : null;
    if (list && item !== null && item !== list.index) continue;
    const anchored = closeness(r.passage.norm, g, hits, ctx.profile.figure);
    // Between figures, the one whose own clause or item holds every anchor word names the claim's indicator
    // ("高中毛入学率超过93%，高等教育毛入学率提高到73.4%": 73.4% for 高等教育毛入学率).
    const rank = anchored * (inClause(norm, g, anchors) ? 1 : ctx.profile.check.partialClauseFactor);
    if (!best || rank > best.rank) best = { figure: g, anchored, rank };
  }
  return best && { figure: best.figure, anchored: best.anchored };
}

/** Whether every anchor word stands in the figure's clause or list item. */
function inClause(norm: string, f: Figure, anchors: string[]): boolean {
  const [start, end] = spanBetween(norm, f.start, f.end, ITEM_END);
  const clause = norm.slice(start, end);
  return anchors.every((a) => clause.includes(a));
}

/** Ranks compare within one scope: "西部第一" is checked against "西部第1", not against "全国第6". */
function sameRankScope(a: Figure, b: Figure): boolean {
  return a.kind !== "rank" || !a.scope || !b.scope || a.scope === b.scope;
}

/** The years of a five-year passage's span, if it has one. */
function spanOf(facts: PassageFacts): { from: number; to: number } | null {
  const ys = facts.period.years;
  return facts.period.role === "five-year" && ys.length > 1
    ? { from: Math.min(...ys), to: Math.max(...ys) }
    : null;
}

/**
 * Whether a passage speaks for the claim's scope: null when it is about one unit (该校) or another year than
 * the claim's (by its own words or its period); else the other places it names, which its figure must keep clear
 * of ("沙坪坝区新增学位3.8万个" never states the city's figure).
 */
function otherPlaces(ctx: SearchContext, q: QueryAnalysis, p: Passage): string[] | null {
  const facts = ctx.passages.facts(p.id);
  if (!facts) return null;
  if (isAboutOneUnit(p.norm) && !isAboutOneUnit(q.norm)) return null;
  // A five-year review also states where its span started ("由7.34万元提升至10.26万元": the year before it).
  const base = spanOf(facts);
  const years = base ? [...passageYears(facts), base.from - 1] : passageYears(facts);
  if (q.years.length > 0 && years.length > 0 && !years.some((y) => q.years.includes(y))) return null;
  return facts.places.filter((pl) => !q.places.includes(pl));
}

/** What a claim says of its period: a goal or a result, whether it says so at all, and if of one year. */
export interface ClaimPeriod {
  target: boolean;
  /** The claim names a year or a period word (已经, 去年, 2025年); else it may be a standing rule (每天不低于1小时). */
  stated: boolean;
  oneYear: boolean;
}

/**
 * A goal (到2027年…达到90%) and an achieved value (2024年…达80%) are different periods: a claim is checked
 * against statements of its own period. A claim of a result (its year or words say so) has nothing in goals and
 * plans but the mistake of stating one as done; a claim of a goal, or one that names no period, is weighed
 * against the others when its own period has none. A claim about one year prefers that year's statements to a
 * five-year passage's.
 */
export function samePeriod(statements: Statement[], claim: ClaimPeriod): Statement[] {
  const own = statements.filter((s) => s.target === claim.target);
  if (own.length === 0) return claim.target || !claim.stated ? statements : [];
  const year = claim.oneYear ? own.filter((s) => s.role !== "five-year") : [];
  return year.length > 0 ? year : own;
}

/**
 * Statements whose figure clause adds no qualifier the claim lacks ("新增普通高中学位1.9万个" narrows
 * "新增学位" to one school stage): when there are any, only they count.
 */
export function exactIndicator(
  statements: Statement[],
  words: string[],
  synonyms: SynonymTable,
): Statement[] {
  const exact = statements.filter((s) => qualifiers(s, words, synonyms).length === 0);
  return exact.length > 0 ? exact : statements;
}

/** Content words in the figure's clause ("9270个公办园学位": 公办园) that the claim does not have. */
function qualifiers(s: Statement, words: string[], synonyms: SynonymTable): string[] {
  const norm = s.ranked.passage.norm;
  const [start, end] = spanBetween(norm, s.figure.start, s.figure.end, ITEM_END);
  const forms = words.flatMap((w) => [w, ...(synonyms.get(w) ?? [])]);
  const clause = norm.slice(start, s.figure.start) + norm.slice(s.figure.end, end);
  return cut(clause).filter(
    (w) =>
      w.length >= 2 &&
      !isStopword(w) &&
      !LINK_WORDS.has(w) &&
      !forms.some((f) => f.includes(w) || w.includes(f)),
  );
}

/** The values the sources give for the indicator in one period, one statement per value beyond rounding. */
export function distinctValues(ctx: SearchContext, statements: Statement[]): Statement[] {
  const { conflictMinCoverage, conflictMinAnchored } = ctx.profile.check;
  const best = statements[0] as Statement;
  const strong = statements.filter(
    (s) =>
      s.target === best.target &&
      s.ranked.coverage >= conflictMinCoverage &&
      s.anchored >= conflictMinAnchored,
  );
  const out: Statement[] = [];
  for (const s of strong)
    if (!out.some((o) => figuresAgree(o.figure, s.figure) || figuresAgree(s.figure, o.figure))) out.push(s);
  return out.length > 1 ? out : [];
}
