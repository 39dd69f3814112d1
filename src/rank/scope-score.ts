import type { Passage } from "../corpus/types.js";
import type { PassageFacts } from "../index/corpus-index.js";
import type { DocumentTables } from "../index/document-tables.js";
import { FORWARD_ROLES } from "../lexicon/period-words.js";
import { NUMERIC_KINDS } from "../lexicon/question-words.js";
import { ONE_UNIT } from "../lexicon/scope-words.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import { asksOneYear } from "../query/question-period.js";
import { changeBaseline } from "./figure-time.js";
import type { RankingProfile } from "./profile.js";
import type { PassageView } from "./search-context.js";

/** Why a candidate cannot answer a question whatever its words: it is about another place or year. */
export type Exclusion =
  | "not-national"
  | "place-missing"
  | "other-place"
  | "other-year"
  | "achieved-for-goal-year"
  | "span-for-year"
  | "one-year-for-span";

/** A score, or the reason the passage is out of scope. */
export type ScopeScore = number | { excluded: Exclusion };

const out = (excluded: Exclusion) => ({ excluded });

/** A passage's place fit: its score, and the other places it names that an answering figure must keep clear of. */
export interface PlaceFit {
  score: number;
  /** Places the sentence names other than the ones asked and its document's own. */
  others: string[];
  /** The question is about the whole (its document's place, 全市): a figure in a clause naming another place does not answer. */
  strict: boolean;
}

/**
 * Place scope: a place the question names must stand in the sentence (or its paragraph or headings); with no
 * place named, a sentence about a district or another region ranks below the city-wide figure. A sentence that
 * names other places in some clauses may still answer about the whole from another clause: the figure decides.
 */
export function placeScore(
  q: QueryAnalysis,
  p: Passage,
  facts: PassageFacts,
  home: string | null,
  weights: RankingProfile["place"],
): PlaceFit | { excluded: Exclusion } {
  if (q.national && !p.norm.includes("全国")) return out("not-national");
  const wanted = q.places.filter((pl) => pl !== home);
  let score = 0;
  for (const pl of wanted) {
    if (p.norm.includes(pl)) score += weights.inSentence;
    else if (facts.context.includes(pl)) score += weights.inParagraph;
    else if (!facts.heading.includes(pl)) return out("place-missing");
  }
  const others = facts.places.filter((pl) => !q.places.includes(pl));
  // "该校…13个学科": a sentence about one school, district or company, not about the city as a whole.
  if (others.length === 0) {
    const oneUnit = isAboutOneUnit(p.norm) && !isAboutOneUnit(q.norm);
    return { score: oneUnit ? score + weights.oneUnit : score, others, strict: false };
  }
  // Asked about the city itself ("重庆GDP", "全市…"): a district's figure is not an answer.
  const strict = q.places.includes(home ?? "") || q.citywide;
  if (strict && !NUMERIC_KINDS.has(q.kind)) return out("other-place");
  return { score, others, strict };
}

/**
 * Year scope: a sentence stating another year does not answer; one stating none may, if its article does; a
 * five-year passage does not answer for one year of its span.
 */
export function yearScore(
  ix: Pick<DocumentTables, "articleYears">,
  q: QueryAnalysis,
  p: Passage,
  facts: PassageFacts,
  weights: RankingProfile["year"],
): ScopeScore {
  if (q.years.length === 0) return 0;
  // A plan period asked (十四五累计, 十五五目标): one year's result or target is not its figure.
  const spanAsked = q.period.role === "five-year" || q.period.role === "long-range";
  const oneYearRole = facts.period.role === "achieved" || facts.period.role === "target";
  if (spanAsked && oneYearRole && facts.period.years.length <= 1) return out("one-year-for-span");
  if (facts.years.some((y) => q.years.includes(y))) return weights.stated;
  if (spanBaseAsked(q, facts, p)) return weights.inArticle;
  const years = passageYears(facts);
  if (years.some((y) => q.years.includes(y))) {
    // One year asked, a five-year passage: its figures are totals, averages or the span's last value
    // ("从1795亿元增加到5260亿元"), which answer for the last year only.
    const span = facts.period.years;
    const spanForYear =
      facts.period.role === "five-year" &&
      asksOneYear(q) &&
      span.length > 1 &&
      !q.years.includes(Math.max(...span));
    return spanForYear ? out("span-for-year") : weights.stated;
  }
  if (years.length > 0) return out("other-year");
  if (q.target && !isForward(facts)) return out("achieved-for-goal-year");
  const articleYears = ix.articleYears.get(`${p.doc}#${p.article}`);
  return q.years.some((y) => articleYears?.has(y)) ? weights.inArticle : weights.absent;
}

/**
 * Whether the one year asked is the one before a five-year passage's span, and the passage states a change
 * from a baseline: its changes start there ("人均生产总值由7.34万元提升至10.26万元" gives 2020's value in a
 * review of 2021–2025).
 */
export function spanBaseAsked(q: QueryAnalysis, facts: PassageFacts, p: Passage): boolean {
  const ys = facts.period.years;
  return (
    facts.period.role === "five-year" &&
    ys.length > 1 &&
    q.years.length === 1 &&
    q.years[0] === Math.min(...ys) - 1 &&
    p.figures.some((f) => changeBaseline(p.norm, p.figures, f) !== null)
  );
}

/** The years a passage is about: those it states, and those its period (its heading's, its paragraph's) covers. */
export function passageYears(facts: PassageFacts): number[] {
  return facts.period.years.length ? [...new Set([...facts.years, ...facts.period.years])] : facts.years;
}

/** Whether a passage states a goal or plan: by its period role when read, else by its goal words. */
export function isForward(facts: PassageFacts): boolean {
  const role = facts.period.role;
  return role !== null ? FORWARD_ROLES.has(role) : facts.target;
}

/**
 * Period fit: a passage of the role asked (去年 → a result, 今年目标 → a target, 十四五累计 → a five-year total)
 * ranks up, one of another role down; with no role asked, results rank above goals.
 */
export function periodScore(
  q: QueryAnalysis,
  facts: PassageFacts,
  weights: RankingProfile["period"],
): number {
  const asked = q.period.role;
  const role = facts.period.role;
  if (asked === null) return isForward(facts) ? weights.goalForAchieved : 0;
  if (role === null) return q.target ? (facts.target ? weights.goalAsked : weights.achievedForGoal) : 0;
  if (role === asked) return weights.sameRole;
  if (FORWARD_ROLES.has(asked) && FORWARD_ROLES.has(role)) return weights.relatedRole;
  return weights.otherRole;
}

/** Whether a sentence speaks of one school, district or company ("该校", "该区") rather than the whole city. */
export function isAboutOneUnit(norm: string): boolean {
  return ONE_UNIT.test(norm);
}

/** Whether a passage states a goal (by its period role, else its goal words: 到2027年…, 力争…) rather than a result. */
export function isTargetPassage(passages: PassageView, p: Passage): boolean {
  const facts = passages.facts(p.id);
  return facts ? isForward(facts) : false;
}
