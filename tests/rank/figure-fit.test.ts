import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerKind } from "../../src/lexicon/question-words.js";
import { bestFigure, closeness, type FigureAsk, kindFit } from "../../src/rank/figure-fit.js";
import { matchTerm, weighTerms } from "../../src/rank/match-terms.js";
import { DEFAULT_PROFILE } from "../../src/rank/profile.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { dfOf } from "./df-of.js";

const W = DEFAULT_PROFILE.figure;
const fig = (text: string) => {
  const f = parseFigures(text)[0];
  if (!f) throw new Error(`no figure in ${text}`);
  return f;
};

beforeAll(() => {
  loadSegmenter();
});

describe("kindFit: how well a figure's kind and unit answer what is asked", () => {
  it.each<[string, AnswerKind, string | null, number]>([
    ["2024年12月", "date", null, W.kindFit.date.day],
    ["2024年", "date", null, W.kindFit.date.year],
    ["2024—2035年", "date", null, W.kindFit.date.span],
    ["27.8万个", "date", null, -1],
    ["2024年", "quantity", null, -1],
    ["全国第6", "rank", "名", W.kindFit.rank.rank],
    ["63.5%", "rank", "名", W.kindFit.rank.other],
    ["全国第6", "quantity", null, W.kindFit.rankForOther],
    ["63.5%", "percent", "%", W.kindFit.percent.percent],
    ["1.7个百分点", "percent", "%", W.kindFit.percent.points],
    // "高几个点" asks for points: a rate answers it as points answer a rate.
    ["1.7个百分点", "percent", "百分点", W.kindFit.percent.percent],
    ["7.6%", "percent", "百分点", W.kindFit.percent.points],
    ["151所", "percent", "%", W.kindFit.percent.other],
    ["151所", "quantity", "所", W.kindFit.unit.same],
    ["800余", "quantity", "所", W.kindFit.unit.none],
    ["27.8万个", "quantity", "所", W.kindFit.unit.other],
    ["63.5%", "quantity", null, W.kindFit.quantity.percent],
    ["六所", "quantity", null, W.kindFit.quantity.smallChinese],
    ["27.8万个", "quantity", null, W.kindFit.quantity.other],
    ["六所", "any", null, W.kindFit.any.smallChinese],
    ["27.8万个", "any", null, W.kindFit.any.other],
  ])("%s for %s %s -> %d", (text, kind, unit, expected) => {
    expect(kindFit(fig(text), kind, unit, W.kindFit)).toBe(expected);
  });
});

/** A question's words matched in a sentence, each weighed as if the corpus used it once. */
function hitsIn(norm: string, words: string[]) {
  const terms = weighTerms(
    words,
    dfOf(new Map(words.map((w) => [w, 1]))),
    100,
    new Map(),
    DEFAULT_PROFILE.terms,
  );
  return terms.map((t) => matchTerm(t, norm, "", DEFAULT_PROFILE.terms));
}

/** bestFigure over a real sentence for a question's words and what else the question asks. */
function fitIn(sentence: string, words: string[], ask: Partial<FigureAsk>, minKind = 0) {
  const norm = normalizeQuery(sentence);
  const full: FigureAsk = { kind: "quantity", unit: "元", unitInferred: false, years: [], ...ask };
  return bestFigure(norm, parseFigures(norm), hitsIn(norm, words), full, W, minKind);
}

/** The figure bestFigure picks in a real sentence for a question's words. */
function picked(sentence: string, question: string[], kind: AnswerKind, unit: string | null): string | null {
  return fitIn(sentence, question, { kind, unit }, DEFAULT_PROFILE.answer.minKindFit)?.figure.text ?? null;
}

