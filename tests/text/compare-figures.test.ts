import { describe, expect, it } from "vitest";
import {
  figureInterval,
  figuresAgree,
  thresholdsAgree,
  unitsCompatible,
} from "../../src/text/compare-figures.js";
import type { Figure } from "../../src/text/figure.js";
import { parseFigures } from "../../src/text/figures.js";

/** The one figure in a short phrase, as a reporter's claim or a source sentence would yield it. */
function figure(text: string): Figure {
  const [found, ...rest] = parseFigures(text);
  if (!found || rest.length > 0) throw new Error(`expected exactly one figure in ${text}`);
  return found;
}

describe("figuresAgree", () => {
  it.each([
    ["27.8万个", "278000个"],
    ["278000个", "二十七点八万个"],
    ["二十七点八万个", "27.8万个"],
    ["28万", "27.8万"],
    ["新增学位28万个", "新增学位27.8万个"],
    ["93.1%", "93.06%"],
    ["约28万", "27.8万"],
    ["超过600亿元", "626.6亿元"],
    ["六成以上", "63.5%"],
    ["超过150所", "151所"],
    ["800余所", "850所"],
    ["8万余名", "85000名"],
    ["近100万人", "95万人"],
    ["不到80%", "75%"],
    ["1—2项", "2项"],
    ["全国第六", "全国第6"],
    ["2024年", "2024年"],
    ["11月19日", "2024年11月19日"],
    ["2024年12月", "2024年12月5日"],
    ["800名", "800人"],
    ["26.6%", "百分之二十六点六"],
    ["5.6万亿元", "56000亿元"],
    ["近6个百分点", "5.8个百分点"],
    // Rounding within a small share of the value; words like 七成 keep their whole step.
    ["94.6%", "94.61%"],
    ["2.36万亿元", "23562亿元"],
    ["七成", "73.4%"],
  ])("%s agrees with %s", (claim, source) => {
    expect(figuresAgree(figure(claim), figure(source))).toBe(true);
  });

  it.each([
    ["36.6%", "26.6%"],
    ["不到80%", "85%以上"],
    ["全国第一", "全国第6"],
    ["32.5万", "22.5万"],
    ["3.95万元", "2.95万元"],
    ["不到五成", "63.5%"],
    ["3.8万个", "27.8万个"],
    ["151所", "150所"],
    ["800余所", "950所"],
    ["8万余名", "9.5万名"],
    ["近100万人", "101万人"],
    ["6%", "6个百分点"],
    ["151所", "151元"],
    ["全国第1", "西部第1"],
    ["2024年", "2025年"],
    ["11月19日", "11月18日"],
    ["2023年", "2023年1月"],
    // 4.8 rounds to 5, but a growth rate of 5% is another figure than 4.8% (4% apart).
    ["5%", "4.8%"],
    ["增长5%", "增长5.4%"],
  ])("%s disagrees with %s", (claim, source) => {
    expect(figuresAgree(figure(claim), figure(source))).toBe(false);
  });
});

describe("thresholdsAgree: two bounds of one direction name the same value at the coarser precision", () => {
  it.each([
    ["超过2亿人次", "突破2.32亿人次", true],
    ["超过600亿元", "超过626.6亿元", false],
    ["不低于1小时", "不低于2小时", false],
    ["不低于1小时", "不低于1小时", true],
  ])("%s / %s -> %s", (a, b, expected) => {
    expect(thresholdsAgree(figure(a), figure(b))).toBe(expected);
  });
});

describe("figureInterval", () => {
  it.each([
    ["151所", 150.5, 151.5],
    ["27.8万个", 277500, 278500],
    ["93.06%", 93.055, 93.065],
    ["约28万", 266000, 294000],
    ["近100万人", 900000, 1000000],
    ["800余所", 800, 900],
    ["8万余", 80000, 90000],
    ["十多万人", 100000, 200000],
    ["超过600亿元", 60000000000, Number.POSITIVE_INFINITY],
    ["22.8%以上", 22.8, Number.POSITIVE_INFINITY],
    ["不到五成", 0, 50],
    ["六成", 55, 65],
    ["1—2项", 0.5, 2.5],
    ["全国第6", 6, 6],
    ["2022—2025年", 2022, 2025],
    ["2024年12月", 20241201, 20241231],
  ])("%s allows [%d, %d]", (text, lo, hi) => {
    expect(figureInterval(figure(text))).toEqual({ lo, hi });
  });
});

describe("unitsCompatible", () => {
  it.each([
    ["27.8万个", "28万", true],
    ["63.5%", "六成", true],
    ["6个百分点", "6%", false],
    ["151所", "151个", false],
    ["3人", "3名", true],
    ["全国第6", "6名", false],
    ["2024年", "2024年12月", false],
    ["5公里", "5km", true],
  ])("%s and %s: %s", (a, b, expected) => {
    expect(unitsCompatible(figure(a), figure(b))).toBe(expected);
  });

  it("treats 成 as %", () => {
    const percent = figure("60%");
    expect(unitsCompatible(percent, { ...percent, unit: "成" })).toBe(true);
  });
});
