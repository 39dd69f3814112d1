/**
 * Question words: what kind of answer a question wants (a quantity, a percentage, a rank, a date, a list, a
 * definition) and in which unit ("几所" asks for 所, "多少钱" for 元). The rules are tried in order; the first
 * that matches decides. Table tests: tests/lexicon/question-words.test.ts.
 */

import { escapeRegExp } from "./lexicon.js";
import { MULTIPLIERS, UNIT_ALIASES, unitWords } from "./units.js";

/** The kind of answer a question wants. */
export type AnswerKind = "quantity" | "percent" | "rank" | "date" | "list" | "definition" | "any";

/** Kinds answered by a figure: a passage without a fitting figure does not answer them. */
export const NUMERIC_KINDS: ReadonlySet<AnswerKind> = new Set(["quantity", "percent", "rank", "date"]);

/** How a question's words set the kind and unit of the answer. */
export interface AnswerKindRule {
  /** Short name, shown by `--explain`. */
  name: string;
  pattern: RegExp;
  kind: AnswerKind;
  /**
   * The unit asked for; "captured" takes it from the pattern's `unit` group; "money" gives 元 when a money word
   * stands in the question — inferred, not written, so figures in other units may still answer (GDP's growth);
   * "amount" gives 元 when a money word stands, as written: the question names a magnitude ("多少亿").
   */
  unit: string | null | "captured" | "money" | "amount";
}

/** "几所", "多少万人", "若干项": a count in the unit written after the question word. */
export const UNIT_QUESTION = new RegExp(
  `(?:几|多少|若干)(?:${MULTIPLIERS.words().map(escapeRegExp).join("|")})?(?<unit>${unitWords().map(escapeRegExp).join("|")})`,
);

/** "多少亿", "几万": a question word with a bare multiplier asks for a magnitude, an amount. */
export const MAGNITUDE_QUESTION = new RegExp(
  `(?:几|多少)(?<multiplier>${MULTIPLIERS.words().map(escapeRegExp).join("|")})`,
);

/** The power of ten a question's magnitude names ("多少万亿" → 12), or null. */
export function magnitudeAsked(norm: string): number | null {
  const m = MAGNITUDE_QUESTION.exec(norm)?.groups?.multiplier;
  return m ? (MULTIPLIERS.at(m, 0)?.[1] ?? null) : null;
}

/** Money words: "投入了多少" asks for an amount in 元 ("财政性教育经费" alone may be a ratio). */
export const MONEY_WORDS =
  /gdp|多少钱|资金|经费|投入|投资|营收|营业收入|收入|金额|产值|总值|预算|贷款|补贴|工资|利润|成交额|销售额|营业额|税收|总额|经济总量|增加值|进出口/;

/** Words that ask for a level, an amount ("GDP总量多少"), never its growth. */
export const LEVEL_WORDS = /总量|总额|总值|总规模|规模|体量|多少钱/;

/** The rules, in the order they are tried. */
export const ANSWER_KIND_RULES: readonly AnswerKindRule[] = [
  {
    name: "when",
    pattern:
      /什么时候|何时|哪一?年|几月|哪天|几号|什么时间|哪个月|日期|(建成|印发|出台|发布|召开|举办|开通|实施|成立|启动|通过|完成)的?时间/,
    kind: "date",
    unit: null,
  },
  // "排第几位" asks for a rank, not for a count of 位; "高几个点" for percentage points, not a count of 个.
  { name: "rank-place", pattern: /第几|排第|排几|名次|位次|位列/, kind: "rank", unit: "名" },
  { name: "points", pattern: /(几|多少)个?(百分)?点/, kind: "percent", unit: "百分点" },
  { name: "count-in-unit", pattern: UNIT_QUESTION, kind: "quantity", unit: "captured" },
  // "收入多少亿": a magnitude asks for an amount, never its growth rate.
  {
    name: "magnitude",
    pattern: MAGNITUDE_QUESTION,
    kind: "quantity",
    unit: "amount",
  },
  { name: "rank", pattern: /排名|排位/, kind: "rank", unit: "名" },
  { name: "price", pattern: /多少钱|几块钱/, kind: "quantity", unit: "元" },
  {
    name: "growth",
    pattern:
      /(增长|增速|增幅|下降|降低|涨|上涨|回落)(了|是|为|有|达到)?(多少|几)?$|增速|增幅|增长率|涨幅|涨了多少|增长了?多少|增长(目标|预期)/,
    kind: "percent",
    unit: "%",
  },
  {
    name: "share",
    pattern: /比例|占比|比重|百分之?几|百分比|几成|多少成|增速|增幅|(?<!率)率(?!先)|匹配度|满意度|强度/,
    kind: "percent",
    unit: "%",
  },
  { name: "list", pattern: /哪些|有哪几|包括什么|包含什么|有什么/, kind: "list", unit: null },
  {
    name: "definition",
    pattern: /什么是|是什么(?!时)|指什么|含义|什么意思|是指/,
    kind: "definition",
    unit: null,
  },
  {
    name: "how-much",
    pattern: /多少|几|多大|多长|多久|多高|若干|数量|数目|总数|个数|人数|规模/,
    kind: "quantity",
    unit: "money",
  },
];