describe("bestFigure: the figure of a sentence that answers the question", () => {
  it.each<[string, string[], AnswerKind, string | null, string | null]>([
    // The figure next to the question's words, not the first one of the sentence.
    [
      "已累计新建、改扩建义务教育学校151所，新增学位27.8万个，有效满足适龄青少年入学需求。",
      ["新增", "学位"],
      "quantity",
      null,
      "27.8万个",
    ],
    [
      "已累计新建、改扩建义务教育学校151所，新增学位27.8万个，有效满足适龄青少年入学需求。",
      ["改扩建", "学校"],
      "quantity",
      "所",
      "151所",
    ],
    // The noun a figure counts follows it: 9270个 counts 公办园学位, 52所 counts 公办园.
    [
      "新增52所公办园、9270个公办园学位,有效缓解“入好园”焦虑;",
      ["公办园", "学位"],
      "quantity",
      null,
      "9270个",
    ],
    // A percentage for a rate, not the year.
    ["2025年全省城镇化率达到65.2%，比上年提高0.9个百分点。", ["城镇化率"], "percent", "%", "65.2%"],
    // A number in short quotation marks names something.
    ["开展“119消防宣传月”活动，排查隐患3.2万处。", ["排查", "隐患"], "quantity", null, "3.2万处"],
    // The exact value that restates a bound ("突破4000亿元、达到4211亿元").
    [
      "地方一般公共预算收入突破4000亿元、达到4211亿元，其中税收收入增长3%。",
      ["地方一般公共预算收入"],
      "quantity",
      "元",
      "4211亿元",
    ],
    // A list mark between a growth rate and a level of one subject costs less than a comma.
    [
      "地区生产总值增长5.5%、达到10.3万亿元，成为全国第三个过10万亿元省份。",
      ["地区生产总值"],
      "quantity",
      "元",
      "10.3万亿元",
    ],
    // A word after a value past a list mark names the next item, not this one.
    [
      "学前教育毛入园率达93.1%、义务教育巩固率达95.9%、高中阶段毛入学率达98.7%、高等教育毛入学率达63.5%，均超过全国平均水平。",
      ["高等教育", "毛入学率"],
      "percent",
      "%",
      "63.5%",
    ],
    // A measure word (增长) by a figure names it only with the indicator near: 进出口's own fall, not GDP's growth.
    [
      "全省地区生产总值60199.45亿元、增长5%，固定资产投资下降3.3%，进出口下降5.4%。",
      ["进出口", "增长"],
      "percent",
      "%",
      "5.4%",
    ],
    [
      "丰都地区生产总值达428.4亿元,增长6.6%,增速居全市第五。",
      ["地区生产总值", "增长"],
      "percent",
      "%",
      "6.6%",
    ],
    // A rank asked: the rank, though the value it ranks stands closer to the words.
    [
      "一般公共预算收入从7248亿元提高到8865亿元，跃居全国第3位。",
      ["一般公共预算收入"],
      "rank",
      "名",
      "全国第3位",
    ],
    // The result of a change, not its baseline.
    [
      "技术合同成交额从1795亿元增加到5260亿元，科技型中小企业数量增长3.2倍。",
      ["技术合同成交额"],
      "quantity",
      "元",
      "5260亿元",
    ],
    // Without a numeric question, a figure far from the words does not answer.
    ["全面推进健康重庆建设，人均预期寿命达到78.5岁。", ["健康"], "definition", null, null],
  ])("%s / %j", (sentence, words, kind, unit, expected) => {
    expect(picked(sentence, words, kind, unit)).toBe(expected);
  });
});

describe("bestFigure and other places: a figure in a clause naming another place is about that place", () => {
  const fitFor = (sentence: string, words: string[], otherPlaces: string[], strictPlace: boolean) =>
    fitIn(sentence, words, { kind: "percent", unit: "%", otherPlaces, strictPlace });
  const RD =
    "预计全社会研发投入5350亿元、增长4.9%，研发投入强度达3.6%，发明专利有效量均居全国首位，“深圳—香港—广州”创新集群跃居全球首位。";
  const DISTRICT = "沙坪坝区新增学位率提高2.1%，全市新增学位率提高3.5%。";

  it.each<[string, string, string[], string[], boolean, string | null, boolean]>([
    [
      "places named after the figure's clause leave it about the whole",
      RD,
      ["研发投入强度"],
      ["深圳", "广州"],
      true,
      "3.6%",
      false,
    ],
    [
      "the whole asked: the district's clause is skipped",
      DISTRICT,
      ["新增学位率"],
      ["沙坪坝"],
      true,
      "3.5%",
      false,
    ],
    [
      "nothing asked of the whole: the district's figure stays, marked",
      "沙坪坝区新增学位率提高2.1%。",
      ["新增学位率"],
      ["沙坪坝"],
      false,
      "2.1%",
      true,
    ],
    [
      "a place inside an earlier clause's object does not scope the figure",
      "加快建设大湾区国际科技创新中心、综合性国家科学中心，预计研发投入强度达3.6%。",
      ["研发投入强度"],
      ["大湾区"],
      true,
      "3.6%",
      false,
    ],
    [
      "a place opening an earlier clause does",
      "大湾区加快建设国际科技创新中心，研发投入强度达3.6%。",
      ["研发投入强度"],
      ["大湾区"],
      true,
      null,
      false,
    ],
    [
      "a place's clause scopes no later clause that opens with a name or a time of its own",
      "西安地铁客运量增长12%，东庄水利枢纽下闸蓄水，全年研发投入强度达2.5%。",
      ["研发投入强度"],
      ["西安"],
      true,
      "2.5%",
      false,
    ],
    [
      "a place in brackets after a name is part of the name, not a scope",
      "中欧班列(成都)开行量增长12%。",
      ["中欧班列"],
      ["成都"],
      true,
      "12%",
      false,
    ],
    [
      "the whole asked and only the district's figure: no answer",
      "沙坪坝区新增学位率提高2.1%。",
      ["新增学位率"],
      ["沙坪坝"],
      true,
      null,
      false,
    ],
  ])("%s", (_name, sentence, words, others, strict, text, otherPlace) => {
    const fit = fitFor(sentence, words, others, strict);
    expect(fit?.figure.text ?? null).toBe(text);
    if (fit) expect(fit.otherPlace).toBe(otherPlace);
  });
});

