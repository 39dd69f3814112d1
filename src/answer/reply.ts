import type { CheckExplanation } from "../check/explain-check.js";
import type { AskExplanation } from "./explain.js";

/** Where a quoted sentence comes from, as a reader cites it. */
export interface Citation {
  /** File name under the corpus directory. */
  doc: string;
  /** Article headline, or the document title when the article shows none. */
  title: string | null;
  docTitle: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  /** Paragraph number inside the article (0: the headline itself). */
  paragraph: number;
}

/** A figure as shown to a reader: written as in the source, with its value and unit. */
export interface FigureView {
  text: string;
  value: number;
  unit: string;
  kind: string;
}

/** A sentence quoted verbatim, with the character ranges to emphasise (the answering figure). */
export interface Quote {
  text: string;
  highlights: Array<[number, number]>;
}

/** One answer: the figure, the sentence it stands in, and every source that states that sentence. */
export interface AnswerItem {
  figure: FigureView | null;
  quote: Quote;
  sources: Citation[];
  score: number;
}

/** Another figure for the same indicator (other place, year or school stage), with its source. */
export interface RelatedFigure {
  /** The clause the figure stands in ("新增普通高中学位1.9万个"). */
  label: string;
  figure: FigureView;
  source: Citation;
}

/** The neutral reply model every adapter renders (plain text, Slack Block Kit, Telegram HTML). */
export type Reply = AskReply | CheckReply;

/** The reply to a question. */
export type AskReply = AnswerReply | NoAnswerReply;

/** A fact-check verdict: 一致 / 不一致 / 来源不一致 / 未找到. */
export type Verdict = "supported" | "contradicted" | "conflicting" | "not_found";

/** A source passage offered as evidence for or against a claimed figure. */
export interface Evidence {
  figure: FigureView | null;
  quote: Quote;
  source: Citation;
  /** Whether the source states a goal (到2027年…) or an achieved value; null when it does not say. */
  period: "target" | "achieved" | null;
}

/** The check of one figure of a claim. */
export interface CheckedFigure {
  /** The figure as the claim writes it. */
  claim: FigureView;
  verdict: Verdict;
  /** supported: the passage stating it; contradicted: the passage with the true value; conflicting: one per value. */
  evidence: Evidence[];
}

/** The answer to a claim: the worst verdict of its figures, each figure with its evidence. */
export interface CheckReply {
  kind: "check";
  claim: string;
  verdict: Verdict;
  items: CheckedFigure[];
  /** What was looked for (the indicator words), for a not_found reply. */
  lookedFor: string;
  /**
   * Set when there is no figure to check: `empty` (no claim written), `no-figure` (the claim has no figure; the
   * suggestions list what sources say), `no-figure-no-source` (neither). `items` is empty then.
   */
  note: CheckNote | null;
  /** Closest indicators the corpus does have (not_found), as short clauses with their figures. */
  suggestions: string[];
  /** The verdict's explanation, when asked for. */
  explain?: CheckExplanation;
}

/** Why a claim could not be checked figure by figure. */
export type CheckNote = "empty" | "no-figure" | "no-figure-no-source";

/** Answers found: best first. */
export interface AnswerReply {
  kind: "answer";
  question: string;
  answers: AnswerItem[];
  related: RelatedFigure[];
  /** What the answers are not, when the question asked for more than the sources state; absent otherwise. */
  note?: AnswerNote;
  /** The ranking's explanation, when asked for. */
  explain?: AskExplanation;
}

/**
 * A caveat shown above the answers. `increase-only`: the question asks how many there are (有多少所高校) and the
 * sources state only how many were added (新增高校6所); `indicator` is what was asked, in the question's words.
 */
export type AnswerNote = { code: "increase-only"; indicator: string };

/**
 * Why a message is not a question about the corpus: small talk (`chat`: 你好, 今天天气如何), letters but no
 * Chinese (`not-chinese`), or only words the corpus never uses (`unknown-words`, with those words).
 */
export type OffTopicReason =
  | { code: "off-topic"; cause: "chat" | "not-chinese" }
  | { code: "off-topic"; cause: "unknown-words"; words: string[] };

/**
 * Why nothing answers: the message is no question about the corpus, the question names nothing to look up, or
 * the corpus has nothing on it (for these places).
 */
export type NoAnswerReason =
  | OffTopicReason
  | { code: "no-indicator" }
  | { code: "not-found"; places: string[] };

/** Nothing in the corpus answers well enough: say so, and what it can answer or what nearby topics it covers. */
export interface NoAnswerReply {
  kind: "no-answer";
  question: string;
  reason: NoAnswerReason;
  /**
   * `off-topic` and `no-indicator`: example questions the corpus answers (never a sentence of it); `not-found`:
   * what the corpus has on the question's words without its place or year, as short clauses.
   */
  suggestions: string[];
  explain?: AskExplanation;
}
