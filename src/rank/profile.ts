/**
 * The ranking profile: every weight and threshold of retrieval, ranking, figure fit, the no-answer rule and
 * fact-check verdicts, in one object. The engine takes overrides as an option (`createEngine({ profile })`), as
 * MiniSearch takes `searchOptions`; the defaults are the values the question sets were scored with.
 */
import { AppError } from "../errors.js";

export interface RankingProfile {
  retrieval: {
    /** MiniSearch results re-ranked per question. */
    candidates: number;
    /**
     * Postings MiniSearch may walk to fetch candidates: its cost grows with the postings of every query token
     * (≈1.5–2 µs each on a 10,000-document index). Measured on the synthetic 10,000-document corpus with the
     * seeds hidden in it (`npm run bench -- --scale`): 12,000 → p50 21 ms, p99 63 ms; 8,000 → 10 ms, 35 ms with
     * the same seed questions answered (62/90); 5,000 lost 4 of them; 30,000 found 8 more at twice the time.
     */
    postingsBudget: number;
    /** A token in more than this share of all passages fetches thousands of candidates and ranks none… */
    commonShare: number;
    /** …unless the corpus is small: a token in fewer passages than this is never too common. */
    commonMin: number;
  };
  terms: {
    /** Least weight of a question word (its inverse document frequency is floored here). */
    minWeight: number;
    /** Weight factor of a one-character word. */
    singleChar: number;
    /** Strength of the question's own word in the sentence. */
    literal: number;
    /** Strength of a synonym of it in the sentence ("印发…规划" beats "出台…计划"). */
    synonym: number;
    /** Strength of the word found only in the paragraph or the headings. */
    context: number;
    /** Strength of a long word whose every part stands in the sentence ("教师工资" in "教师…工资"). */
    parts: number;
    /** Strength per share of a long word's character pairs found in the sentence. */
    partial: number;
  };
  score: {
    /** Weight of the weighted share of question words the sentence covers. */
    coverage: number;
    /** Weight of the answering figure's kind and unit fit (0..1). */
    figureKind: number;
    /** Weight of the answering figure's closeness to the question words (0..1). */
    figureCloseness: number;
    /** Added when a question asks for a figure and the sentence has none that fits. */
    noFigure: number;
    /** Weight of MiniSearch's BM25 score, relative to the best candidate's. */
    bm25: number;
    /** Added per figure of the question itself that the sentence states ("排名前1%的学科"). */
    sharedFigure: number;
    /** Added for a headline or section heading (paragraph 0): body text states figures better. */
    headline: number;
    /**
     * A sentence covering less of the question than this has its figures left unweighed (it answers nothing,
     * states nothing for a check and is no related figure: all ask far more): the bulk of the candidates.
     */
    figureMinCoverage: number;
  };
  place: {
    /** Per place of the question named in the sentence. */
    inSentence: number;
    /** Per place of the question named only in the sentence's paragraph. */
    inParagraph: number;
    /** When the sentence is about a district or another region and the question names none. */
    otherPlace: number;
    /** When the sentence speaks of one school, district or company ("该校") and the question does not. */
    oneUnit: number;
  };
  year: {
    /** The sentence states a year the question asks about. */
    stated: number;
    /** The sentence states no year but its article does. */
    inArticle: number;
    /** Neither the sentence nor its article states the year asked. */
    absent: number;
  };
  period: {
    /** A goal stated where a goal is asked ("目标是多少"). */
    goalAsked: number;
    /** An achieved figure where a goal is asked. */
    achievedForGoal: number;
    /** A goal where an achieved figure is asked. */
    goalForAchieved: number;
    /** The passage's period role is the one asked (去年 and a 2025 result; 今年目标 and a 2026 target). */
    sameRole: number;
    /** Another forward role than the one asked (a five-year goal for this year's target). */
    relatedRole: number;
    /** Another role than the one asked: a target for a result, a year's result for a five-year total. */
    otherRole: number;
  };
  figure: {
    /** Characters of distance added for each clause or list boundary between a figure and a question word. */
    clauseToll: number;
    /** The toll for a rank asked and a rank figure: a rank follows the value it ranks ("…8865亿元，跃居全国第3位"). */
    rankClauseToll: number;
    /** Share of the clause toll a list mark (、) costs: the items of a list share a subject. */
    listMarkShare: number;
    /** A measure word (增长) counts as the word nearest a figure only when an indicator word is this close. */
    measureNeedsIndicator: number;
    /** Distance (in characters) at which closeness falls to 1/e. */
    decay: number;
    /** Share of closeness that is the nearest word's; the rest is the weighted mean over all words. */
    nearestShare: number;
    /** Characters after a figure where the noun it counts may stand ("9270个公办园学位"). */
    countedNounWindow: number;
    /** Weight of the counted-noun bonus in choosing a sentence's figure. */
    countedNoun: number;
    /** Weight of closeness against kind fit in choosing a sentence's figure. */
    closenessVsKind: number;
    /** Kind-fit factor of a bare whole number without unit ("119"): more often a code or a name. */
    bareCode: number;
    /** Factor on kind fit for a bound ("突破3万亿元", "近840亿斤", "超过"): an exact figure answers better. */
    boundFactor: number;
    /** Added for the figure in the place of the item asked in "A、B分别X、Y", taken from the others. */
    listItem: number;
    /** Without a numeric question, a figure only answers when at least this close to the question words. */
    nonNumericMinCloseness: number;
    /** Longest quotation (characters) whose figures name something (“119消防宣传月”) rather than count. */
    nameQuoteMaxChars: number;
    /** Added in choosing a sentence's figure when its clause names a year asked ("2020年的53.2%" for 2020年). */
    yearAsked: number;
    /** Added when its clause names another year than the one asked. */
    otherYear: number;
    /** Added for the baseline of a change ("从A提高到B": A) when its clause names no year: the result answers. */
    baseline: number;
    /** Added in choosing a sentence's figure when its clause names another place than the ones asked. */
    otherPlaceClause: number;
    kindFit: KindFitWeights;
  };
  answer: {
    /** Least coverage of the question's words for a sentence to answer. */
    minCoverage: number;
    /** Least closeness of the figure to the question's words, for a numeric question. */
    minCloseness: number;
    /** Least kind fit of the figure, for a numeric question. */
    minKindFit: number;
    /** The question's rarest word must reach this strength in the sentence… */
    coreMinStrength: number;
    /** …unless the rest of the words cover at least this share. */
    coreWaivedAtCoverage: number;
    /** Least coverage for a figure to be listed under 相关数字. */
    relatedMinCoverage: number;
    /** Answers a reply carries (adapters page through them; the JSON contract shows five). */
    maxAnswers: number;
    /** Related figures listed under the answers. */
    maxRelated: number;
  };
  check: {
    /** Ranked sentences examined per figure of a claim. */
    candidates: number;
    /** Least coverage of the claim's words for a sentence to state its indicator. */
    minCoverage: number;
    /** Least closeness of the source figure to the claim's anchor words. */
    minAnchored: number;
    /** Factor on minAnchored for dates and ranks, which stand a clause away from their words. */
    looseAnchorFactor: number;
    /** A second value only makes 来源不一致 when its sentence covers this share of the claim's words… */
    conflictMinCoverage: number;
    /** …and its figure stands at least this close to the claim's anchor words. */
    conflictMinAnchored: number;
    /** In choosing a sentence's figure for a claim: factor for one whose own clause lacks an anchor word. */
    partialClauseFactor: number;
  };
}

