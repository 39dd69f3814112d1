import { describe, expect, it } from "vitest";
import { Lexicon, wordList } from "../../src/lexicon/lexicon.js";

// A small table in the shape of the bound words: overlapping words of different lengths and a shared first
// and last character, so that "longest first" and "starts no earlier than floor" both decide something.
const bounds = new Lexicon<string>([
  ["超", "over"],
  ["超过", "over"],
  ["低于", "under"],
  ["不低于", "over"],
  ["约", "about"],
  ["左右", "about"],
  ["过", "past"],
]);

// Fragments of lines from seeds/ (002: 产值超5000亿元, 电子信息企业超过180家; 000: 约400人出席) and the 2026
// government work reports (hb: 农民满意度不低于80%; gd: 增长4%左右).
const AT_ROWS: [string, string, number, [string, string] | undefined][] = [
  ["the one word at a position", "产值超5000亿元", 2, ["超", "over"]],
  ["the longer of two words wins", "电子信息企业超过180家", 6, ["超过", "over"]],
  ["a word is read from its first character only", "电子信息企业超过180家", 7, ["过", "past"]],
  ["the longer word that contains a shorter one", "项目区农民满意度不低于80%", 8, ["不低于", "over"]],
  ["the shorter word one character on", "项目区农民满意度不低于80%", 9, ["低于", "under"]],
  ["a character that starts no word", "社会消费品零售总额增长4%左右", 0, undefined],
  ["past the end of the text", "各界人士代表等约400人出席", 20, undefined],
];

const BEFORE_ROWS: [string, string, number, number, [string, string] | undefined][] = [
  ["the longest word ending at a position", "项目区农民满意度不低于80%", 11, 0, ["不低于", "over"]],
  ["the floor cuts a word that starts too early", "项目区农民满意度不低于80%", 11, 9, ["低于", "under"]],
  ["the floor cuts every word", "项目区农民满意度不低于80%", 11, 11, undefined],
  ["a word after the number", "社会消费品零售总额增长4%左右", 15, 0, ["左右", "about"]],
  ["no word ends there", "社会消费品零售总额增长4%左右", 13, 0, undefined],
  ["at the start of the text", "各界人士代表等约400人出席", 0, 0, undefined],
];

describe("Lexicon", () => {
  it.each(AT_ROWS)("at: %s (%s @ %i)", (_why, text, pos, expected) => {
    expect(bounds.at(text, pos)).toEqual(expected);
  });

  it.each(BEFORE_ROWS)("before: %s (%s, end %i, floor %i)", (_why, text, end, floor, expected) => {
    expect(bounds.before(text, end, floor)).toEqual(expected);
  });

  it("lists every word once, longest first", () => {
    const words = bounds.words();
    expect(new Set(words)).toEqual(new Set(["超", "超过", "低于", "不低于", "约", "左右", "过"]));
    expect(words).toHaveLength(7);
    expect(words.map((w) => w.length)).toEqual([...words.map((w) => w.length)].sort((a, b) => b - a));
  });

  it("keeps its order whatever order the entries come in", () => {
    const reversed = new Lexicon(
      [["于", 1] as const, ["低于", 2] as const, ["不低于", 3] as const].reverse(),
    );
    expect(reversed.at("项目区农民满意度不低于80%", 8)).toEqual(["不低于", 3]);
    expect(reversed.before("项目区农民满意度不低于80%", 11, 0)).toEqual(["不低于", 3]);
    expect(reversed.before("项目区农民满意度不低于80%", 11, 10)).toEqual(["于", 1]);
  });
});

describe("wordList", () => {
  const units = wordList("人 人次 平方米", "平方公里 公里");

  it.each([
    ["培训3.3万人次", 6, "人次"],
    ["带动就业近100万人", 9, "人"],
    ["水土流失综合治理2980平方公里", 12, "平方公里"],
    ["高铁运营总里程3411公里、跃居全国第一", 11, "公里"],
  ])("reads the longest unit in %s at %i: %s", (text, pos, unit) => {
    expect(units.at(text, pos)).toEqual([unit, unit]);
  });

  it("joins its lines into one list", () => {
    expect(units.words()).toEqual(["平方公里", "平方米", "人次", "公里", "人"]);
  });
});
