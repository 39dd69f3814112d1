import { describe, expect, it } from "vitest";
import { CONTRACTIONS, ITEM_MARKS, ITEM_WORDS, RESPECTIVELY } from "../../src/lexicon/list-words.js";

describe("list words", () => {
  it.each([
    ["刑事治安、涉诈、涉毒警情分别下降17.7%、17.4%、68%", true],
    ["产量依次为1、2、3万吨", true],
    ["新增学位27.8万个", false],
  ])("分别/依次 in %s -> %s", (text, expected) => {
    expect(RESPECTIVELY.test(text)).toBe(expected);
  });

  it.each([
    ["交通、水利、能源", ITEM_MARKS, ["交通", "水利", "能源"]],
    ["城镇和农村居民", ITEM_MARKS, ["城镇和农村居民"]],
    ["城镇和农村居民", ITEM_WORDS, ["城镇", "农村居民"]],
    ["汽车、家电以及手机", ITEM_WORDS, ["汽车", "家电", "手机"]],
  ])("%s split by %s", (text, marks, expected) => {
    expect(text.split(marks).filter(Boolean)).toEqual(expected);
  });
});

describe("CONTRACTIONS: one word for two things, in order", () => {
  it.each([
    ["城乡", ["城镇", "农村"]],
    ["中小学", ["中学", "小学"]],
    ["进出口", ["进口", "出口"]],
  ])("%s -> %j", (short, members) => {
    expect(CONTRACTIONS.get(short)).toEqual(members);
  });
});
