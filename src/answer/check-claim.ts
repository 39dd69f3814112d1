import type { Passage } from "../corpus/types.js";
import type { CorpusIndex } from "../search/corpus-index.js";
import { analyzeQuery, type QueryAnalysis } from "../search/query.js";
import { isTargetPassage, type RankedPassage, rankPassages } from "../search/rank.js";
import type { SynonymTable } from "../search/synonyms.js";
import { figuresAgree, unitsCompatible } from "../text/compare-figures.js";
import type { Figure } from "../text/figure.js";
import { answerQuestion } from "./answer-question.js";
import { citationOf, clauseOf, figureView, quoteOf } from "./cite.js";
import type { CheckedFigure, CheckReply, Evidence, Verdict } from "./reply.js";

/** How bad a verdict is, for "the verdict of a claim is the worst of its figures". */
const SEVERITY: Record<Verdict, number> = { supported: 0, not_found: 1, conflicting: 2, contradicted: 3 };
const CLAIM_PREFIX = /^\s*(?:\/check(?:@\w+)?|核实|核查|查证)\s*[:：,，]?\s*/i;
const CLAUSE_SPLIT = /[，,、；;。]|以及|并且/;
const MIN_COVERAGE = 0.7;
const MIN_CLOSENESS = 0.2;

/** A passage that states the claim's indicator, with the figure it gives for it. */
interface Statement {
  ranked: RankedPassage;
  figure: Figure;
}

/** Checks every figure of a claim against the corpus; the verdict is the worst of its figures. */
export function checkClaim(ix: CorpusIndex, rawClaim: string, synonyms: SynonymTable): CheckReply {
  const claim = rawClaim.replace(CLAIM_PREFIX, "").trim();
  const q = analyzeQuery(claim);
  const lookedFor = q.words.join(" ");
  const figures = q.figures.filter((f) => f.kind !== "year");
  if (figures.length === 0) return withoutFigure(ix, claim, q, synonyms);
  const items = figures.map((f) => checkFigure(ix, q, f, synonyms));
  const verdict = items.reduce<Verdict>((w, i) => (SEVERITY[i.verdict] > SEVERITY[w] ? i.verdict : w), "supported");
  const ordered = [...items].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const suggestions = verdict === "not_found" ? nearby(ix, q, synonyms) : [];
  return { kind: "check", claim, verdict, items: ordered, lookedFor, note: null, suggestions };
}

/** The words of the clause a figure stands in ("9270个公办园学位"), or the whole claim's if the clause has too few. */
function clauseQuery(q: QueryAnalysis, f: Figure): QueryAnalysis {
  let start = f.start;
  while (start > 0 && !CLAUSE_SPLIT.test(q.norm[start - 1] as string)) start--;
  let end = f.end;
  while (end < q.norm.length && !CLAUSE_SPLIT.test(q.norm[end] as string)) end++;
  const clause = analyzeQuery(q.norm.slice(start, end));
  const words = clause.words.length >= 2 ? [...new Set([...clause.words, ...q.words.slice(0, 1)])] : q.words;
  const kind = f.kind === "rank" ? "rank" : f.kind === "date" ? "date" : f.unit === "%" || f.unit === "成" ? "percent" : "quantity";
  return { ...q, words, kind, unit: f.kind === "quantity" && f.unit ? f.unit : kind === "percent" ? "%" : null };
}

function checkFigure(ix: CorpusIndex, claimQuery: QueryAnalysis, f: Figure, synonyms: SynonymTable): CheckedFigure {
  const q = clauseQuery(claimQuery, f);
  const statements = sameIndicator(ix, q, f, synonyms);
  const claim = claimView(f);
  if (statements.length === 0) return { claim, verdict: "not_found", evidence: [] };
  const agreeing = statements.find((s) => figuresAgree(f, s.figure));
  const values = distinctValues(ix, statements, q.target);
  if (values.length > 1) return { claim, verdict: "conflicting", evidence: values.map((s) => evidenceOf(ix, s)) };
  if (agreeing) return { claim, verdict: "supported", evidence: [evidenceOf(ix, agreeing)] };
  return { claim, verdict: "contradicted", evidence: [evidenceOf(ix, statements[0] as Statement)] };
}

