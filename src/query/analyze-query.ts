import { COURTESY_WORDS, MESSAGE_MARKUP } from "../lexicon/chat-words.js";
import { escapeRegExp } from "../lexicon/lexicon.js";
import { FIVE_YEAR_PLANS, FORWARD_ROLES, QUESTION_PERIOD_WORDS } from "../lexicon/period-words.js";
import { findPlaces, type Gazetteer } from "../lexicon/places.js";
import {
  type AnswerKind,
  ASKING_WORDS,
  answerKindOf,
  MAGNITUDE_QUESTION,
  magnitudeAsked,
  QUESTION_PARTS,
  REQUEST_PHRASES,
  UNIT_QUESTION,
} from "../lexicon/question-words.js";
import { CITYWIDE, NATIONAL, PLACE_SUFFIXES } from "../lexicon/scope-words.js";
import { isPunctuation, isStopword } from "../lexicon/stopwords.js";
import type { Figure } from "../text/figure.js";
import { blankFigures, parseFigures } from "../text/figures.js";
import { normalizeQuery } from "../text/script.js";
import { cut } from "../text/segment.js";
import { statedYears } from "../text/stated-years.js";
import { type QuestionPeriod, questionPeriod } from "./question-period.js";

export type { AnswerKind } from "../lexicon/question-words.js";

/** What a question asks for, as far as matching needs to know. */
export interface QueryAnalysis {
  question: string;
  norm: string;
  kind: AnswerKind;
  /** Unit the answer should have ("所" for 几所, "元" for 多少钱), null if any. */
  unit: string | null;
  /** The unit was inferred from a money word, not written: figures in other units may still answer. */
  unitInferred: boolean;
  /** The question-word rule that set kind and unit (null: none matched), for explanations. */
  kindRule: string | null;
  /** Place constraints, without administrative suffix ("沙坪坝"). */
  places: string[];
  years: number[];
  /** The question asks about the whole country ("全国新增学位"): only sentences saying 全国 answer. */
  national: boolean;
  /** The question says it is about the city as a whole ("全市", "我市"): district figures do not answer. */
  citywide: boolean;
  /** Whether the question asks about a goal or plan (目标, 要达到, 力争, 到2027年) rather than an achieved figure. */
  target: boolean;
  /** The period asked about: role (achieved, target, five-year, long-range, plan; null: any) and years. */
  period: QuestionPeriod;
  /** Indicator words to match (question words, places and years removed). */
  words: string[];
  /** Figures written in the question or claim itself. */
  figures: Figure[];
  /** The power of ten the question names ("多少万亿" → 12): a figure far below it is another quantity. */
  magnitude: number | null;
}

/**
 * Analyzes a question: answer kind and unit, place and period constraints, indicator words. `today` resolves
 * 今年, 去年 and 前年.
 */
export function analyzeQuery(question: string, gazetteer: Gazetteer, today: Date): QueryAnalysis {
  // Markup and mentions a platform left in the message are not part of the question.
  const norm = normalizeQuery(question.replace(MESSAGE_MARKUP, " "))
    .trim()
    .replace(/[？?。！!，,\s]+$/g, "");
  const figures = parseFigures(norm);
  const period = questionPeriod(norm, statedYears(norm, figures), today);
  const years = period.years;
  const places = findPlaces(gazetteer, norm);
  const { kind, unit, unitInferred, rule } = answerKindOf(norm);
  return {
    question,
    norm,
    kind,
    unit,
    unitInferred,
    kindRule: rule,
    places,
    years,
    target: period.role !== null && FORWARD_ROLES.has(period.role),
    period,
    // "湖北全国重点实验室几家", "浙江…全国排第几": with a place named, 全国 names a rank's scope or a title.
    national: places.length === 0 && NATIONAL.test(norm),
    citywide: CITYWIDE.test(norm),
    words: indicatorWords(norm, places, figures).filter((w) => !ASKING_WORDS[kind]?.has(w)),
    figures,
    magnitude: magnitudeAsked(norm),
  };
}

const PLACE_SUFFIX = `(${PLACE_SUFFIXES.join("|")})?`;

/** Courtesies and requests around a question, longest first, as one pattern. */
const ASIDES = new RegExp(
  [...COURTESY_WORDS.words(), ...REQUEST_PHRASES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|"),
  "g",
);

/** The question's indicator words: jieba words without question words, function words, figures and places. */
function indicatorWords(norm: string, places: string[], figures: Figure[]): string[] {
  let text = blankFigures(norm, figures).replace(new RegExp(UNIT_QUESTION.source, "g"), " ");
  // A suffix that begins a word of the rest stays with it ("湖南区域创新能力": 区域, not 湖南区).
  const suffixStartsWord = (at: number, suffix: string) =>
    (cut(text.slice(at, at + 6))[0] ?? "").length > suffix.length;
  for (const pl of places)
    text = text.replace(
      new RegExp(`${pl}${PLACE_SUFFIX}`, "g"),
      (_m, suffix: string | undefined, at: number) =>
        suffix && suffixStartsWord(at + pl.length, suffix) ? ` ${suffix}` : " ",
    );
  // "十五五城镇化率目标", "多少万亿": the period and a bare multiplier are not the indicator.
  for (const name of FIVE_YEAR_PLANS.keys()) text = text.split(name).join(" ");
  text = text.replace(new RegExp(MAGNITUDE_QUESTION.source, "g"), " ");
  // Courtesies and requests ("早上好，请问…", "帮我查一下…") before jieba joins them to a word ("我查").
  text = text.replace(ASIDES, " ");
  const words = new Set<string>();
  for (const w of cut(text)) {
    const word = w.replace(QUESTION_PARTS, "");
    if (!word || isPunctuation(word) || isStopword(word) || isStopword(w) || QUESTION_PERIOD_WORDS.has(word))
      continue;
    words.add(word);
  }
  return [...words];
}
