import { GROWTH_BEFORE, MEASURE_WORDS, PLACE_LEAD } from "../lexicon/figure-words.js";
import { RESPECTIVELY } from "../lexicon/list-words.js";
import {
  CLAUSE_END,
  charClass,
  ITEM_END,
  LIST_MARK,
  NAME_QUOTES,
  spanBetween,
} from "../lexicon/punctuation.js";
import { type AnswerKind, NUMERIC_KINDS } from "../lexicon/question-words.js";
import { WHOLE_SCOPE_WORDS } from "../lexicon/scope-words.js";
import type { Figure } from "../text/figure.js";
import { tagWords } from "../text/segment.js";
import { changeBaseline, type FigureTime, figureTime, rankedValue, restatedFigure } from "./figure-time.js";
import type { TermHit } from "./match-terms.js";
import type { KindFitWeights, RankingProfile } from "./profile.js";
import { askedItem, type RespectiveList, respectiveList } from "./respective-list.js";

type FigureWeights = RankingProfile["figure"];

/** How well a figure answers the question: kind/unit fit and closeness to the question's words. */
export interface FigureFit {
  figure: Figure;
  /** 0..1: does the figure have the kind and unit asked for. */
  kind: number;
  /** 0..1: how close the figure stands to the matched question words, in the same clause. */
  closeness: number;
  /** The figure's clause names another place than the ones asked (a district's figure). */
  otherPlace?: boolean;
}

/** 0..1 fit of a figure's kind and unit to what the question asks (negative: not an answer at all). */
export function kindFit(
  f: Figure,
  kind: AnswerKind,
  unit: string | null,
  w: KindFitWeights,
  inferred = false,
): number {
  const temporal = f.kind === "year" || f.kind === "date";
  // A dated month or day answers "when" better than a year, and a year better than a span of years.
  if (kind === "date")
    return !temporal ? -1 : f.kind === "date" ? w.date.day : f.high ? w.date.span : w.date.year;
  if (temporal) return -1;
  if (kind === "rank") return f.kind === "rank" ? w.rank.rank : w.rank.other;
  if (f.kind === "rank") return w.rankForOther;
  if (kind === "percent") {
    // "高几个点" asks for a gap in points; a rate answers it less well, as points answer a rate.
    const [asked, other] = unit === "百分点" ? ["百分点", "%"] : ["%", "百分点"];
    if (f.unit === asked) return w.percent.percent;
    if (f.unit === other) return w.percent.points;
    // "工资涨了多少": the growth of a money quantity, told as an amount.
    return inferred && f.unit === "元" ? w.inferredUnit.alternate : w.percent.other;
  }
  if (unit && inferred) {
    if (f.unit === unit) return w.unit.same;
    if (f.unit === "") return w.unit.none;
    return f.unit === "%" ? w.inferredUnit.alternate : w.inferredUnit.other;
  }
  if (unit) return f.unit === unit ? w.unit.same : f.unit === "" ? w.unit.none : w.unit.other;
  const small = f.chinese && f.value < 10;
  if (kind === "quantity")
    return f.unit === "%" ? w.quantity.percent : small ? w.quantity.smallChinese : w.quantity.other;
  return small ? w.any.smallChinese : w.any.other;
}

const CLAUSE_BREAK = new RegExp(charClass(ITEM_END), "g");
const CLAUSE_BREAK_ONE = new RegExp(charClass(ITEM_END));
const LIST_MARKS = new RegExp(charClass(LIST_MARK), "g");

/** Characters between a figure and a term occurrence, plus a toll for each clause boundary crossed. */
function gap(norm: string, f: Figure, span: [number, number], toll: number, listShare: number): number {
  const [from, to] = span[1] <= f.start ? [span[1], f.start] : f.end <= span[0] ? [f.end, span[0]] : [0, 0];
  const between = norm.slice(from, to);
  const marks = between.match(LIST_MARKS)?.length ?? 0;
  // A word after a value, past a list or clause mark, names the next item or clause ("高中阶段毛入学率达98.7%、
  // 高等教育毛入学率…", "带动就地就业36.8万人，城镇新增就业超额完成"); a date opens its sentence and its words
  // follow it ("2024年12月,市委、市政府印发…").
  const value = f.kind === "quantity" || f.kind === "percent";
  if (value && from === f.end && CLAUSE_BREAK_ONE.test(between)) return Number.POSITIVE_INFINITY;
  const breaks = (between.match(CLAUSE_BREAK)?.length ?? 0) - marks * (1 - listShare);
  return between.length + toll * breaks;
}

