import { answerQuestion } from "../answer/answer-question.js";
import { citationOf, clauseOf, figureView, quoteOf } from "../answer/cite.js";
import type { CheckedFigure, CheckReply, Evidence, Verdict } from "../answer/reply.js";
import { stripClaimPrefix } from "../conversation/claim-prefix.js";
import { analyzeQuery, type QueryAnalysis } from "../query/analyze-query.js";
import { asksOneYear, chinaYear } from "../query/question-period.js";
import { type Candidates, candidateMemo } from "../rank/fetch-candidates.js";
import { rankPassages } from "../rank/rank-passages.js";
import type { SearchContext } from "../rank/search-context.js";
import { figuresAgree, thresholdsAgree } from "../text/compare-figures.js";
import type { Figure } from "../text/figure.js";
import { clauseWords } from "./claim-clauses.js";
import type { FigureCheckExplanation, VerdictBasis } from "./explain-check.js";
import {
  type ClauseQuery,
  distinctValues,
  exactIndicator,
  type Statement,
  sameIndicator,
  samePeriod,
} from "./statements.js";

/** How bad a verdict is, for "the verdict of a claim is the worst of its figures". */
const SEVERITY: Record<Verdict, number> = { supported: 0, not_found: 1, conflicting: 2, contradicted: 3 };

/** Options of one check. */
export interface CheckOptions {
  /** Attach the verdict's explanation (`--explain`): every sentence examined per figure, and why. */
  explain?: boolean;
}

/** Checks every figure of a claim against the corpus; the verdict is the worst of its figures. */
export function checkClaim(ctx: SearchContext, rawClaim: string, options: CheckOptions = {}): CheckReply {
  const claim = stripClaimPrefix(rawClaim);
  if (claim === "")
    return {
      kind: "check",
      claim,
      verdict: "not_found",
      items: [],
      lookedFor: "",
      note: "empty",
      suggestions: [],
    };
  const q = analyzeQuery(claim, ctx.ix.gazetteer, ctx.clock());
  const lookedFor = q.words.join(" ");
  const amounts = q.figures.filter((f) => f.kind !== "year");
  // A claim whose only figure is a year ("2035年建成教育强市") checks that year, no longer a constraint.
  const figures = amounts.length > 0 ? amounts : q.figures;
  if (figures.length === 0) return withoutFigure(ctx, claim, q);
  const scoped = amounts.length > 0 ? q : { ...q, years: [] };
  const fetch = candidateMemo(ctx);
  const clauses = clauseWords(ctx, scoped);
  const checked = figures.map((f) => checkFigure(ctx, clauseQuery(clauses, scoped, f), f, fetch));
  const items = checked.map((c) => c.item);
  const verdict = items.reduce<Verdict>(
    (w, i) => (SEVERITY[i.verdict] > SEVERITY[w] ? i.verdict : w),
    "supported",
  );
  const ordered = [...items].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const suggestions = verdict === "not_found" ? nearby(ctx, q, fetch) : [];
  const reply: CheckReply = {
    kind: "check",
    claim,
    verdict,
    items: ordered,
    lookedFor,
    note: null,
    suggestions,
  };
  if (options.explain) reply.explain = { words: q.words, figures: checked.map((c) => c.explain) };
  return reply;
}

/** The query for one figure: its clause's words, its kind and unit, and the two words nearest it. */
function clauseQuery(wordsOf: (f: Figure) => string[], q: QueryAnalysis, f: Figure): ClauseQuery {
  const words = wordsOf(f);
  const kind =
    f.kind === "rank"
      ? "rank"
      : f.kind === "date"
        ? "date"
        : f.unit === "%" || f.unit === "成"
          ? "percent"
          : "quantity";
  const unit = f.kind === "quantity" && f.unit ? f.unit : kind === "percent" ? "%" : null;
  return { ...q, words, kind, unit, anchors: anchorWords(q.norm, f, words) };
}

/** The two claim words nearest the figure ("带动就业" in "…带动就业近100万人"): they name what it counts. */
function anchorWords(norm: string, f: Figure, words: string[]): string[] {
  const distance = (w: string) => {
    const before = norm.lastIndexOf(w, f.start);
    const after = norm.indexOf(w, f.end);
    const d1 = before >= 0 ? f.start - (before + w.length) : Number.POSITIVE_INFINITY;
    const d2 = after >= 0 ? after - f.end : Number.POSITIVE_INFINITY;
    return Math.min(d1, d2);
  };
  return [...words].sort((a, b) => distance(a) - distance(b)).slice(0, 2);
}

