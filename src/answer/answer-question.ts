import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import { NUMERIC_KINDS } from "../lexicon/question-words.js";
import { analyzeQuery, type QueryAnalysis } from "../query/analyze-query.js";
import { type Candidates, fetchCandidates } from "../rank/fetch-candidates.js";
import { type RankedPassage, rankPassages, scoreCandidates } from "../rank/rank-passages.js";
import type { SearchContext } from "../rank/search-context.js";
import { citationOf, clauseOf, figureView, quoteOf } from "./cite.js";
import {
  type AskExplanation,
  explainExcluded,
  explainQuery,
  explainRanked,
  type Rejection,
} from "./explain.js";
import { asksStock, increaseNote, preferStock } from "./increase-note.js";
import { offTopicReason } from "./off-topic.js";
import type { AnswerItem, AnswerReply, AskReply, NoAnswerReason, RelatedFigure } from "./reply.js";

/** Options of one question. */
export interface AskOptions {
  /** Attach the ranking's explanation (`--explain`): top candidates, their score breakdown and outcome. */
  explain?: boolean;
}

/** Candidates listed by an explanation. */
const EXPLAINED = 12;

/** No candidates: what a message that is not searched ranks. */
const NOTHING_FETCHED: Candidates = { terms: [], tokens: [], results: [] };

const NO_INDICATOR: NoAnswerReason = { code: "no-indicator" };

/**
 * Answers a question from the corpus: the best sentences with their figure and sources, or an honest no-answer
 * — with example questions the corpus answers when the message is no question about it (你好, English).
 */
export function answerQuestion(ctx: SearchContext, question: string, options: AskOptions = {}): AskReply {
  const q = analyzeQuery(question, ctx.ix.gazetteer, ctx.clock());
  const unasked = offTopicReason(ctx, q) ?? (q.words.length === 0 ? NO_INDICATOR : null);
  const candidates = unasked ? NOTHING_FETCHED : fetchCandidates(ctx, q);
  const ranking = scoreCandidates(ctx, q, candidates);
  const verdicts = ranking.ranked.map((r) => ({ r, rejection: rejectionOf(ctx, q, r) }));
  const accepted = verdicts.filter((v) => !v.rejection).map((v) => v.r);
  const reply: AskReply = unasked
    ? { kind: "no-answer", question, reason: unasked, suggestions: [], examples: ctx.examples() }
    : accepted.length === 0
      ? noAnswer(ctx, q, candidates)
      : answerFrom(ctx, q, accepted);
  if (!options.explain) return reply;
  const explain: AskExplanation = {
    query: explainQuery(q, candidates),
    candidates: [
      ...verdicts.slice(0, EXPLAINED).map((v) => explainRanked(v.r, v.rejection)),
      ...ranking.excluded.slice(0, EXPLAINED).map(explainExcluded),
    ],
    answered: accepted.length > 0,
  };
  return { ...reply, explain };
}

/**
 * The answers from the passages that answer: one per statement, related figures, and a note when one is due.
 * A stock asked is answered by the stock a sentence states beside an increase.
 */
function answerFrom(ctx: SearchContext, q: QueryAnalysis, passages: RankedPassage[]): AnswerReply {
  const accepted = asksStock(q) ? passages.map(preferStock) : passages;
  const answers = mergeAnswers(ctx, accepted).slice(0, ctx.profile.answer.maxAnswers);
  const note = increaseNote(q, accepted.slice(0, answers.length));
  const related = relatedFigures(ctx, accepted, answers);
  return { kind: "answer", question: q.question, answers, related, ...(note ? { note } : {}) };
}

/**
 * Why a passage does not answer, or null when it does: it must cover the question's words well enough,
 * including its most specific one, and for a numeric question have a figure of the right kind near them.
 */
