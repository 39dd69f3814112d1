import type { Passage } from "../corpus/types.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import type { Candidates } from "../rank/fetch-candidates.js";
import type { ExcludedPassage, RankedPassage, ScoreFeatures } from "../rank/rank-passages.js";

/** Why a scored passage does not answer: which rule of the answer test it failed, with the value and the bar. */
export type Rejection =
  | { rule: "coverage"; value: number; min: number }
  | { rule: "core-word"; word: string; strength: number; min: number }
  | { rule: "no-figure" }
  | { rule: "figure-closeness"; value: number; min: number }
  | { rule: "figure-kind"; value: number; min: number };

/** One candidate as `--explain` shows it. */
export interface CandidateExplanation {
  doc: string;
  paragraph: number;
  text: string;
  /** Absent for a candidate left out of scope before scoring. */
  score?: number;
  features?: ScoreFeatures;
  coverage?: number;
  figure?: { text: string; kindFit: number; closeness: number } | null;
  /** "answer", or why not: a rejection by the answer test or an exclusion by place or year. */
  outcome: "answer" | Rejection | { rule: "out-of-scope"; reason: ExcludedPassage["reason"] };
}

/** What the engine read in the question and how it ranked the corpus for it. */
export interface QueryExplanation {
  kind: string;
  unit: string | null;
  /** The question-word rule that set kind and unit. */
  kindRule: string | null;
  places: string[];
  years: number[];
  target: boolean;
  national: boolean;
  citywide: boolean;
  words: Array<{ word: string; weight: number; alternatives: string[] }>;
  /** The tokens MiniSearch searched with. */
  tokens: string[];
  /** Candidates MiniSearch returned. */
  fetched: number;
}

/** The explanation an `ask --explain` carries. */
export interface AskExplanation {
  query: QueryExplanation;
  candidates: CandidateExplanation[];
  /** Whether any candidate passed the answer test; when none did, the no-answer rule fired. */
  answered: boolean;
}

const TEXT_CHARS = 80;

/** The query part of an explanation. */
export function explainQuery(q: QueryAnalysis, c: Candidates): QueryExplanation {
  return {
    kind: q.kind,
    unit: q.unit,
    kindRule: q.kindRule,
    places: q.places,
    years: q.years,
    target: q.target,
    national: q.national,
    citywide: q.citywide,
    words: c.terms.map((t) => ({ word: t.word, weight: round(t.weight), alternatives: t.alternatives })),
    tokens: c.tokens,
    fetched: c.results.length,
  };
}

/** A scored candidate with its outcome. */
export function explainRanked(r: RankedPassage, rejection: Rejection | null): CandidateExplanation {
  const f = r.fit;
  return {
    ...where(r.passage),
    score: round(r.score),
    features: Object.fromEntries(
      Object.entries(r.features).map(([k, v]) => [k, round(v)]),
    ) as unknown as ScoreFeatures,
    coverage: round(r.coverage),
    figure: f ? { text: f.figure.text, kindFit: round(f.kind), closeness: round(f.closeness) } : null,
    outcome: rejection ?? "answer",
  };
}

/** A candidate left out by place or year. */
export function explainExcluded(e: ExcludedPassage): CandidateExplanation {
  return { ...where(e.passage), outcome: { rule: "out-of-scope", reason: e.reason } };
}

function where(p: Passage) {
  const text = p.text.length > TEXT_CHARS ? `${p.text.slice(0, TEXT_CHARS)}…` : p.text;
  return { doc: p.doc, paragraph: p.paragraph, text };
}

/** Three decimals: enough to read, little to print. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
