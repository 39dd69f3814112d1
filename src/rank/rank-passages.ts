import type { Passage } from "../corpus/types.js";
import type { PassageFacts } from "../index/corpus-index.js";
import { NUMERIC_KINDS } from "../lexicon/question-words.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import { asksOneYear } from "../query/question-period.js";
import { type Candidates, fetchCandidates } from "./fetch-candidates.js";
import { bestFigure, type FigureAsk, type FigureFit } from "./figure-fit.js";
import { coverage, matchTerm, type TermHit, type WeightedTerm } from "./match-terms.js";
import { type Exclusion, periodScore, placeScore, spanBaseAsked, yearScore } from "./scope-score.js";
import type { SearchContext } from "./search-context.js";

/**
 * A passage's score, feature by feature: each entry is that feature's weighted contribution, and the score is
 * their sum (`--explain` prints them).
 */
export interface ScoreFeatures {
  /** Share of the question's words the sentence covers, weighted. */
  coverage: number;
  /** Kind and unit fit of the answering figure. */
  figureKind: number;
  /** Closeness of the answering figure to the question's words. */
  figureCloseness: number;
  /** A numeric question without a fitting figure. */
  noFigure: number;
  /** MiniSearch's BM25, relative to the best candidate. */
  bm25: number;
  /** Place scope (places named, another place, one unit). */
  place: number;
  /** Year scope. */
  year: number;
  /** Goal vs achieved. */
  period: number;
  /** Figures of the question stated in the sentence. */
  sharedFigures: number;
  /** A headline rather than body text. */
  headline: number;
}

/** A passage scored for a question, with the figure that answers it. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  features: ScoreFeatures;
  /** Weighted share of the question's words the passage covers (0..1). */
  coverage: number;
  fit: FigureFit | null;
  hits: TermHit[];
}

/** A candidate left out before scoring, and why. */
export interface ExcludedPassage {
  passage: Passage;
  reason: Exclusion;
}

/** Every candidate of a question: scored best first, and those out of its place or year scope. */
export interface Ranking {
  ranked: RankedPassage[];
  excluded: ExcludedPassage[];
}

/**
 * Ranks the corpus for a question: MiniSearch finds candidates, then answer-aware features re-rank them.
 * Candidates fetched for the same words may be passed in, so that a second ranking does not search again.
 */
export function rankPassages(
  ctx: SearchContext,
  q: QueryAnalysis,
  candidates: Candidates = fetchCandidates(ctx, q),
): RankedPassage[] {
  return scoreCandidates(ctx, q, candidates).ranked;
}

/** Scores every candidate, keeping the excluded ones and their reasons (for explanations). */
export function scoreCandidates(ctx: SearchContext, q: QueryAnalysis, candidates: Candidates): Ranking {
  const { terms, results } = candidates;
  const top = results[0]?.score ?? 1;
  const ranking: Ranking = { ranked: [], excluded: [] };
  for (const r of results) {
    const passage = ctx.passages.passage(r.id);
    const facts = ctx.passages.facts(r.id);
    if (!passage || !facts) continue;
    const scored = scorePassage(ctx, q, passage, facts, terms, r.score / top);
    if ("reason" in scored) ranking.excluded.push(scored);
    else ranking.ranked.push(scored);
  }
  ranking.ranked.sort((a, b) => b.score - a.score);
  return ranking;
}

function scorePassage(
  ctx: SearchContext,
  q: QueryAnalysis,
  passage: Passage,
  facts: PassageFacts,
  terms: WeightedTerm[],
  bm25: number,
): RankedPassage | ExcludedPassage {
  const { ix, profile } = ctx;
  const place = placeScore(q, passage, facts, ix.homes.get(passage.doc) ?? null, profile.place);
  if ("excluded" in place) return { passage, reason: place.excluded };
  const year = yearScore(ix, q, passage, facts, profile.year);
  if (typeof year !== "number") return { passage, reason: year.excluded };
  const context = facts.context + facts.heading;
  const hits = terms.map((t) => matchTerm(t, passage.norm, context, profile.terms));
  const cov = coverage(hits);
  const ask: FigureAsk = {
    kind: q.kind,
    unit: q.unit,
    unitInferred: q.unitInferred,
    years: q.years,
    otherPlaces: place.others,
    strictPlace: place.strict,
    oneYear: asksOneYear(q),
    baseYearAsked: spanBaseAsked(q, facts, passage),
    magnitude: q.magnitude,
  };
  // A passage covering too little of the question answers nothing: its figures are not weighed.
  const fit =
    cov < profile.score.figureMinCoverage
      ? null
      : bestFigure(passage.norm, passage.figures, hits, ask, profile.figure, profile.answer.minKindFit);
  // Another place lowers the passage only when its answer is about it, or no figure says otherwise.
  const elsewhere = place.others.length > 0 && !place.strict && (fit?.otherPlace ?? true);
  const w = profile.score;
  const features: ScoreFeatures = {
    coverage: w.coverage * cov,
    figureKind: fit ? w.figureKind * fit.kind : 0,
    figureCloseness: fit ? w.figureCloseness * fit.closeness : 0,
    noFigure: !fit && NUMERIC_KINDS.has(q.kind) ? w.noFigure : 0,
    bm25: w.bm25 * bm25,
    place: place.score + (elsewhere ? profile.place.otherPlace : 0),
    year,
    period: periodScore(q, facts, profile.period),
    sharedFigures: w.sharedFigure * sharedFigures(q, passage),
    headline: passage.paragraph === 0 ? w.headline : 0,
  };
  return { passage, score: sumFeatures(features), features, coverage: cov, fit, hits };
}

/** The score a breakdown adds up to. */
export function sumFeatures(f: ScoreFeatures): number {
  return (
    f.coverage +
    f.figureKind +
    f.figureCloseness +
    f.noFigure +
    f.bm25 +
    f.place +
    f.year +
    f.period +
    f.sharedFigures +
    f.headline
  );
}

/** How many figures written in the question itself ("排名前1%的学科") the passage states: they are part of the indicator. */
function sharedFigures(q: QueryAnalysis, p: Passage): number {
  const own = q.figures.filter((f) => f.kind !== "year" && f.kind !== "date");
  return own.filter((f) => p.figures.some((g) => g.value === f.value && g.unit === f.unit)).length;
}
