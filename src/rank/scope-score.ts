import type { Passage } from "../corpus/types.js";
import type { CorpusIndex, PassageFacts } from "../index/corpus-index.js";
import { ONE_UNIT } from "../lexicon/scope-words.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import type { RankingProfile } from "./profile.js";

/** Why a candidate cannot answer a question whatever its words: it is about another place or year. */
export type Exclusion =
  | "not-national"
  | "place-missing"
  | "other-place"
  | "other-year"
  | "achieved-for-goal-year";

/** A score, or the reason the passage is out of scope. */
export type ScopeScore = number | { excluded: Exclusion };

const out = (excluded: Exclusion) => ({ excluded });

/**
 * Place scope: a place the question names must stand in the sentence (or its paragraph or headings); with no
 * place named, a sentence about a district or another region ranks below the city-wide figure.
 */
export function placeScore(
  q: QueryAnalysis,
  p: Passage,
  facts: PassageFacts,
  home: string | null,
  weights: RankingProfile["place"],
): ScopeScore {
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
  if (others.length === 0)
    return isAboutOneUnit(p.norm) && !isAboutOneUnit(q.norm) ? score + weights.oneUnit : score;
  // Asked about the city itself ("重庆GDP", "全市…"): a district's figure is not an answer.
  return q.places.includes(home ?? "") || q.citywide ? out("other-place") : score + weights.otherPlace;
}

/** Year scope: a sentence stating another year does not answer; one stating none may, if its article does. */
export function yearScore(
  ix: CorpusIndex,
  q: QueryAnalysis,
  p: Passage,
  facts: PassageFacts,
  weights: RankingProfile["year"],
): ScopeScore {
  if (q.years.length === 0) return 0;
  if (facts.years.some((y) => q.years.includes(y))) return weights.stated;
  if (facts.years.length > 0) return out("other-year");
  if (q.target && !facts.target) return out("achieved-for-goal-year");
  const articleYears = ix.articleYears.get(`${p.doc}#${p.article}`);
  return q.years.some((y) => articleYears?.has(y)) ? weights.inArticle : weights.absent;
}

/** Goals (到2027年…达到90%) answer questions about goals; achieved figures answer the rest. */
export function periodScore(
  q: QueryAnalysis,
  facts: PassageFacts,
  weights: RankingProfile["period"],
): number {
  if (q.target) return facts.target ? weights.goalAsked : weights.achievedForGoal;
  return facts.target ? weights.goalForAchieved : 0;
}

/** Whether a sentence speaks of one school, district or company ("该校", "该区") rather than the whole city. */
export function isAboutOneUnit(norm: string): boolean {
  return ONE_UNIT.test(norm);
}

/** Whether a passage states a goal (到2027年…, 力争…, or a plan document) rather than an achieved value. */
export function isTargetPassage(ix: CorpusIndex, p: Passage): boolean {
  return ix.facts[p.id]?.target ?? false;
}