/**
 * Passages that state the same indicator for the same scope: they cover the claim's words, give a figure of
 * the same kind and unit next to them, name no other place, and (if the claim names a year) no other year.
 */
function sameIndicator(ix: CorpusIndex, q: QueryAnalysis, f: Figure, synonyms: SynonymTable): Statement[] {
  const out: Statement[] = [];
  for (const r of rankPassages(ix, q, synonyms).slice(0, 40)) {
    if (r.coverage < MIN_COVERAGE || !sameScope(ix, q, r.passage)) continue;
    const fit = r.fit;
    if (!fit || fit.closeness < MIN_CLOSENESS || !unitsCompatible(f, fit.figure)) continue;
    out.push({ ranked: r, figure: fit.figure });
  }
  return out;
}

function sameScope(ix: CorpusIndex, q: QueryAnalysis, p: Passage): boolean {
  const facts = ix.facts[p.id];
  if (!facts) return false;
  const home = ix.homes.get(p.doc) ?? null;
  if (facts.places.some((pl) => pl !== home && !q.places.includes(pl))) return false;
  if (q.years.length > 0 && facts.years.length > 0 && !facts.years.some((y) => q.years.includes(y))) return false;
  return true;
}

/**
 * The values the sources give for the indicator, one statement per value beyond rounding. A goal and an
 * achieved value are different periods, not a conflict: only statements of the claim's own period count.
 */
function distinctValues(ix: CorpusIndex, statements: Statement[], claimTarget: boolean): Statement[] {
  const best = statements[0] as Statement;
  const period = (s: Statement) => isTargetPassage(ix, s.ranked.passage);
  const samePeriod = statements.filter((s) => period(s) === (claimTarget || period(best)));
  const strong = samePeriod.filter((s) => s.ranked.coverage >= 0.95 && s.ranked.fit && s.ranked.fit.closeness >= 0.45);
  const out: Statement[] = [];
  for (const s of strong) if (!out.some((o) => figuresAgree(o.figure, s.figure) || figuresAgree(s.figure, o.figure))) out.push(s);
  return out.length > 1 ? out : [];
}

function evidenceOf(ix: CorpusIndex, s: Statement): Evidence {
  const p = s.ranked.passage;
  return {
    figure: figureView(p, s.figure),
    quote: quoteOf(p, s.figure),
    source: citationOf(ix, p),
    period: isTargetPassage(ix, p) ? "target" : "achieved",
  };
}

function claimView(f: Figure) {
  return { text: f.text, value: f.value, unit: f.unit, kind: f.kind };
}

/** A claim without a figure cannot be checked: say so, and list the figures the sources give. */
function withoutFigure(ix: CorpusIndex, claim: string, q: QueryAnalysis, synonyms: SynonymTable): CheckReply {
  const reply = answerQuestion(ix, claim, synonyms);
  const suggestions =
    reply.kind === "answer"
      ? reply.answers.slice(0, 3).flatMap((a) => (a.figure ? [`${a.figure.text}（${a.sources[0]?.title ?? a.sources[0]?.doc}）`] : []))
      : [];
  const note = suggestions.length
    ? "这句话里没有可以核对的数字；来源中有这些相关数字："
    : "这句话里没有可以核对的数字，语料中也没有找到相关说法。";
  return { kind: "check", claim, verdict: "not_found", items: [], lookedFor: q.words.join(" "), note, suggestions };
}

/** The closest indicators the corpus does have, for a not_found reply. */
function nearby(ix: CorpusIndex, q: QueryAnalysis, synonyms: SynonymTable): string[] {
  const ranked = rankPassages(ix, { ...q, places: [], years: [], kind: "any", unit: null }, synonyms);
  const out = ranked.slice(0, 3).flatMap((r) => (r.fit ? [clauseOf(r.passage, r.fit.figure)] : []));
  return [...new Set(out)];
}