/** Closeness of a figure to the matched question words: half their weighted mean, half the nearest one. */
export function closeness(norm: string, f: Figure, hits: TermHit[], w: FigureWeights): number {
  let total = 0;
  let got = 0;
  let nearest = 0;
  let nearestMeasure = 0;
  for (const h of hits) {
    total += h.term.weight;
    if (h.spans.length === 0) continue;
    const d = Math.min(...h.spans.map((s) => gap(norm, f, s, w.clauseToll, w.listMarkShare)));
    const near = h.strength * Math.exp(-d / w.decay);
    got += h.term.weight * near;
    if (MEASURE_WORDS.has(h.term.word)) nearestMeasure = Math.max(nearestMeasure, near);
    else nearest = Math.max(nearest, near);
  }
  // A measure word (增长) right by a figure says how it measures, not what: it counts as the nearest word only
  // when an indicator word of the question stands near too ("地区生产总值达428.4亿元,增长6.6%"; not
  // "…生产总值60199.45亿元、增长5%" for 进出口, which stands clauses away: "进出口下降5.4%").
  const indicatorNear = nearest >= w.measureNeedsIndicator;
  if (indicatorNear || hits.every((h) => MEASURE_WORDS.has(h.term.word)))
    nearest = Math.max(nearest, nearestMeasure);
  // The word right next to a figure names what it counts; the others may stand a clause away.
  return total === 0 ? 0 : (1 - w.nearestShare) * (got / total) + w.nearestShare * nearest;
}

/**
 * Weighted share of the question's words standing right after the figure in its clause: the noun a figure
 * counts follows it ("9270个公办园学位" counts 学位, "52所公办园" counts 公办园).
 */
function countedNoun(norm: string, f: Figure, hits: TermHit[], w: FigureWeights): number {
  let total = 0;
  let after = 0;
  for (const h of hits) {
    total += h.term.weight;
    const follows = h.spans.some(
      ([s]) => s >= f.end && s - f.end <= w.countedNounWindow && !CLAUSE_BREAK_ONE.test(norm.slice(f.end, s)),
    );
    if (follows) after += h.term.weight * h.strength;
  }
  return total === 0 ? 0 : (w.countedNoun * after) / total;
}

/** What a question asks of a figure: its kind and unit, and the years asked (empty: any). */
export interface FigureAsk {
  kind: AnswerKind;
  unit: string | null;
  unitInferred: boolean;
  years: number[];
  /** Places the sentence names besides the ones asked: a figure in a clause naming one is about it. */
  otherPlaces?: string[];
  /** The question is about the whole: such a figure does not answer at all. */
  strictPlace?: boolean;
  /** The question is about one year (去年, 2025年): a total or average over years does not answer it. */
  oneYear?: boolean;
  /** The year asked is the one before a five-year review's span ("2020年" of 由A提升至B): A is its value. */
  baseYearAsked?: boolean;
  /** The power of ten the question names ("多少万亿"): a quantity far below it is another indicator's. */
  magnitude?: number | null;
}

/**
 * How a figure's time fits the question: a figure of a year asked ranks up, one of another year down; with no
 * year asked, the baseline of a change ("从A提高到B": A) ranks below its result.
 */
function timeFit(time: FigureTime, ask: FigureAsk, w: FigureWeights): number {
  if (ask.years.length > 0 && time.year !== null)
    return ask.years.includes(time.year) ? w.yearAsked : w.otherYear;
  // The year before a five-year review's span asked: a change's baseline is that year's value, not its result.
  if (ask.baseYearAsked) return time.baseline ? w.yearAsked : w.otherYear;
  return time.baseline ? w.baseline : 0;
}

/**
 * Whether a figure is about one of `places`: one its headline names (not in the sentence at all), one named in
 * its clause, or one named earlier in its sentence with no whole-scope word (全市, 全省) after it
 * ("沙坪坝区…新增学位3.8万个", but not "沙坪坝区…，全市新增学位27.8万个"). A place named only in a later clause
 * ("…研发投入强度达3.6%，深圳、广州…") leaves it about the whole.
 */
