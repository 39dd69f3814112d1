import { answerQuestion } from "../answer/answer-question.js";
import { citationOf, clauseOf, figureView, quoteOf } from "../answer/cite.js";
import type { CheckedFigure, CheckReply, Evidence, Verdict } from "../answer/reply.js";
import type { Passage } from "../corpus/types.js";
import type { CorpusIndex } from "../index/corpus-index.js";
import { ITEM_END, spanBetween } from "../lexicon/punctuation.js";
import { isStopword, LINK_WORDS } from "../lexicon/stopwords.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import { analyzeQuery, type QueryAnalysis } from "../query/analyze-query.js";
import { closeness } from "../rank/figure-fit.js";
import {
  type Candidates,
  candidateMemo,
  isAboutOneUnit,
  isTargetPassage,
  type RankedPassage,
  rankPassages,
} from "../rank/rank-passages.js";
import { figuresAgree, unitsCompatible } from "../text/compare-figures.js";
import type { Figure } from "../text/figure.js";
import { cut } from "../text/segment.js";

/** How bad a verdict is, for "the verdict of a claim is the worst of its figures". */
const SEVERITY: Record<Verdict, number> = { supported: 0, not_found: 1, conflicting: 2, contradicted: 3 };
const CLAIM_PREFIX = /^\s*(?:\/check(?:@\w+)?|核实|核查|查证)\s*[:：,，]?\s*/i;
const MIN_COVERAGE = 0.7;
const MIN_CLOSENESS = 0.2;

/** A passage that states the claim's indicator, with the figure it gives for it. */
interface Statement {
  ranked: RankedPassage;
  figure: Figure;
  /** Closeness of that figure to the words that stand next to the claim's figure. */
  anchored: number;
  target: boolean;
}

/** Checks every figure of a claim against the corpus; the verdict is the worst of its figures. */
export function checkClaim(ix: CorpusIndex, rawClaim: string, synonyms: SynonymTable): CheckReply {
  const claim = rawClaim.replace(CLAIM_PREFIX, "").trim();
  if (claim === "") {
    const note = "请写出要核对的说法，例如：核实：全市新增学位28万个";
    return { kind: "check", claim, verdict: "not_found", items: [], lookedFor: "", note, suggestions: [] };
  }
  const q = analyzeQuery(claim, ix.gazetteer);
  const lookedFor = q.words.join(" ");
  const amounts = q.figures.filter((f) => f.kind !== "year");
  // A claim whose only figure is a year ("2035年建成教育强市") checks that year, no longer a constraint.
  const figures = amounts.length > 0 ? amounts : q.figures;
  if (figures.length === 0) return withoutFigure(ix, claim, q, synonyms);
  const scoped = amounts.length > 0 ? q : { ...q, years: [] };
  const fetch = candidateMemo(ix, synonyms);
  const items = figures.map((f) => checkFigure(ix, scoped, f, synonyms, fetch));
  const verdict = items.reduce<Verdict>(
    (w, i) => (SEVERITY[i.verdict] > SEVERITY[w] ? i.verdict : w),
    "supported",
  );
  const ordered = [...items].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const suggestions = verdict === "not_found" ? nearby(ix, q, synonyms, fetch) : [];
  return { kind: "check", claim, verdict, items: ordered, lookedFor, note: null, suggestions };
}

