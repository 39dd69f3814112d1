import { beforeAll, describe, expect, it } from "vitest";
import { loadGazetteer } from "../../src/lexicon/places.js";
import {
  ANSWER_KIND_RULES,
  type AnswerKind,
  answerKindOf,
  MONEY_WORDS,
  magnitudeAsked,
  NUMERIC_KINDS,
} from "../../src/lexicon/question-words.js";
import { analyzeQuery } from "../../src/query/analyze-query.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";

/** The day questions are asked: 今年 is 2026, the year of the reports. */
const TODAY = new Date("2026-03-01T12:00:00+08:00");

type Row = [question: string, kind: AnswerKind, unit: string | null, rule: string | null];

// Questions as officials type them: ../shared/eval/dev.jsonl (dev-), ../shared/eval/reports-dev.jsonl (r-),
// tests/golden/ask.jsonl (g-); a few are written the same way for a rule or an order the sets do not reach.
const ROWS: Row[] = [
  // when
  ["教育强市什么时候建成", "date", null, "when"], // dev-20
  ["教育强市建成时间", "date", null, "when"], // g-61
  ["火星车什么时候登陆", "date", null, "when"], // dev-32
  // count-in-unit: the unit written after 几/多少, through a multiplier
  ["新增了几所公办园", "quantity", "所", "count-in-unit"], // dev-06
  ["本科高校产教融合特色优势专业群有多少个", "quantity", "个", "count-in-unit"], // dev-11
  ["广汉有多少家高新技术企业", "quantity", "家", "count-in-unit"], // dev-14
  ["安徽专精特新小巨人现在多少户", "quantity", "户", "count-in-unit"], // r-057
  ["幼儿园可以招收几岁的幼儿", "quantity", "岁", "count-in-unit"], // g-45
  ["山东高铁里程现在多少公里", "quantity", "公里", "count-in-unit"],
  ["近五年资助了多少万人次家庭经济困难学生", "quantity", "人次", "count-in-unit"], // g-34, with 万
  // magnitude: a bare multiplier asks for an amount (元 with a money word, as if written)
  ["浙江一般公共预算收入现在多少亿", "quantity", "元", "magnitude"], // r-011
  ["广东经济总量现在多少万亿", "quantity", "元", "magnitude"], // r-004
  ["全省常住人口多少万", "quantity", null, "magnitude"],
  // rank
  ["浙江财政收入全国排第几", "rank", "名", "rank-place"], // r-010
  ["湖南区域创新能力排名", "rank", "名", "rank"], // r-047
  ["双高计划院校数量全国排第几", "rank", "名", "rank-place"], // g-40
  // price
  ["乡村教师工作补贴每年涨多少钱", "quantity", "元", "price"], // g-06
  // growth
  ["江苏去年经济增长多少", "percent", "%", "growth"], // r-017
  ["湖北对欧盟进出口增长多少", "percent", "%", "growth"], // r-038
  ["学生学业成绩校间差异系数降低多少", "percent", "%", "growth"], // g-09
  ["丰都GDP增速", "percent", "%", "growth"], // dev-37
  // share
  ["义务教育教师交流轮岗占比是多少", "percent", "%", "share"], // dev-04
  ["高等教育毛入学率", "percent", "%", "share"], // dev-15
  ["职业教育专业和产业匹配度", "percent", "%", "share"], // dev-36
  ["入学一件事群众满意率", "percent", "%", "share"], // g-19
  ["江苏去年城镇调查失业率是多少", "percent", "%", "share"],
  // An intensity is a ratio, though 投入 is a money word.
  ["全社会研发投入强度多少", "percent", "%", "share"],
  // list
  ["成渝地区双城经济圈教育协同发展行动计划包括什么", "list", null, "list"],
  ["《计划》有哪些板块", "list", null, "list"],
  // definition
  ["什么是双师型教师", "definition", null, "definition"],
  ["教共体是指什么", "definition", null, "definition"],
  // how-much: no unit, or 元 when a money word stands in the question
  ["新增学位多少", "quantity", null, "how-much"], // dev-01
  ["重庆智慧教育平台访问量有多少", "quantity", null, "how-much"], // dev-05
  ["广东涉诈警情降了多少", "quantity", null, "how-much"], // r-006
  // no rule: a claim to check, not a question
  ["重庆新增学位二十七点八万个", "any", null, null], // dev-40
  ["全市新增学位3.8万个", "any", null, null], // dev-43
];