describe("bestFigure: a bound answers less well than an exact figure", () => {
  it("突破3万亿元 fits its kind by the bound factor", () => {
    const fit = fitIn("地区生产总值突破3万亿元。", ["地区生产总值"], {});
    expect(fit?.kind).toBeCloseTo(W.kindFit.unit.same * W.boundFactor, 9);
  });
});

describe("bestFigure: the figures a year asked can take", () => {
  const fitFor = (sentence: string, words: string[], years: number[], baseYearAsked = false) =>
    fitIn(sentence, words, { years, baseYearAsked, oneYear: years.length === 1 })?.figure.text ?? null;

  it.each<[string, string, string[], number[], boolean, string | null]>([
    [
      "one year: no five-year total",
      "一般公共预算收入累计完成3.7万亿元。",
      ["一般公共预算收入"],
      [2025],
      false,
      null,
    ],
    [
      "the span asked: the total",
      "一般公共预算收入累计完成3.7万亿元。",
      ["一般公共预算收入"],
      [],
      false,
      "3.7万亿元",
    ],
    [
      "the year before the span: the baseline",
      "人均生产总值由7.34万元提升至10.26万元。",
      ["人均生产总值"],
      [2020],
      true,
      "7.34万元",
    ],
    [
      "the year before the span, no baseline: nothing",
      "人均生产总值达到10.26万元。",
      ["人均生产总值"],
      [2020],
      true,
      null,
    ],
  ])("%s", (_name, sentence, words, years, base, expected) => {
    expect(fitFor(sentence, words, years, base)).toBe(expected);
  });
});

describe("bestFigure: a magnitude asked (多少万亿)", () => {
  it("takes a figure of that magnitude over a per-head one", () => {
    const both = "地区生产总值达14.2万亿元，人均地区生产总值达16.7万元。";
    expect(fitIn(both, ["地区生产总值"], { magnitude: 12 })?.figure.text).toBe("14.2万亿元");
    const norm = normalizeQuery(both);
    const below = bestFigure(
      normalizeQuery("人均地区生产总值达16.7万元。"),
      parseFigures("人均地区生产总值达16.7万元。"),
      hitsIn(norm, ["地区生产总值"]),
      { kind: "quantity", unit: "元", unitInferred: false, years: [], magnitude: 12 },
      W,
    );
    expect(below?.kind).toBe(W.kindFit.unit.other);
  });
});

describe("closeness: a word after a value past a clause mark is the next clause's subject", () => {
  it("gives the value nothing of it (带动就地就业36.8万人，城镇新增就业超额完成全年任务)", () => {
    const norm = normalizeQuery("带动就地就业36.8万人，城镇新增就业超额完成全年任务。");
    const f = parseFigures(norm).find((g) => g.text === "36.8万人");
    if (!f) throw new Error("no figure");
    expect(closeness(norm, f, hitsIn(norm, ["城镇新增就业"]), W)).toBe(0);
  });
});

describe("closeness: words in the same clause are closer than words across clause marks", () => {
  it("falls with each clause boundary between the figure and the word", () => {
    const question = ["学位"];
    const df = new Map([["学位", 1]]);
    const [term] = weighTerms(question, dfOf(df), 100, new Map(), DEFAULT_PROFILE.terms);
    if (!term) throw new Error("no term");
    const near = normalizeQuery("新增学位27.8万个");
    const far = normalizeQuery("新增学位，其中义务教育27.8万个");
    const figureIn = (s: string) => {
      const f = parseFigures(s)[0];
      if (!f) throw new Error("no figure");
      return closeness(s, f, [matchTerm(term, s, "", DEFAULT_PROFILE.terms)], W);
    };
    expect(figureIn(near)).toBeGreaterThan(figureIn(far));
    expect(figureIn(near)).toBeGreaterThan(0.9);
  });
});
