import { beforeAll, describe, expect, it } from "vitest";
import { phrasesBefore } from "../../src/answer/example-questions.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { quote } from "../lexicon/quote.js";

beforeAll(() => {
  loadSegmenter();
});

/** The indicator phrases read before a figure of a line, as example questions are mined from the corpus. */
function phrasesOf(line: string, figure: string): string[] {
  const norm = normalizeQuery(line);
  const f = parseFigures(norm).find((g) => g.text === figure);
  if (!f) throw new Error(`no figure ${figure} in ${norm}`);
  return phrasesBefore(norm.slice(Math.max(0, f.start - 14), f.start));
}

// Lines of real documents (000–004: seeds/; the rest: the 2026 provincial reports).
describe("phrasesBefore: the indicator a figure is stated for", () => {
  it.each<[string, string, string[]]>([
    // past a linking word (达, 超过, 突破) to the nouns before it
    [quote("001", "全市毛入园率达93.06%"), "93.06%", ["毛入园率"]],
    [quote("js", "人均预期寿命超过80岁"), "超过80岁", ["人均预期寿命"]],
    [quote("yn", "地区生产总值突破3万亿元"), "突破3万亿元", ["地区生产总值"]],
    // at most eight characters of nouns: 普惠性 would make nine
    [quote("003", "普惠性幼儿园覆盖率达 94.6%"), "94.6%", ["幼儿园覆盖率"]],
    // an indicator of the vocabulary is one word, however long
    [quote("yn", "城镇新增就业261.6万人"), "261.6万人", ["城镇新增就业"]],
    [quote("fj", "居民消费价格涨幅2%左右"), "2%左右", ["居民消费价格涨幅"]],
    [quote("ha", "改造城镇老旧小区174万户"), "174万户", ["城镇老旧小区"]],
    // an increase word before the nouns stays: the figure counts what was added
    [quote("000", "新增学位27.8万个"), "27.8万个", ["新增学位"]],
    [quote("gd", "新增境内外上市公司45家"), "45家", ["新增境内外上市公司"]],
    // shorter endings of whole words count too, so 学前教育毛入园率 and 毛入园率 meet
    [quote("003", "学前教育毛入园率达 93.1%"), "93.1%", ["学前教育毛入园率", "毛入园率"]],
    // none: a verb stands between (保持在, 完成), or the nouns are too short to name an indicator (企业)
    [quote("003", "就业去向落实率保持在 85%以上"), "85%以上", []],
    [quote("zj", "重大项目完成投资1.5万亿元"), "1.5万亿元", []],
    [quote("hn", "净增经营主体34.6万家、企业14万家"), "14万家", []],
  ])("%s (%s) -> %j", (line, figure, phrases) => {
    expect(phrasesOf(line, figure)).toEqual(phrases);
  });
});
