import { describe, expect, it } from "vitest";
import { parseChineseNumeral, readChineseNumeral } from "../../src/text/chinese-numerals.js";
import { decimalStep, lowestDigitPlace, scaleDecimal } from "../../src/text/decimal.js";

describe("parseChineseNumeral", () => {
  it.each([
    ["六", 6],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["二十七", 27],
    ["一百五十一", 151],
    ["一百零五", 105],
    ["两千", 2000],
    ["三千零五", 3005],
    ["一百五", 150],
    ["一万二", 12000],
    ["一万二千", 12000],
    ["十万", 100000],
    ["二十七点八", 27.8],
    ["零点五", 0.5],
    ["二十七点八万", 278000],
    ["五点六万亿", 5.6e12],
    ["一亿二千万", 120000000],
    ["五万亿", 5e12],
    ["二〇二四", 2024],
    ["一九九八", 1998],
    ["〇", 0],
    ["零", 0],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "万", "百", "一体化", "十四五", "三四", "万一"])("rejects %s as a whole numeral", (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe("readChineseNumeral", () => {
  it.each([
    ["新增二十七点八万个", 2, 278000, 6, 1000],
    ["两千人", 0, 2000, 2, 1000],
    ["三千零五元", 0, 3005, 4, 1],
    ["一万二千名", 0, 12000, 4, 1000],
    ["“十四五”规划", 1, 14, 2, 1],
    ["六成", 0, 6, 1, 1],
    ["十所", 0, 10, 1, 10],
    ["三千零一", 0, 3001, 4, 1],
    ["三千零", 0, 3000, 2, 1000],
    ["三点建议", 0, 3, 1, 1],
  ])("reads the longest numeral in %s at %d", (text, start, value, length, step) => {
    expect(readChineseNumeral(text, start)).toMatchObject({ value, length, step });
  });

  it("returns undefined where no numeral starts", () => {
    expect(readChineseNumeral("一体化", 1)).toBeUndefined();
    expect(readChineseNumeral("百分之", 0)).toBeUndefined();
  });
});

describe("decimal helpers", () => {
  it.each([
    ["27.8", 4, 278000, 1000],
    ["1451.76", 8, 145176000000, 1000000],
    ["0.415", 0, 0.415, 0.001],
    ["4.52", 4, 45200, 100],
    ["1.1", 4, 11000, 1000],
    ["2.32", 8, 232000000, 1000000],
    ["5.6", 12, 5.6e12, 1e11],
    ["1,234", 0, 1234, 1],
    ["93.06", 0, 93.06, 0.01],
    ["1", -1, 0.1, 0.1],
  ])("scales %s by 10^%d exactly", (digits, exponent, value, step) => {
    expect(scaleDecimal(digits, exponent)).toBe(value);
    expect(decimalStep(digits, exponent)).toBe(step);
  });

  it.each([
    [800, 100],
    [80000, 10000],
    [15000, 1000],
    [120, 10],
    [1.5, 0.1],
    [1000000, 1000000],
  ])("finds the lowest written place of %d", (value, place) => {
    expect(lowestDigitPlace(value)).toBe(place);
  });

  it("rejects text that is not a decimal", () => {
    expect(() => scaleDecimal("2.3.4", 0)).toThrow(RangeError);
  });
});
