import type { Verdict } from "../answer/reply.js";

/** What became of one ranked sentence in a figure's check. */
export type StatementOutcome =
  /** It states the claim's indicator with this figure. */
  | "statement"
  /** It covers too few of the claim's words. */
  | "coverage"
  /** It is about another place, one unit (该校), or another year. */
  | "scope"
  /** No figure of the claim's kind and unit in it. */
  | "no-figure"
  /** Its figure stands too far from the words next to the claim's figure. */
  | "anchor-far";

/** One sentence examined for a claimed figure. */
export interface ExaminedSentence {
  doc: string;
  paragraph: number;
  text: string;
  coverage: number;
  figure: string | null;
  anchored: number | null;
  target: boolean;
  outcome: StatementOutcome;
}

/** Why a figure got its verdict. */
export type VerdictBasis =
  /** No sentence states the indicator for the claim's scope. */
  | "no-statement"
  /** The sources give two or more values beyond rounding. */
  | "sources-differ"
  /** A statement's figure allows the claim's value. */
  | "agrees"
  /** The statements give another value. */
  | "differs"
  /** A result is claimed where the sources state that value only as a goal or plan. */
  | "goal-as-result";

/** The check of one claimed figure, step by step. */
export interface FigureCheckExplanation {
  claim: string;
  /** The words looked for, and the two nearest the figure that anchor it. */
  words: string[];
  anchors: string[];
  kind: string;
  unit: string | null;
  /** The claim states a goal (目标, 力争, 到2030年). */
  target: boolean;
  examined: ExaminedSentence[];
  /** Statements of the claim's own period were found, so only they count; else all periods did. */
  ownPeriodOnly: boolean;
  /** Statements whose figure clause adds no qualifier the claim lacks were found, so only they count. */
  exactOnly: boolean;
  /** The distinct values of the statements that count, when they conflict. */
  values: string[];
  verdict: Verdict;
  basis: VerdictBasis;
}

/** The explanation a `check --explain` carries: one entry per figure of the claim. */
export interface CheckExplanation {
  words: string[];
  figures: FigureCheckExplanation[];
}