/** Words that, in a question about a date, ask for it rather than name the indicator ("建成时间"). */
export const DATE_ASKING_WORDS: ReadonlySet<string> = new Set(["时间", "日期"]);

/** Words that, in a question about a rank, ask for it ("全国排第几", "排名多少") rather than name the indicator. */
export const RANK_ASKING_WORDS: ReadonlySet<string> = new Set([
  "排",
  "排第",
  "排名",
  "排位",
  "排行",
  "名次",
  "位次",
  "位列",
  "位居",
  "第",
  "第几",
  "几位",
  "几名",
]);

/** The words of a question that ask for its kind of answer rather than name the indicator. */
export const ASKING_WORDS: Partial<Record<AnswerKind, ReadonlySet<string>>> = {
  date: DATE_ASKING_WORDS,
  rank: RANK_ASKING_WORDS,
};

/** Fragments of question phrasing that jieba may keep inside a word ("多少所" -> 所 is dropped with it). */
export const QUESTION_PARTS = /多少钱|几块钱|多少|第几|多大|多长|多久|多高|几/g;

/** Question and request words: they say what is asked, not what about (dropped from the indicator words). */
export const QUESTION_WORDS = [
  "请问 请 一下 告诉 知道 想 想知道 麻烦 帮 帮我 查 查一下 查询",
  "有没有 是否 是不是 能否 到底 究竟",
  "什么 啥 怎么 怎样 如何 哪 哪个 哪些 哪里 哪儿 为什么 多少 几 几个 多 多大 多长 多久 几何",
  "时候 何时 哪年 哪一年 几月 几号 哪天 多少钱 了吗 呢 的话",
]
  .join(" ")
  .split(" ");

/** Requests around a question, removed before segmenting ("帮我查一下" would leave the word 我查). */
export const REQUEST_PHRASES: readonly string[] = QUESTION_WORDS.filter(
  (w) => w.length >= 2 && /^(请|帮|麻烦|告诉|想|查)/.test(w),
)
  .concat(["请帮我查一下", "帮我查一下", "帮我查查", "帮忙查一下", "我想问", "想问一下", "请告诉我"])
  .sort((a, b) => b.length - a.length);

/** What a question asks for: the kind of answer, its unit (inferred from a money word, or written), the rule. */
export interface AnswerKindReading {
  kind: AnswerKind;
  unit: string | null;
  /** The unit was inferred ("GDP多少" → 元), not written ("几所"): other units may still answer. */
  unitInferred: boolean;
  rule: string | null;
}

/** The kind and unit of answer a normalized question asks for, with the rule that decided. */
export function answerKindOf(norm: string): AnswerKindReading {
  for (const rule of ANSWER_KIND_RULES) {
    const m = rule.pattern.exec(norm);
    if (!m) continue;
    if (rule.unit === "captured") {
      const written = m.groups?.unit;
      if (!written) continue;
      const unit = UNIT_ALIASES.get(written) ?? written;
      return { kind: rule.kind, unit, unitInferred: false, rule: rule.name };
    }
    if (rule.unit === "money" || rule.unit === "amount") {
      const money = MONEY_WORDS.test(norm);
      const unitInferred = money && rule.unit === "money" && !LEVEL_WORDS.test(norm);
      return { kind: rule.kind, unit: money ? "元" : null, unitInferred, rule: rule.name };
    }
    // The growth of a money quantity may be told as an amount ("工资涨了多少": 2.95万元) as well as a rate.
    const inferred = rule.name === "growth" && MONEY_WORDS.test(norm);
    return { kind: rule.kind, unit: rule.unit, unitInferred: inferred, rule: rule.name };
  }
  return { kind: "any", unit: null, unitInferred: false, rule: null };
}
