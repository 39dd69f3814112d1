import type { CorpusIndex } from "../index/corpus-index.js";
import { NUMERIC_KINDS } from "../lexicon/question-words.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import { analyzeQuery, type QueryAnalysis } from "../query/analyze-query.js";
import { type Candidates, fetchCandidates, type RankedPassage, rankPassages } from "../rank/rank-passages.js";
import { normalizeQuery } from "../text/script.js";
import { citationOf, clauseOf, figureView, quoteOf } from "./cite.js";
import type { AnswerItem, AskReply, RelatedFigure } from "./reply.js";

/** How many answers a reply carries (adapters page through them; the JSON contract shows five). */
export const MAX_ANSWERS = 10;
const MAX_RELATED = 4;
const MIN_COVERAGE = 0.55;
/** A figure must stand near the question's words to answer it (not merely share a long sentence with them). */
const MIN_CLOSENESS = 0.2;

/** Answers a question from the corpus: the best sentences with their figure and sources, or an honest no-answer. */
export function answerQuestion(ix: CorpusIndex, question: string, synonyms: SynonymTable): AskReply {
  const q = analyzeQuery(question, ix.gazetteer);
  if (q.words.length === 0)
    return {
      kind: "no-answer",
      question,
      reason: "问题里没有可查询的指标词",
      suggestions: topicSuggestions(ix),
    };
  const candidates = fetchCandidates(ix, q, synonyms);
  const ranked = rankPassages(ix, q, synonyms, candidates).filter((r) => acceptable(q, r));
  if (ranked.length === 0) return noAnswer(ix, q, synonyms, candidates);
  const answers = mergeAnswers(ix, ranked).slice(0, MAX_ANSWERS);
  return { kind: "answer", question, answers, related: relatedFigures(ix, ranked, answers) };
}

/** A passage answers only if it covers the question's words well enough and, for numeric questions, has a figure that fits. */
function acceptable(q: QueryAnalysis, r: RankedPassage): boolean {
  if (r.coverage < MIN_COVERAGE || !coversCore(r)) return false;
  if (!NUMERIC_KINDS.has(q.kind)) return true;
  if (!r.fit || r.fit.closeness < MIN_CLOSENESS) return false;
  return r.fit.kind >= 0.3;
}

/** The question's most specific word (highest weight) must be in the passage, its paragraph, or in part — unless the rest covers it well. */
function coversCore(r: RankedPassage): boolean {
  const core = r.hits.reduce<RankedPassage["hits"][number] | null>(
    (best, h) => (!best || h.term.weight > best.term.weight ? h : best),
    null,
  );
  return !core || core.strength >= 0.15 || r.coverage >= 0.7;
}

/**
 * One answer per distinct statement: the same sentence, or the same figure in the same clause ("新增学位27.8万个"
 * in a lede and again in the body), found several times becomes one answer listing every source.
 */
function mergeAnswers(ix: CorpusIndex, ranked: RankedPassage[]): AnswerItem[] {
  const byText = new Map<string, AnswerItem>();
  for (const r of ranked) {
    const statement = r.fit ? clauseOf(r.passage, r.fit.figure) : r.passage.text;
    const key = normalizeQuery(statement).replace(/[\s\p{P}]/gu, "");
    const source = citationOf(ix, r.passage);
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
function relatedFigures(ix: CorpusIndex, ranked: RankedPassage[], answers: AnswerItem[]): RelatedFigure[] {
  const main = answers[0]?.figure;
  const shown = new Set([main?.value]);
  const out: RelatedFigure[] = [];
  for (const r of ranked.slice(1)) {
    const f = r.fit?.figure;
    // The same indicator elsewhere: measured in the same unit as the answer, and naming all the question's words.
    if (!f || r.coverage < 0.9 || shown.has(f.value) || (main && f.unit !== main.unit)) continue;
    shown.add(f.value);
    const clause = clauseOf(r.passage, f);
    const scope = ix.facts[r.passage.id]?.places[0];
    out.push({
      label: scope && !clause.includes(scope) ? `${scope}：${clause}` : clause,
      figure: figureView(r.passage, f),
      source: citationOf(ix, r.passage),
    });
    if (out.length >= MAX_RELATED) break;
  }
  return out;
}

function noAnswer(
  ix: CorpusIndex,
  q: QueryAnalysis,
  synonyms: SynonymTable,
  candidates: Candidates,
): AskReply {
  const unscoped = rankPassages(ix, { ...q, places: [], years: [] }, synonyms, candidates).filter((r) =>
    acceptable(q, r),
  );
  const suggestions = unscoped.slice(0, 3).map((r) => {
    const f = r.fit?.figure;
    const home = ix.facts[r.passage.id]?.places[0] ?? ix.homes.get(r.passage.doc);
    const label = f ? clauseOf(r.passage, f) : r.passage.text.slice(0, 30);
    return home ? `${home}：${label}` : label;
  });
  const where = q.places.length ? `关于${q.places.join("、")}的` : "";
  const reason = `语料中没有找到${where}这一问题的答案`;
  return { kind: "no-answer", question: q.question, reason, suggestions: [...new Set(suggestions)] };
}

/** A few indicator topics the corpus covers, for questions with nothing to look up. */
function topicSuggestions(ix: CorpusIndex): string[] {
  return [...ix.docs.values()].slice(0, 3).map((d) => d.title ?? d.doc);
}
