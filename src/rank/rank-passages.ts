import type { Passage } from "../corpus/types.js";
import type { CorpusIndex, PassageFacts } from "../index/corpus-index.js";
import { searchTokens } from "../index/tokens.js";
import { NUMERIC_KINDS } from "../lexicon/question-words.js";
import { ONE_UNIT } from "../lexicon/scope-words.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import { bestFigure, type FigureFit } from "./figure-fit.js";
import { coverage, matchTerm, type TermHit, weighTerms } from "./match-terms.js";

/** A passage scored for a question, with the figure that answers it. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  /** Weighted share of the question's words the passage covers (0..1). */
  coverage: number;
  fit: FigureFit | null;
  hits: TermHit[];
}

const CANDIDATES = 200;

/** What MiniSearch found for a question's words: the same for every re-ranking of those words. */
export interface Candidates {
  terms: ReturnType<typeof weighTerms>;
  results: Array<{ id: number; score: number }>;
}

/** MiniSearch candidates for the question's words (its places, years and kind do not change them). */
export function fetchCandidates(ix: CorpusIndex, q: QueryAnalysis, synonyms: SynonymTable): Candidates {
  const terms = weighTerms(q.words, ix.df, ix.passages.length, synonyms);
  const queryTokens = retrievalTokens(
    ix,
    terms.map((t) => t.word),
    terms.flatMap((t) => t.alternatives),
  );
  if (queryTokens.length === 0) return { terms, results: [] };
  const results = ix.index.search(queryTokens.join(" "), { fields: ["text"] }).slice(0, CANDIDATES);
  return { terms, results: results.map((r) => ({ id: r.id as number, score: r.score })) };
}

/** Fetches candidates once per set of words: a fact check ranks the same words more than once. */
export function candidateMemo(ix: CorpusIndex, synonyms: SynonymTable): (q: QueryAnalysis) => Candidates {
  const memo = new Map<string, Candidates>();
  return (q) => {
    const key = q.words.join("\u0001");
    let found = memo.get(key);
    if (!found) {
      found = fetchCandidates(ix, q, synonyms);
      memo.set(key, found);
    }
    return found;
  };
}

/**
 * Ranks the corpus for a question: MiniSearch finds candidates, then answer-aware features re-rank them.
 * Candidates fetched for the same words may be passed in, so that a second ranking does not search again.
 */
