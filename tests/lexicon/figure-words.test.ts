import { describe, expect, it } from "vitest";
import {
  CHANGE_TO,
  GROWTH_BEFORE,
  MEASURE_WORDS,
  PLACE_LEAD,
  RESTATING,
} from "../../src/lexicon/figure-words.js";

describe("CHANGE_TO: the words after a baseline that end its change", () => {
  it.each([
    ["提高到8865亿元", true],
    ["增加到5260亿元", true],
    ["的53.2%提升到2025年的57.7%", true],
    ["、第4位双双跃居第1位", true],
    ["降至22.5%", true],
    ["，跃居全国第3位", false],
    ["个国家级科研平台", false],
  ])("after the baseline: %s -> %s", (after, expected) => {
    expect(CHANGE_TO.test(after)).toBe(expected);
  });
});

describe("RESTATING: a bound and the exact value after it", () => {
  it.each([
    ["、达到", true],
    ["，达到", true],
    ["达", true],
    ["、", false],
    ["，其中", false],
  ])("between: %s -> %s", (between, expected) => {
    expect(RESTATING.test(between)).toBe(expected);
  });
});

describe("GROWTH_BEFORE: a percentage after these is a growth rate", () => {
  it.each([
    ["地区生产总值增长", true],
    ["涉诈警情分别下降", true],
    ["增速为", true],
    ["民营经济增加值占地区生产总值比重达", false],
    ["森林覆盖率", false],
  ])("before: %s -> %s", (before, expected) => {
    expect(GROWTH_BEFORE.test(before)).toBe(expected);
  });
});

describe("PLACE_LEAD: what may open a clause before its subject place", () => {
  it.each([
    ["", true],
    ["在", true],
    ["2025年", true],
    ["加快建设", false],
    ["支持", false],
  ])("%j -> %s", (lead, expected) => {
    expect(PLACE_LEAD.test(lead)).toBe(expected);
  });
});

describe("MEASURE_WORDS: how a figure measures, not what", () => {
  it.each([
    ["增长", true],
    ["下降", true],
    ["增速", true],
    ["进出口", false],
    ["地区生产总值", false],
  ])("%s -> %s", (word, expected) => {
    expect(MEASURE_WORDS.has(word)).toBe(expected);
  });
});
