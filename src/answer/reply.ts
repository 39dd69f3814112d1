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

/** Nothing in the corpus answers well enough: say so, what nearby topics it covers, and what it can answer. */
export interface NoAnswerReply {
  kind: "no-answer";
  question: string;
  reason: NoAnswerReason;
  /** `not-found`: what the corpus has on the question's words without its place or year, as short clauses. */
  suggestions: string[];
  /** Example questions the corpus answers (each verified to get an answer; never a sentence of it). */
  examples: string[];
  explain?: AskExplanation;
}

/**
 * The related figures to list under the answers a page shows: none that restates one of them (the same figure
 * from the same document), so that 相关数字 never repeats an answer above it.
 */
export function relatedBeyond(related: RelatedFigure[], shown: AnswerItem[]): RelatedFigure[] {
  return related.filter(
    (r) =>
      !shown.some(
        (a) =>
          a.figure?.value === r.figure.value &&
          a.figure.unit === r.figure.unit &&
          a.sources.some((s) => s.doc === r.source.doc),
      ),
  );
}

/** Whether each checked figure shows its own verdict: with one figure it is the reply's verdict, shown above. */
export function showsFigureVerdicts(reply: CheckReply): boolean {
  return reply.items.length > 1;
}

/** How a passage shows in a reply that may have shown it already: the sources still to cite, and what repeats. */
export interface ShownPassage {
  /** The same sentence from the same source was quoted above: show neither again. */
  quotedAbove: boolean;
  /** Sources not cited above, in order. */
  sources: Citation[];
  /** Some source was cited above and is left out here (renderers say 出处见上). */
  citedAbove: boolean;
}

/** Where a citation points: a paragraph of a document. */
function citationKey(c: Citation): string {
  return `${c.doc}\n${c.paragraph}`;
}

/**
 * Tracks the passages a reply shows, in the order it shows them, so that no sentence and no source line is
 * shown twice (two answers from one paragraph, two figures of a claim found in one sentence). One per render.
 */
export function passageTracker(): (quote: Quote, sources: Citation[]) => ShownPassage {
  const cited = new Set<string>();
  const quoted = new Set<string>();
  return (quote, sources) => {
    const keys = sources.map(citationKey);
    const quoteKey = `${quote.text}\n${keys.join("\n")}`;
    const quotedAbove = quoted.has(quoteKey);
    quoted.add(quoteKey);
    const fresh = sources.filter((_, i) => !cited.has(keys[i] as string));
    for (const k of keys) cited.add(k);
    return { quotedAbove, sources: fresh, citedAbove: fresh.length < sources.length };
  };
}

/** What a 👍/👎 rates, as a maintainer reviews it: the answer (or checked figure) shown, with its source. */
export interface RatedAnswer {
  kind: Reply["kind"];
  /** The answer's figure, or the claim's figure against the source's for a check; null when none. */
  figure: string | null;
  /** The sentence quoted, or null (no answer). */
  quote: string | null;
  source: Citation | null;
}

/** The answer at `index` of a reply (a page's first answer or checked figure), as a rating records it. */
export function ratedAnswer(reply: Reply, index: number): RatedAnswer {
  if (reply.kind === "no-answer") return { kind: reply.kind, figure: null, quote: null, source: null };
  if (reply.kind === "answer") {
    const a = reply.answers[index] ?? reply.answers[0];
    return {
      kind: reply.kind,
      figure: a?.figure?.text ?? null,
      quote: a?.quote.text ?? null,
      source: a?.sources[0] ?? null,
    };
  }
  const item = reply.items[index] ?? reply.items[0];
  const e = item?.evidence[0];
  const figure = item ? `${item.claim.text} → ${e?.figure?.text ?? "?"} (${item.verdict})` : null;
  return { kind: reply.kind, figure, quote: e?.quote.text ?? null, source: e?.source ?? null };
}