export function rankPassages(
  ix: CorpusIndex,
  q: QueryAnalysis,
  synonyms: SynonymTable,
  candidates: Candidates = fetchCandidates(ix, q, synonyms),
): RankedPassage[] {
  const { terms, results } = candidates;
  const top = results[0]?.score ?? 1;
  const ranked: RankedPassage[] = [];
  for (const r of results) {
    const passage = ix.passages[r.id];
    const facts = ix.facts[r.id];
    if (!passage || !facts) continue;
    const scored = scorePassage(ix, q, passage, facts, terms, r.score / top);
    if (scored) ranked.push(scored);
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * Postings MiniSearch may walk to fetch candidates: its cost grows with the postings of every query token
 * (≈1.5–2 µs each on a 10,000-document index: three lookups in maps of 300,000 entries and a result object).
 * Measured on the synthetic 10,000-document corpus with the seeds hidden in it (`npm run bench -- --scale`):
 * 12,000 → p50 21 ms, p99 63 ms; 8,000 → 10 ms, 35 ms with the same seed questions answered (62/90);
 * 5,000 lost 4 of them; 30,000 found 8 more at twice the time.
 */
const POSTINGS_BUDGET = 8_000;

/**
 * The tokens that fetch candidates: each word as indexed (or, for a word the index lacks, its search-mode
 * parts), rarest first, within a budget of postings. A token in a fifth of all passages fetches thousands of
 * candidates and ranks none of them; it still counts in the re-ranking. The rarest of the question's own
 * tokens is always kept: a rare synonym alone would fetch only passages that use the synonym.
 */
function retrievalTokens(ix: CorpusIndex, words: string[], alternatives: string[]): string[] {
  const df = (t: string) => ix.df.get(t) ?? 0;
  const indexed = (ws: string[]) =>
    ws.flatMap((w) => (df(w) > 0 ? [w] : searchTokens(w).filter((t) => df(t) > 0)));
  const byRarity = (ts: string[]) => [...new Set(ts)].sort((a, b) => df(a) - df(b));
  const own = byRarity(indexed(words))[0];
  const common = Math.max(50, ix.passages.length / 5);
  const out: string[] = own ? [own] : [];
  let postings = own ? df(own) : 0;
  for (const t of byRarity([...indexed(words), ...indexed(alternatives)])) {
    if (t === own) continue;
    if (out.length > 0 && (df(t) > common || postings + df(t) > POSTINGS_BUDGET)) break;
    out.push(t);
    postings += df(t);
  }
  return out;
}

function scorePassage(
  ix: CorpusIndex,
  q: QueryAnalysis,
  passage: Passage,
  facts: PassageFacts,
  terms: ReturnType<typeof weighTerms>,
  bm25: number,
): RankedPassage | null {
  const home = ix.homes.get(passage.doc) ?? null;
  const headings = facts.heading;
  const place = placeScore(q, passage, facts, home, headings);
  if (place === null) return null;
  const years = yearScore(ix, q, passage, facts);
  if (years === null) return null;
  const hits = terms.map((t) => matchTerm(t, passage.norm, facts.context + headings));
  const cov = coverage(hits);
  const fit = bestFigure(passage.norm, passage.figures, hits, q.kind, q.unit);
  const numeric = NUMERIC_KINDS.has(q.kind);
  const figureScore = fit ? 1.2 * fit.kind + 2.5 * fit.closeness : numeric ? -1 : 0;
  const score =
    3 * cov +
    figureScore +
    0.3 * bm25 +
    place +
    years +
    targetScore(ix, q, passage, facts) +
    sharedFigures(q, passage) +
    (passage.paragraph === 0 ? -0.2 : 0);
  return { passage, score, coverage: cov, fit, hits };
}

/**
 * Place scope: a place the question names must stand in the sentence (or its paragraph); with no place
 * named, a sentence about a district or another region ranks below the city-wide figure.
 * Null means the passage is about another place and must not answer.
 */
function placeScore(
  q: QueryAnalysis,
  p: Passage,
  facts: PassageFacts,
  home: string | null,
  headings: string,
): number | null {
  if (q.national && !p.norm.includes("全国")) return null;
  const wanted = q.places.filter((pl) => pl !== home);
  let score = 0;
  for (const pl of wanted) {
    if (p.norm.includes(pl)) score += 0.4;
    else if (facts.context.includes(pl)) score += 0.1;
    else if (!headings.includes(pl)) return null;
  }
  const others = facts.places.filter((pl) => !q.places.includes(pl));
  // "该校…13个学科": a sentence about one school, district or company, not about the city as a whole.
  if (others.length === 0) return isAboutOneUnit(p.norm) && !isAboutOneUnit(q.norm) ? score - 0.4 : score;
  // Asked about the city itself ("重庆GDP", "全市…"): a district's figure is not an answer.
  return q.places.includes(home ?? "") || q.citywide ? null : score - 0.4;
}

function yearScore(ix: CorpusIndex, q: QueryAnalysis, p: Passage, facts: PassageFacts): number | null {
  if (q.years.length === 0) return 0;
  if (facts.years.some((y) => q.years.includes(y))) return 0.6;
  if (facts.years.length > 0) return null;
  if (q.target && !isTargetPassage(ix, p)) return null;
  const articleYears = ix.articleYears.get(`${p.doc}#${p.article}`);
  return q.years.some((y) => articleYears?.has(y)) ? 0.2 : -0.2;
}

/** A figure written in the question itself ("排名前1%的学科") is part of the indicator: passages stating it rank higher. */
function sharedFigures(q: QueryAnalysis, p: Passage): number {
  const own = q.figures.filter((f) => f.kind !== "year" && f.kind !== "date");
  const shared = own.filter((f) => p.figures.some((g) => g.value === f.value && g.unit === f.unit));
  return 0.5 * shared.length;
}

/** Whether a sentence speaks of one school, district or company ("该校", "该区") rather than the whole city. */
export function isAboutOneUnit(norm: string): boolean {
  return ONE_UNIT.test(norm);
}

/** Whether a passage states a goal (到2027年…, 力争…, or a plan document) rather than an achieved value. */
export function isTargetPassage(ix: CorpusIndex, p: Passage): boolean {
  return ix.facts[p.id]?.target ?? false;
}

/** Goals (到2027年…达到90%) answer questions about goals; achieved figures answer the rest. */
function targetScore(ix: CorpusIndex, q: QueryAnalysis, p: Passage, _facts: PassageFacts): number {
  const isTarget = isTargetPassage(ix, p);
  if (q.target) return isTarget ? 0.4 : -0.2;
  return isTarget ? -0.25 : 0;
}
