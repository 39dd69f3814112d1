import { describe, expect, it } from "vitest";
import { changeBaseline, figureTime, rankedValue, restatedFigure } from "../../src/rank/figure-time.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";

/** A real sentence's figures, and the one written `text`. */
function figureIn(sentence: string, text: string) {
  const norm = normalizeQuery(sentence);
  const figures = parseFigures(norm);
  const f = figures.find((g) => g.text === text);
  if (!f) throw new Error(`no figure ${text} in ${sentence}`);
  return { norm, figures, f };
}

/** The time reading of the figure written `text` in a real sentence. */
function timeOf(sentence: string, text: string) {
  const { norm, figures, f } = figureIn(sentence, text);
  return { ...figureTime(norm, figures, f), from: changeBaseline(norm, figures, f)?.text ?? null };
}

describe("figureTime: the year, baseline and span of a figure, from the words of its clause", () => {
  const URBAN = "常住人口城镇化率从2020年的53.2%提升到2025年的57.7%。";
  const TECH =
    "技术合同成交额从1795亿元增加到5260亿元，科技型中小企业、高新技术企业数量分别增长3.2倍、2.5倍。";
  const GDP = "全省生产总值连续跨越7万亿、8万亿、9万亿三个大台阶，年均增长5.9%，规模稳居全国第4位。";
  const REVENUE = "地方一般公共预算收入累计超1.6万亿元、较“十三五”增长16.3%。";

  it.each<[string, string, { year: number | null; baseline: boolean; span: boolean; from: string | null }]>([
    [URBAN, "53.2%", { year: 2020, baseline: true, span: false, from: null }],
    [URBAN, "57.7%", { year: 2025, baseline: false, span: false, from: "53.2%" }],
    [TECH, "1795亿元", { year: null, baseline: true, span: false, from: null }],
    [TECH, "5260亿元", { year: null, baseline: false, span: false, from: "1795亿元" }],
    [TECH, "2.5倍", { year: null, baseline: false, span: false, from: null }],
    [GDP, "5.9%", { year: null, baseline: false, span: true, from: null }],
    [REVENUE, "超1.6万亿元", { year: null, baseline: false, span: true, from: null }],
    [REVENUE, "16.3%", { year: null, baseline: false, span: false, from: null }],
  ])("%s / %s", (sentence, text, expected) => {
    expect(timeOf(sentence, text)).toEqual(expected);
  });
});

describe("rankedValue: the value a rank ranks, just before it", () => {
  it.each<[string, string, string | null]>([
    ["一般公共预算收入从7248亿元提高到8865亿元，跃居全国第3位。", "全国第3位", "8865亿元"],
    ["技术合同成交额达到6121亿元、金额居全国第3位。", "全国第3位", "6121亿元"],
    // Ranks moving from one place to another rank nothing but each other.
    ["汽车、新能源汽车产量从全国第8位、第4位双双跃居第1位。", "第1位", null],
    // Too far: a value several clauses back is not what the rank ranks.
    ["粮食产量达到620亿斤，创历史新高，稳居全国第7位。", "全国第7位", null],
  ])("%s / %s", (sentence, text, expected) => {
    const { norm, figures, f } = figureIn(sentence, text);
    expect(rankedValue(norm, figures, f)?.text ?? null).toBe(expected);
  });
});

describe("restatedFigure: the bound an exact value restates", () => {
  it.each<[string, string, string | null]>([
    ["地方一般公共预算收入突破4000亿元、达到4211亿元。", "4211亿元", "突破4000亿元"],
    ["地区生产总值迈上6万亿元台阶，达到62661亿元。", "62661亿元", "6万亿元台阶"],
    // Two values of a list are not one restating the other.
    ["力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。", "450亿元", null],
    // Another unit: not the same value.
    ["地区生产总值增长5.5%、达到10.3万亿元。", "10.3万亿元", null],
  ])("%s / %s", (sentence, text, expected) => {
    const { norm, figures, f } = figureIn(sentence, text);
    expect(restatedFigure(norm, figures, f)?.text ?? null).toBe(expected);
  });
});