export function rejectionOf(ctx: SearchContext, q: QueryAnalysis, r: RankedPassage): Rejection | null {
  const w = ctx.profile.answer;
  if (r.coverage < w.minCoverage) return { rule: "coverage", value: r.coverage, min: w.minCoverage };
  const core = coreWord(r);
  if (core && core.strength < w.coreMinStrength && r.coverage < w.coreWaivedAtCoverage)
    return { rule: "core-word", word: core.term.word, strength: core.strength, min: w.coreMinStrength };
  if (!NUMERIC_KINDS.has(q.kind)) return null;
  if (!r.fit) return { rule: "no-figure" };
  if (r.fit.closeness < w.minCloseness)
    return { rule: "figure-closeness", value: r.fit.closeness, min: w.minCloseness };
  if (r.fit.kind < w.minKindFit) return { rule: "figure-kind", value: r.fit.kind, min: w.minKindFit };
  return null;
}

/** The question's most specific word (highest weight) as the passage matched it. */
function coreWord(r: RankedPassage): RankedPassage["hits"][number] | null {
  return r.hits.reduce<RankedPassage["hits"][number] | null>(
    (best, h) => (!best || h.term.weight > best.term.weight ? h : best),
    null,
  );
}

/**
 * One answer per distinct statement: the same sentence, or the same figure in the same clause ("新增学位27.8万个"
 * in a lede and again in the body), found several times becomes one answer listing every source.
 */
function mergeAnswers(ctx: SearchContext, ranked: RankedPassage[]): AnswerItem[] {
  const byText = new Map<string, AnswerItem>();
  for (const r of ranked) {
    // The passage is normalized already: its clause in that form is the key (no script conversion per passage).
    const norm = r.passage.norm;
    const statement = r.fit
      ? norm.slice(...spanBetween(norm, r.fit.figure.start, r.fit.figure.end, CLAUSE_END))
      : norm;
    const key = statement.replace(/[\s\p{P}]/gu, "");
    const source = citationOf(ctx.ix, r.passage);
    const existing = byText.get(key);
    if (existing) {
      if (!existing.sources.some((s) => s.doc === source.doc)) existing.sources.push(source);
      continue;
    }
    const f = r.fit?.figure ?? null;
    byText.set(key, {
      figure: f ? figureView(r.passage, f) : null,
      quote: quoteOf(r.passage, f),
      sources: [source],
      score: Math.round(r.score * 1000) / 1000,
    });
  }
  return [...byText.values()];
}

/** Other figures for the same indicator below the answers: other places, years, stages. */
function relatedFigures(ctx: SearchContext, ranked: RankedPassage[], answers: AnswerItem[]): RelatedFigure[] {
  const { relatedMinCoverage, maxRelated } = ctx.profile.answer;
  const main = answers[0]?.figure;
  const shown = new Set([main?.value]);
  const out: RelatedFigure[] = [];
  for (const r of ranked.slice(1)) {
    const f = r.fit?.figure;
    // The same indicator elsewhere: measured in the same unit as the answer, and naming all the question's words.
    if (!f || r.coverage < relatedMinCoverage || shown.has(f.value) || (main && f.unit !== main.unit))
      continue;
    shown.add(f.value);
    const clause = clauseOf(r.passage, f);
    const scope = ctx.passages.facts(r.passage.id)?.places[0];
    out.push({
      label: scope && !clause.includes(scope) ? `${scope}：${clause}` : clause,
      figure: figureView(r.passage, f),
      source: citationOf(ctx.ix, r.passage),
    });
    if (out.length >= maxRelated) break;
  }
  return out;
}

/** No passage answers: say what was not found, and offer what the corpus has on the words without place or year. */
function noAnswer(ctx: SearchContext, q: QueryAnalysis, candidates: Candidates): AskReply {
  const unscoped = rankPassages(ctx, { ...q, places: [], years: [] }, candidates).filter(
    (r) => !rejectionOf(ctx, q, r),
  );
  const suggestions = unscoped.slice(0, 3).map((r) => {
    const f = r.fit?.figure;
    const home = ctx.passages.facts(r.passage.id)?.places[0] ?? ctx.ix.homes.get(r.passage.doc);
    const label = f ? clauseOf(r.passage, f) : r.passage.text.slice(0, 30);
    return home ? `${home}：${label}` : label;
  });
  return {
    kind: "no-answer",
    question: q.question,
    reason: { code: "not-found", places: q.places },
    suggestions: [...new Set(suggestions)],
    examples: ctx.examples(),
  };
}