// Questions two rules match: the earlier rule decides.
const ORDER_ROWS: Row[] = [
  // when before definition ("是什么时候" is no definition) and before count-in-unit
  ["教育强市规划是什么时候印发的", "date", null, "when"],
  // count-in-unit before rank: 几年 asks how many years, 全国第一 is not the question
  ["福建森林覆盖率连续几年全国第一", "quantity", "年", "count-in-unit"], // r-051
  // count-in-unit before how-much (几 alone)
  ["成渝地区教育协同发展行动计划提出了几项行动计划", "quantity", "项", "count-in-unit"], // dev-12
  // rank before share (普惠率, 比率)
  ["普惠率全国排第几", "rank", "名", "rank-place"], // g-56
  ["云南空气优良天数比率全国排第几", "rank", "名", "rank-place"], // r-077
  // price before how-much
  ["乡村教师工资多少钱", "quantity", "元", "price"],
  // growth before how-much, even with a money word (收入)
  ["福建农村居民收入增长多少", "percent", "%", "growth"],
  // share before how-much, even with a money word (GDP)
  ["江苏民营经济占GDP多大比重", "percent", "%", "share"], // r-023
  ["高校毕业生就业去向落实率多少", "percent", "%", "share"], // g-33
  ["安徽城镇化率五年提高多少", "percent", "%", "share"], // r-059
  // list before how-much (数量, 多少)
  ["入选国家双高计划的院校有哪些，数量多少", "list", null, "list"],
];

// 块钱 is a question's word for the unit a figure writes as 元 (UNIT_ALIASES).
const ALIAS_ROWS: Row[] = [
  ["乡村教师工作补贴每年涨多少块钱", "quantity", "元", "count-in-unit"],
  ["乡村教师工作补贴每年涨几块钱", "quantity", "元", "count-in-unit"],
];

// A money word turns "how much" into an amount in 元.
const MONEY_ROWS: Row[] = [
  ["农村学校及薄弱学校改善资金投入了多少", "quantity", "元", "how-much"], // dev-03
  ["赛力斯2024年营收多少", "quantity", "元", "how-much"], // dev-10
  ["川渝制造业营业收入是多少", "quantity", "元", "how-much"], // dev-13
  ["湖南去年GDP多少", "quantity", "元", "how-much"], // r-043
  ["湖北去年地方财政收入多少", "quantity", "元", "how-much"], // r-037
  ["软信创业项目发放了多少创业担保贷款", "quantity", "元", "how-much"], // g-11
  ["赛力斯归母净利润多少", "quantity", "元", "how-much"], // g-21
  ["江苏去年职工平均工资多少", "quantity", "元", "how-much"], // r-087
  ["黔江地区生产总值是多少", "quantity", "元", "how-much"], // g-23: 总值
  ["博士点有多少个", "quantity", "个", "count-in-unit"], // dev-35: a written unit needs no money word
];

// Traditional script reaches the rules after normalizeQuery.
const TRADITIONAL_ROWS: Row[] = [
  ["教育強市規劃是什麼時候印發的", "date", null, "when"], // dev-26
  ["學生要掌握幾項運動技能", "quantity", "项", "count-in-unit"], // g-44
  ["江蘇兩院院士有多少位", "quantity", "位", "count-in-unit"], // r-020
  ["廣東經濟總量連續幾年全國第一", "quantity", "年", "count-in-unit"], // r-002
  ["福建農村居民收入增長多少", "percent", "%", "growth"], // r-050
  ["山東常住人口城鎮化率多少", "percent", "%", "share"], // r-029
  ["新增學位多少", "quantity", null, "how-much"], // dev-25
  ["貴州高速公路通車里程多少", "quantity", null, "how-much"], // r-072
];

const kindOf = (question: string) => answerKindOf(normalizeQuery(question));
const expected = ([, kind, unit, rule]: Row) => ({ kind, unit, rule });

describe("magnitudeAsked: the power of ten a question names", () => {
  it.each([
    ["地区生产总值多少万亿", 12],
    ["一般公共预算收入多少亿", 8],
    ["常住人口多少万", 4],
    ["新增学位多少", null],
  ])("%s -> %s", (question, power) => {
    expect(magnitudeAsked(normalizeQuery(question))).toBe(power);
  });
});

describe("LEVEL_WORDS: a level asked is an amount, never its growth", () => {
  it.each([
    ["山东去年GDP总量多少", false],
    ["湖北GDP总量多少亿", false],
    ["云南去年GDP多少", true],
    ["工资涨了多少", true],
  ])("%s: unit inferred %s", (question, inferred) => {
    expect(kindOf(question).unitInferred).toBe(inferred);
  });
});