/** The words of the clause a figure stands in ("9270个公办园学位"), or the whole claim's if the clause has too few. */
function clauseQuery(ix: CorpusIndex, q: QueryAnalysis, f: Figure): QueryAnalysis & { anchors: string[] } {
  const [start, end] = spanBetween(q.norm, f.start, f.end, ITEM_END);
  const clause = analyzeQuery(q.norm.slice(start, end), ix.gazetteer);
  const words = clause.words.length >= 2 ? [...new Set([...clause.words, ...q.words.slice(0, 1)])] : q.words;
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
  ix: CorpusIndex,
  claimQuery: QueryAnalysis,
  f: Figure,
  synonyms: SynonymTable,
  fetch: (q: QueryAnalysis) => Candidates,
): CheckedFigure {
  const q = clauseQuery(ix, claimQuery, f);
  const claim = claimView(f);
  const statements = exactIndicator(
    samePeriod(sameIndicator(ix, q, f, synonyms, fetch), q.target),
    q.words,
    synonyms,
  );
  if (statements.length === 0) return { claim, verdict: "not_found", evidence: [] };
  const agreeing = statements.find((s) => claimMatches(f, s.figure));
  const values = distinctValues(statements);
  if (values.length > 1)
    return { claim, verdict: "conflicting", evidence: values.map((s) => evidenceOf(ix, s)) };
  if (agreeing) return { claim, verdict: "supported", evidence: [evidenceOf(ix, agreeing)] };
  return { claim, verdict: "contradicted", evidence: [evidenceOf(ix, statements[0] as Statement)] };
}

/**
 * Passages that state the same indicator for the same scope: they cover the claim's words, give a figure of
 * the same kind and unit next to them, name no other place, and (if the claim names a year) no other year.
 */
function sameIndicator(
  ix: CorpusIndex,
  q: QueryAnalysis & { anchors: string[] },
  f: Figure,
  synonyms: SynonymTable,
  fetch: (q: QueryAnalysis) => Candidates,
): Statement[] {
  const out: Statement[] = [];
  for (const r of rankPassages(ix, q, synonyms, fetch(q)).slice(0, 40)) {
    if (r.coverage < MIN_COVERAGE || !sameScope(ix, q, r.passage)) continue;
    const picked = anchoredFigure(r, f, q.anchors);
    // Dates open their sentence ("2024年12月,市委…印发") and ranks follow the value they rank ("普惠率达94.61%,全国排名第六"):
    // both stand a clause away from the words they belong to.
    const loose = f.kind === "date" || f.kind === "year" || f.kind === "rank";
    if (!picked || picked.anchored < (loose ? MIN_CLOSENESS / 4 : MIN_CLOSENESS)) continue;
    out.push({ ranked: r, ...picked, target: isTargetPassage(ix, r.passage) });
  }
  return out;
}

/** Among a passage's figures of the claim's kind and unit, the one standing closest to the claim's anchor words. */
function anchoredFigure(
  r: RankedPassage,
  f: Figure,
  anchors: string[],
): { figure: Figure; anchored: number } | null {
  // Terms may have been joined into compounds ("占" + "比" -> 占比): an anchor inside a term counts.
  const hits = r.hits.filter((h) => anchors.some((a) => h.term.word.includes(a) || a.includes(h.term.word)));
  let best: { figure: Figure; anchored: number } | null = null;
  for (const g of r.passage.figures) {
    if (!unitsCompatible(f, g) || !sameRankScope(f, g)) continue;
    const anchored = closeness(r.passage.norm, g, hits);
    if (!best || anchored > best.anchored) best = { figure: g, anchored };
  }
  return best;
}

/** Ranks compare within one scope: "西部第一" is checked against "西部第1", not against "全国第6". */
function sameRankScope(a: Figure, b: Figure): boolean {
  return a.kind !== "rank" || !a.scope || !b.scope || a.scope === b.scope;
}

/**
 * A goal (到2027年…达到90%) and an achieved value (2024年…达80%) are different periods: a claim is checked
 * against statements of its own period when the sources have any, else against all of them.
 */
function samePeriod(statements: Statement[], claimTarget: boolean): Statement[] {
  const own = statements.filter((s) => s.target === claimTarget);
  return own.length > 0 ? own : statements;
}

function sameScope(ix: CorpusIndex, q: QueryAnalysis, p: Passage): boolean {
  const facts = ix.facts[p.id];
  if (!facts) return false;
  if (facts.places.some((pl) => !q.places.includes(pl))) return false;
  if (isAboutOneUnit(p.norm) && !isAboutOneUnit(q.norm)) return false;
  if (q.years.length > 0 && facts.years.length > 0 && !facts.years.some((y) => q.years.includes(y)))
    return false;
  return true;
}