export function aboutOtherPlace(norm: string, f: Figure, places: string[]): boolean {
  if (places.length === 0) return false;
  const [clauseStart, clauseEnd] = spanBetween(norm, f.start, f.end, CLAUSE_END);
  const lastBefore = (word: string) => norm.lastIndexOf(word, f.start - word.length);
  const whole = Math.max(...WHOLE_SCOPE_WORDS.map(lastBefore));
  return places.some((pl) => {
    const at = norm.indexOf(pl);
    if (at < 0) return true;
    if (at >= clauseEnd) return false;
    // A place in brackets after a name is part of the name ("中欧班列(西安)开行6037列"), not a scope.
    if (inBrackets(norm, at, pl.length)) return false;
    if (at >= clauseStart) return true;
    // An earlier clause scopes the figure only when the place is its subject, at its start ("沙坪坝区…，新增
    // 学位3.8万个"), not an object inside it ("加快建设大湾区国际科技创新中心，…研发投入5350亿元").
    const last = lastBefore(pl);
    return last > whole && opensClause(norm, last, f.start);
  });
}

/** Whether a place stands alone in round brackets ("(西安)"). */
function inBrackets(norm: string, at: number, length: number): boolean {
  return (
    /[(（]$/.test(norm.slice(Math.max(0, at - 1), at)) &&
    /^[)）]/.test(norm.slice(at + length, at + length + 1))
  );
}

/**
 * Whether the place at `at` is the subject of its clause (after at most a preposition: 在, 全, 其中) and still of
 * every clause up to `to`: a clause opening with another name or a time ("…，东庄水利枢纽下闸蓄水，…",
 * "全年交通、水利投资…") has a subject of its own; one opening with a verb ("新增学位3.8万个") carries it on.
 */
function opensClause(norm: string, at: number, to = at): boolean {
  const [start, end] = spanBetween(norm, at, at, CLAUSE_END);
  if (!PLACE_LEAD.test(norm.slice(start, at))) return false;
  for (let from = end + 1; from < to; ) {
    const [, next] = spanBetween(norm, from, from, CLAUSE_END);
    const first = firstTag(norm.slice(from, Math.min(next, from + 8)));
    if (NEW_SUBJECT_TAGS.test(first)) return false;
    from = next + 1;
  }
  return true;
}

/** The jieba tag of a clause's first word, kept: the same sentences are read again for every question. */
const firstTags = new Map<string, string>();
function firstTag(start: string): string {
  let tag = firstTags.get(start);
  if (tag === undefined) {
    tag = tagWords(start)[0]?.tag ?? "";
    if (firstTags.size >= 20_000) firstTags.clear();
    firstTags.set(start, tag);
  }
  return tag;
}

/** jieba tags of a clause's first word that give it a subject of its own: a place or name, a time. */
const NEW_SUBJECT_TAGS = /^(ns|nr|nt|t|m)$/;

/** The figure weights with a rank's lighter clause toll, made once per weights object. */
const rankTolls = new WeakMap<FigureWeights, FigureWeights>();
function rankTollsOf(w: FigureWeights): FigureWeights {
  let t = rankTolls.get(w);
  if (!t) {
    t = { ...w, clauseToll: w.rankClauseToll };
    rankTolls.set(w, t);
  }
  return t;
}

/**
 * The figure of a passage that best answers the question, if any fits; one whose kind fit reaches `minKind` (the
 * answer test's) before any other.
 */