describe("answerKindOf", () => {
  it.each(ROWS)("%s -> %s %s (%s)", (...row) => {
    expect(kindOf(row[0])).toMatchObject(expected(row));
  });

  it.each(ORDER_ROWS)("order: %s -> %s %s (%s)", (...row) => {
    expect(kindOf(row[0])).toMatchObject(expected(row));
  });

  it.each(ALIAS_ROWS)("块钱: %s -> %s %s (%s)", (...row) => {
    expect(kindOf(row[0])).toMatchObject(expected(row));
  });

  it.each(MONEY_ROWS)("money: %s -> %s %s (%s)", (...row) => {
    expect(kindOf(row[0])).toMatchObject(expected(row));
  });

  it.each(TRADITIONAL_ROWS)("traditional: %s -> %s %s (%s)", (...row) => {
    expect(kindOf(row[0])).toMatchObject(expected(row));
  });

  it("has a row for every rule, in the rules' order of names", () => {
    const tested = new Set([...ROWS, ...ORDER_ROWS, ...FIXED_ROWS].map(([, , , rule]) => rule));
    for (const rule of ANSWER_KIND_RULES) expect(tested, rule.name).toContain(rule.name);
    expect(ANSWER_KIND_RULES.map((r) => r.name)).toEqual([
      "when",
      "rank-place",
      "points",
      "count-in-unit",
      "magnitude",
      "rank",
      "price",
      "growth",
      "share",
      "list",
      "definition",
      "how-much",
    ]);
  });

  it("money words are read on the normalized question (GDP in any case or width)", () => {
    expect(MONEY_WORDS.test(normalizeQuery("丰都ＧＤＰ是多少"))).toBe(true);
    expect(MONEY_WORDS.test(normalizeQuery("新增学位多少"))).toBe(false);
  });

  it.each([
    ["quantity", true],
    ["percent", true],
    ["rank", true],
    ["date", true],
    ["list", false],
    ["definition", false],
    ["any", false],
  ] as [AnswerKind, boolean][])("NUMERIC_KINDS: %s -> %s", (kind, numeric) => {
    expect(NUMERIC_KINDS.has(kind)).toBe(numeric);
  });
});

// The question words leave the indicator words once they have set the answer's kind and unit.
describe("analyzeQuery drops question words after reading them", () => {
  const gazetteer = loadGazetteer();
  beforeAll(() => {
    loadSegmenter();
  });

  it.each([
    // QUESTION_PARTS and UNIT_QUESTION: 几所 goes whole, 所 with it
    ["新增了几所公办园", "所", ["新增", "公办园"]],
    ["丰都县挂牌了几所家长学校", "所", ["挂牌", "家长学校"]],
    // DATE_ASKING_WORDS: in a question about a date, 时间 asks for it
    ["教育强市建成时间", null, ["教育强市", "建成"]],
    ["教育强市什么时候建成", null, ["教育强市", "建成"]],
    // QUESTION_WORDS
    ["请问全市的新增学位一共有多少个", "个", ["新增", "学位"]],
  ])("%s -> unit %s, words %j", (question, unit, words) => {
    const q = analyzeQuery(question, gazetteer, TODAY);
    expect(q.unit).toBe(unit);
    expect(q.words).toEqual(words);
  });

  it("keeps 时间 when the question is not about a date", () => {
    const q = analyzeQuery("中小学生每天综合体育活动时间不低于多少", gazetteer, TODAY); // dev-24
    expect(q.words).toContain("时间");
  });
});

// Misreadings found in the eval sets and since fixed: rank and points before a count of 位/名/个, 涨 as growth,
// a growth target, and money words whose unit is only inferred (GDP's answer may be its growth rate).
const FIXED_ROWS: Array<[string, AnswerKind, string | null, string, boolean]> = [
  ["浙江财政收入全国排第几位", "rank", "名", "rank-place", false], // r-010 with 位
  ["浙江财政收入全国排第几名", "rank", "名", "rank-place", false],
  ["山东规上工业增速比全国高几个点", "percent", "百分点", "points", false], // r-025
  ["广东去年GDP涨了多少", "percent", "%", "growth", true], // r-001: GDP may also grow by an amount
  ["雲南今年經濟增長目標", "percent", "%", "growth", false], // r-076
  ["广东今年GDP预期目标是多少", "quantity", "元", "how-much", true], // r-003: 4.5%—5% still fits
  ["陕西去年水利投资多少", "quantity", "元", "how-much", true], // r-064
  ["新增了几所公办园", "quantity", "所", "count-in-unit", false],
];

describe("answerKindOf on questions it once misread", () => {
  it.each(FIXED_ROWS)("%s -> %s %s (%s), unit inferred %s", (question, kind, unit, rule, unitInferred) => {
    expect(kindOf(question)).toEqual({ kind, unit, rule, unitInferred });
  });
});

// Questions from the eval sets that the rules misread today: kept out of the tables above so that no test
// asserts the wrong reading. Each names what the rules give and what the question asks.
describe("question words that misread real questions (to fix in src/lexicon/question-words.ts)", () => {
  it.todo("《计划》有哪几项行动: count-in-unit (几项) wins over the list rule's 有哪几");
  it.todo("山东高铁里程现在多少千米: UNIT_QUESTION reads 千 as a multiplier and asks for 米, not 千米/公里");
  it.todo("广东城乡收入比缩到多少了 (r-008): how-much with 元 (收入), the answer is the ratio 2.27:1");
});