/**
 * Statements whose figure clause adds no qualifier the claim lacks ("新增普通高中学位1.9万个" narrows
 * "新增学位" to one school stage): when there are any, only they count.
 */
function exactIndicator(statements: Statement[], words: string[], synonyms: SynonymTable): Statement[] {
  const exact = statements.filter((s) => qualifiers(s, words, synonyms).length === 0);
  return exact.length > 0 ? exact : statements;
}

/** Content words in the figure's clause ("9270个公办园学位": 公办园) that the claim does not have. */
function qualifiers(s: Statement, words: string[], synonyms: SynonymTable): string[] {
  const norm = s.ranked.passage.norm;
  const [start, end] = spanBetween(norm, s.figure.start, s.figure.end, ITEM_END);
  const forms = words.flatMap((w) => [w, ...(synonyms.get(w) ?? [])]);
  const clause = norm.slice(start, s.figure.start) + norm.slice(s.figure.end, end);
  return cut(clause).filter(
    (w) =>
      w.length >= 2 &&
      !isStopword(w) &&
      !LINK_WORDS.has(w) &&
      !forms.some((f) => f.includes(w) || w.includes(f)),
  );
}

/** The values the sources give for the indicator in one period, one statement per value beyond rounding. */
function distinctValues(statements: Statement[]): Statement[] {
  const best = statements[0] as Statement;
  const strong = statements.filter(
    (s) => s.target === best.target && s.ranked.coverage >= 0.9 && s.anchored >= 0.4,
  );
  const out: Statement[] = [];
  for (const s of strong)
    if (!out.some((o) => figuresAgree(o.figure, s.figure) || figuresAgree(s.figure, o.figure))) out.push(s);
  return out.length > 1 ? out : [];
}

/**
 * Whether a source figure bears the claim out. Two bounds of the same direction are thresholds and must be
 * equal ("不低于1小时" is not "不低于2小时"); otherwise the values the two allow must overlap.
 */
function claimMatches(claim: Figure, source: Figure): boolean {
  if (claim.bound === source.bound && (claim.bound === "over" || claim.bound === "under"))
    return figuresAgree({ ...claim, bound: "exact" }, { ...source, bound: "exact" });
  return figuresAgree(claim, source);
}

function evidenceOf(ix: CorpusIndex, s: Statement): Evidence {
  const p = s.ranked.passage;
  return {
    figure: figureView(p, s.figure),
    quote: quoteOf(p, s.figure),
    source: citationOf(ix, p),
    period: s.target ? "target" : "achieved",
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
      ? reply.answers
          .slice(0, 3)
          .flatMap((a) =>
            a.figure ? [`${a.figure.text}（${a.sources[0]?.title ?? a.sources[0]?.doc}）`] : [],
          )
      : [];
  const note = suggestions.length
    ? "这句话里没有可以核对的数字；来源中有这些相关数字："
    : "这句话里没有可以核对的数字，语料中也没有找到相关说法。";
  return {
    kind: "check",
    claim,
    verdict: "not_found",
    items: [],
    lookedFor: q.words.join(" "),
    note,
    suggestions,
  };
}

/** The closest indicators the corpus does have, for a not_found reply. */
function nearby(
  ix: CorpusIndex,
  q: QueryAnalysis,
  synonyms: SynonymTable,
  fetch: (q: QueryAnalysis) => Candidates,
): string[] {
  const ranked = rankPassages(
    ix,
    { ...q, places: [], years: [], kind: "any", unit: null },
    synonyms,
    fetch(q),
  );
  const out = ranked.slice(0, 3).flatMap((r) => (r.fit ? [clauseOf(r.passage, r.fit.figure)] : []));
  return [...new Set(out)];
}