function checkFigure(
  ctx: SearchContext,
  q: ClauseQuery,
  f: Figure,
  fetch: (q: QueryAnalysis) => Candidates,
): { item: CheckedFigure; explain: FigureCheckExplanation } {
  const claim = claimView(f);
  const { statements: found, examined } = sameIndicator(ctx, q, f, rankPassages(ctx, q, fetch(q)));
  const oneYear = asksOneYear(q);
  // A claim of a result: result words, or only years already past. This year's figure ("今年…68万人左右",
  // "2026年…") is what the year's reports set as its target.
  const thisYear = chinaYear(ctx.clock());
  const unmarked = q.period.role === null;
  const result =
    q.period.role === "achieved" ||
    q.period.role === "five-year" ||
    (unmarked && q.years.length > 0 && q.years.every((y) => y < thisYear));
  const target = q.target || (unmarked && q.years.some((y) => y >= thisYear));
  const period = samePeriod(found, { target, stated: result || target, oneYear });
  const statements = exactIndicator(period, q.words, ctx.synonyms);
  const values = statements.length > 0 ? distinctValues(ctx, statements) : [];
  const agreeing = statements.find((s) => claimMatches(f, s.figure));
  // A result claimed where the sources state only a goal of that value: the goal was stated as achieved.
  const goal = result ? found.find((s) => s.target && claimMatches(f, s.figure)) : undefined;
  const [item, basis]: [CheckedFigure, VerdictBasis] =
    statements.length === 0 && goal
      ? [{ claim, verdict: "contradicted", evidence: [evidenceOf(ctx, goal)] }, "goal-as-result"]
      : statements.length === 0
        ? [{ claim, verdict: "not_found", evidence: [] }, "no-statement"]
        : values.length > 1
          ? [
              { claim, verdict: "conflicting", evidence: values.map((s) => evidenceOf(ctx, s)) },
              "sources-differ",
            ]
          : agreeing
            ? [{ claim, verdict: "supported", evidence: [evidenceOf(ctx, agreeing)] }, "agrees"]
            : [
                {
                  claim,
                  verdict: "contradicted",
                  // The source's result, and the goal of the claimed value if that is what was taken for it.
                  evidence: [statements[0] as Statement, ...(goal ? [goal] : [])].map((s) =>
                    evidenceOf(ctx, s),
                  ),
                },
                "differs",
              ];
  const explain: FigureCheckExplanation = {
    claim: f.text,
    words: q.words,
    anchors: q.anchors,
    kind: q.kind,
    unit: q.unit,
    target: q.target,
    examined,
    ownPeriodOnly: period.length < found.length,
    exactOnly: statements.length < period.length,
    values: values.map((s) => s.figure.text),
    verdict: item.verdict,
    basis,
  };
  return { item, explain };
}

/**
 * Whether a source figure bears the claim out. Two bounds of the same direction are thresholds and must be
 * equal ("不低于1小时" is not "不低于2小时"); otherwise the values the two allow must overlap.
 */
function claimMatches(claim: Figure, source: Figure): boolean {
  if (claim.bound === source.bound && (claim.bound === "over" || claim.bound === "under"))
    return thresholdsAgree(claim, source);
  return figuresAgree(claim, source);
}

function evidenceOf(ctx: SearchContext, s: Statement): Evidence {
  const p = s.ranked.passage;
  return {
    figure: figureView(p, s.figure),
    quote: quoteOf(p, s.figure),
    source: citationOf(ctx.ix, p),
    period: s.target ? "target" : "achieved",
  };
}

function claimView(f: Figure) {
  return { text: f.text, value: f.value, unit: f.unit, kind: f.kind };
}

/** A claim without a figure cannot be checked: say so, and list the figures the sources give. */
function withoutFigure(ctx: SearchContext, claim: string, q: QueryAnalysis): CheckReply {
  const reply = answerQuestion(ctx, claim);
  const suggestions =
    reply.kind === "answer"
      ? reply.answers
          .slice(0, 3)
          .flatMap((a) =>
            a.figure ? [`${a.figure.text}（${a.sources[0]?.title ?? a.sources[0]?.doc}）`] : [],
          )
      : [];
  return {
    kind: "check",
    claim,
    verdict: "not_found",
    items: [],
    lookedFor: q.words.join(" "),
    note: suggestions.length ? "no-figure" : "no-figure-no-source",
    suggestions,
  };
}

/** The closest indicators the corpus does have, for a not_found reply. */
function nearby(ctx: SearchContext, q: QueryAnalysis, fetch: (q: QueryAnalysis) => Candidates): string[] {
  const ranked = rankPassages(ctx, { ...q, places: [], years: [], kind: "any", unit: null }, fetch(q));
  const out = ranked.slice(0, 3).flatMap((r) => (r.fit ? [clauseOf(r.passage, r.fit.figure)] : []));
  return [...new Set(out)];
}
