import type { Figure } from "../text/figure.js";
import { parseFigures } from "../text/figures.js";
import { normalizeQuery } from "../text/script.js";
import { cut } from "../text/segment.js";
import { statedYears } from "../index/corpus-index.js";
import { findPlaces, type Gazetteer } from "../lexicon/places.js";
import { isPunctuation, isStopword } from "../lexicon/stopwords.js";

/** The kind of answer a question wants. */
export type AnswerKind = "quantity" | "percent" | "rank" | "date" | "list" | "definition" | "any";

/** What a question asks for, as far as matching needs to know. */
export interface QueryAnalysis {
  question: string;
  norm: string;
  kind: AnswerKind;
  /** Unit the answer should have ("所" for 几所, "元" for 多少钱), null if any. */
  unit: string | null;
  /** Place constraints, without administrative suffix ("沙坪坝"). */
  places: string[];
  years: number[];
  /** The question asks about the whole country ("全国新增学位"): only sentences saying 全国 answer. */
  national: boolean;
  /** The question says it is about the city as a whole ("全市", "我市"): district figures do not answer. */
  citywide: boolean;
  /** Whether the question asks about a goal or plan (目标, 要达到, 力争, 到2027年) rather than an achieved figure. */
  target: boolean;
  /** Indicator words to match (question words, places and years removed). */
  words: string[];
  /** Figures written in the question or claim itself. */
  figures: Figure[];
}

const DATE_Q =
  /什么时候|何时|哪一?年|几月|哪天|几号|什么时间|哪个月|日期|(建成|印发|出台|发布|召开|举办|开通|实施|成立|启动|通过|完成)的?时间/;
const RANK_Q = /第几|排名|排第|名次|位次|排几|位列/;
const LIST_Q = /哪些|有哪几|包括什么|包含什么|有什么/;
const DEFINITION_Q = /什么是|是什么(?!时)|指什么|含义|什么意思|是指/;
const QUANTITY_Q = /多少|几|多大|多长|多久|多高|若干|数量|数目|总数|个数|人数|规模/;
/** 增长/增速 without an amount asked for: a growth rate. */
const GROWTH_Q = /(增长|增速|增幅|下降|降低)(了|是|为|有|达到)?(多少|几)?$|增速|增幅|增长率/;
const PERCENT_Q = /比例|占比|比重|百分之?几|百分比|几成|多少成|增速|增幅/;
const UNIT_Q =
  /(?:几|多少|若干)(万|亿|千)?(所|个|项|家|人次|人|名|元|块钱|台|辆|张|条|件|门|座|场|次|倍|岁|小时|天|公里|亩|吨|户|位|届|批|篇|套|间|册|周|分钟|平方米)/;
const MONEY_WORDS = /gdp|多少钱|资金|经费|投入|营收|营业收入|收入|金额|产值|总值|预算|贷款|补贴|工资|利润/;
const TARGET_Q = /目标|力争|争取|要达到|要建设|要建成|计划|规划|将要|预计|到20\d\d年/;
/** Words that, in a question about a date, ask for it rather than name the indicator. */
const DATE_WORDS = new Set(["时间", "日期"]);
/** Fragments of question phrasing that jieba may keep inside a word. */
const QUESTION_PARTS = /多少钱|几块钱|多少|第几|多大|多长|多久|多高|几/g;

/** Analyzes a question: answer kind and unit, place and year constraints, indicator words. */
export function analyzeQuery(question: string, gazetteer: Gazetteer): QueryAnalysis {
  const norm = normalizeQuery(question).replace(/[？?。！!，,\s]+$/g, "");
  const figures = parseFigures(norm);
  const years = statedYears(norm, figures);
  const places = findPlaces(gazetteer, norm);
  const { kind, unit } = answerKind(norm);
  return {
    question,
    norm,
    kind,
    unit,
    places,
    years,
    target: TARGET_Q.test(norm),
    national: /全国(?!第|排|前|平均|领先|首)/.test(norm),
    citywide: /全市|我市|本市/.test(norm),
    words: indicatorWords(norm, places, figures).filter((w) => kind !== "date" || !DATE_WORDS.has(w)),
    figures,
  };
}

function answerKind(norm: string): { kind: AnswerKind; unit: string | null } {
  if (DATE_Q.test(norm)) return { kind: "date", unit: null };
  const u = UNIT_Q.exec(norm);
  if (u?.[2]) return { kind: "quantity", unit: u[2] === "块钱" ? "元" : u[2] };
  if (RANK_Q.test(norm)) return { kind: "rank", unit: "名" };
  if (/多少钱|几块钱/.test(norm)) return { kind: "quantity", unit: "元" };
  if (GROWTH_Q.test(norm)) return { kind: "percent", unit: "%" };
  if (PERCENT_Q.test(norm) || /(?<!率)率(?!先)|占比|比重|匹配度|满意度/.test(norm))
    return { kind: "percent", unit: "%" };
  if (LIST_Q.test(norm)) return { kind: "list", unit: null };
  if (DEFINITION_Q.test(norm)) return { kind: "definition", unit: null };
  // A money word asks for an amount only in a question ("投入了多少"); "财政性教育经费" alone may be a ratio.
  if (QUANTITY_Q.test(norm)) return { kind: "quantity", unit: MONEY_WORDS.test(norm) ? "元" : null };
  return { kind: "any", unit: null };
}

/** The question's indicator words: jieba words without question words, function words, figures and places. */
function indicatorWords(norm: string, places: string[], figures: Figure[]): string[] {
  let text = norm;
  for (const f of [...figures].reverse()) text = `${text.slice(0, f.start)} ${text.slice(f.end)}`;
  text = text.replace(new RegExp(UNIT_Q.source, "g"), " ");
  for (const pl of places) text = text.replace(new RegExp(`${pl}(省|市|区|县|新区)?`, "g"), " ");
  const words: string[] = [];
  for (const w of cut(text)) {
    const word = w.replace(QUESTION_PARTS, "");
    if (!word || isPunctuation(word) || isStopword(word) || isStopword(w)) continue;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}