/** How well a figure's kind and unit fit what the question asks (figure-fit.ts reads these). */
export interface KindFitWeights {
  /** A date question: a full date, a year, a span of years ("2024—2035年"); a non-date cannot answer. */
  date: { day: number; year: number; span: number };
  /** A rank question: a rank, anything else. */
  rank: { rank: number; other: number };
  /** A rank where the question asks for something else. */
  rankForOther: number;
  /** A percent question: %, 百分点, anything else. */
  percent: { percent: number; points: number; other: number };
  /** A unit asked ("几所"): that unit, no unit written, another unit. */
  unit: { same: number; none: number; other: number };
  /**
   * A money question's unit is only inferred: its other reading (a growth rate for "GDP多少", an amount for
   * "工资涨了多少"), and any other unit.
   */
  inferredUnit: { alternate: number; other: number };
  /** A quantity asked without a unit: a percentage, a small Chinese numeral (一批, 三项), anything else. */
  quantity: { percent: number; smallChinese: number; other: number };
  /** Any other question: a small Chinese numeral, anything else. */
  any: { smallChinese: number; other: number };
}

/** The defaults: the values the seed and real-document question sets were scored with. */
export const DEFAULT_PROFILE: RankingProfile = {
  retrieval: { candidates: 150, postingsBudget: 8_000, commonShare: 0.2, commonMin: 50 },
  terms: {
    minWeight: 0.5,
    singleChar: 0.5,
    literal: 1,
    synonym: 0.85,
    context: 0.5,
    parts: 0.8,
    partial: 0.6,
  },
  score: {
    coverage: 3,
    figureKind: 1.2,
    figureCloseness: 2.5,
    noFigure: -1,
    bm25: 0.3,
    sharedFigure: 0.5,
    headline: -0.2,
    figureMinCoverage: 0.3,
  },
  place: { inSentence: 0.4, inParagraph: 0.1, otherPlace: -0.4, oneUnit: -0.4 },
  year: { stated: 0.6, inArticle: 0.2, absent: -0.2 },
  period: {
    goalAsked: 0.4,
    achievedForGoal: -0.2,
    goalForAchieved: -0.25,
    sameRole: 0.5,
    relatedRole: -0.3,
    otherRole: -1.5,
  },
  figure: {
    clauseToll: 8,
    rankClauseToll: 2,
    listMarkShare: 0.5,
    measureNeedsIndicator: 0.1,
    decay: 10,
    nearestShare: 0.5,
    countedNounWindow: 6,
    countedNoun: 0.5,
    closenessVsKind: 2,
    bareCode: 0.4,
    boundFactor: 0.9,
    listItem: 1,
    nonNumericMinCloseness: 0.3,
    nameQuoteMaxChars: 16,
    yearAsked: 0.4,
    otherYear: -1,
    baseline: -1.2,
    otherPlaceClause: -0.5,
    kindFit: {
      date: { day: 1, year: 0.85, span: 0.6 },
      rank: { rank: 1, other: 0.1 },
      rankForOther: 0.15,
      percent: { percent: 1, points: 0.6, other: 0.1 },
      unit: { same: 1, none: 0.5, other: 0.15 },
      inferredUnit: { alternate: 0.6, other: 0.35 },
      quantity: { percent: 0.45, smallChinese: 0.3, other: 0.8 },
      any: { smallChinese: 0.2, other: 0.6 },
    },
  },
  answer: {
    minCoverage: 0.55,
    minCloseness: 0.2,
    minKindFit: 0.3,
    coreMinStrength: 0.15,
    coreWaivedAtCoverage: 0.7,
    relatedMinCoverage: 0.9,
    maxAnswers: 10,
    maxRelated: 4,
  },
  check: {
    candidates: 40,
    minCoverage: 0.7,
    minAnchored: 0.2,
    looseAnchorFactor: 0.25,
    conflictMinCoverage: 0.9,
    conflictMinAnchored: 0.4,
    partialClauseFactor: 0.7,
  },
};

/** Overrides of some weights: any subset of the profile, at any depth. */
export type ProfileOverrides = { [K in keyof RankingProfile]?: DeepPartial<RankingProfile[K]> };
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** The default profile with `overrides` applied; an unknown key or a non-number value throws. */
export function resolveProfile(overrides: ProfileOverrides = {}): RankingProfile {
  return merge(DEFAULT_PROFILE, overrides, "profile") as RankingProfile;
}

function merge(base: unknown, over: unknown, path: string): unknown {
  if (over === undefined) return base;
  if (typeof base === "number") {
    if (typeof over !== "number" || !Number.isFinite(over))
      throw new AppError("CONFIG_INVALID", `${path} must be a number`);
    return over;
  }
  if (typeof over !== "object" || over === null)
    throw new AppError("CONFIG_INVALID", `${path} must be an object`);
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (!(k in out)) throw new AppError("CONFIG_INVALID", `${path}.${k} is not a ranking weight`);
    out[k] = merge(out[k], v, `${path}.${k}`);
  }
  return out;
}