export function bestFigure(
  norm: string,
  figures: Figure[],
  hits: TermHit[],
  ask: FigureAsk,
  w: FigureWeights,
  minKind = 0,
): FigureFit | null {
  const { kind, unit } = ask;
  let best: FigureFit | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  // A figure of a kind that can answer beats any that cannot, however close ("…8865亿元，跃居全国第3位").
  let answerable = false;
  const hasList = RESPECTIVELY.test(norm);
  // The best kind fit any figure of the sentence has: a list figure gains by its place only if it has it.
  const bestKind = hasList
    ? Math.max(0, ...figures.map((g) => kindFit(g, kind, unit, w.kindFit, ask.unitInferred)))
    : 0;
  // Closeness of each figure to the words, computed once: a figure may stand in for another (its baseline).
  const nearness = new Map<Figure, number>();
  const near = (g: Figure) => {
    let c = nearness.get(g);
    if (c === undefined) {
      c = closeness(norm, g, hits, kind === "rank" && g.kind === "rank" ? rankTollsOf(w) : w);
      nearness.set(g, c);
    }
    return c;
  };
  // The item a list's question words pick, read once per list (its figures share it).
  const items = new Map<number, number | null>();
  const askedItemOf = (list: RespectiveList) => {
    let item = items.get(list.span[0]);
    if (item === undefined) {
      item = askedItem(list, hits);
      items.set(list.span[0], item);
    }
    return item;
  };
  for (const f of figures) {
    // A money quantity's percentage answers only as its growth ("生产总值增长3.9%"), not as a share of it.
    const inferred =
      ask.unitInferred &&
      (f.unit !== "%" || GROWTH_BEFORE.test(norm.slice(Math.max(0, f.start - 8), f.start)));
    const bound = f.bound === "over" || f.bound === "near" || f.bound === "under";
    // "地区生产总值多少万亿": 16.7万元 (per head) is not of the magnitude asked.
    const belowMagnitude = ask.magnitude != null && f.kind === "quantity" && f.value < 10 ** ask.magnitude;
    const k =
      (belowMagnitude
        ? Math.min(w.kindFit.unit.other, kindFit(f, kind, unit, w.kindFit, inferred))
        : kindFit(f, kind, unit, w.kindFit, inferred)) *
      (isBareCode(f) ? w.bareCode : 1) *
      (bound ? w.boundFactor : 1);
    if (k < 0 || insideQuotes(norm, f.start, w.nameQuoteMaxChars)) continue;
    // One year asked: a total or average over years ("累计完成3.7万亿元", "年均增长5.9%") does not answer it;
    // the year before a review's span: only a change's baseline does.
    const time = figureTime(norm, figures, f);
    if ((ask.oneYear && time.span) || (ask.baseYearAsked && !time.baseline)) continue;
    const elsewhere = aboutOtherPlace(norm, f, ask.otherPlaces ?? []);
    if (elsewhere && ask.strictPlace) continue;
    // A rank stands as close to the question's words as the value it ranks, and the result of a change as
    // close as its baseline ("收入从7248亿元提高到8865亿元，跃居全国第3位").
    const ranked = kind === "rank" ? rankedValue(norm, figures, f) : null;
    const from = changeBaseline(norm, figures, ranked ?? f);
    const restated = restatedFigure(norm, figures, f);
    let c = Math.max(
      near(f),
      ranked ? near(ranked) : 0,
      from ? near(from) : 0,
      restated ? near(restated) : 0,
    );
    // "涉诈…分别下降17.7%、17.4%": the figure in the place of the item asked, as close as the list's nearest.
    const list = hasList ? respectiveList(norm, figures, f) : null;
    const item = list ? askedItemOf(list) : null;
    // Only a figure of the best kind the sentence offers gains by its place in the list ("分别达6.9万元、3.4万元，
    // 增长4.2%、5.3%": a growth question is not answered by the aligned level).
    const fullKind = k >= bestKind - 1e-9;
    const aligned =
      list && item !== null ? (item === list.index ? (fullKind ? w.listItem : 0) : -w.listItem) : 0;
    if (list && aligned > 0) c = Math.max(c, ...list.values.map(near));
    const score =
      aligned +
      k +
      w.closenessVsKind * c +
      countedNoun(norm, f, hits, w) +
      timeFit(time, ask, w) +
      (elsewhere ? w.otherPlaceClause : 0);
    const fits = k >= minKind;
    if ((fits && !answerable) || (fits === answerable && score > bestScore)) {
      best = { figure: f, kind: k, closeness: c, otherPlace: elsewhere };
      bestScore = score;
      answerable = fits;
    }
  }
  // Without a numeric question, a figure is only the answer when it stands right by the question's words.
  if (best && !NUMERIC_KINDS.has(kind) && best.closeness < w.nonNumericMinCloseness) return null;
  return best;
}

/**
 * “119消防宣传月”, “416”科技创新布局: a number in short quotation marks names something rather than counting
 * it. Long quotations are reported speech, where figures are real.
 */
function insideQuotes(norm: string, at: number, maxChars: number): boolean {
  const open = Math.max(...NAME_QUOTES.map(([o]) => norm.lastIndexOf(o, at)));
  if (open < 0 || Math.max(...NAME_QUOTES.map(([, c]) => norm.lastIndexOf(c, at))) > open) return false;
  const closes = NAME_QUOTES.map(([, c]) => norm.indexOf(c, at)).filter((i) => i >= 0);
  return closes.length > 0 && Math.min(...closes) - open <= maxChars;
}

/** A bare whole number with no unit and no 万/亿 ("119", "1345"): more often a code or a name than a count. */
function isBareCode(f: Figure): boolean {
  return (
    f.kind === "quantity" &&
    f.unit === "" &&
    f.step === 1 &&
    Number.isInteger(f.value) &&
    !/[万亿千]/.test(f.text)
  );
}
