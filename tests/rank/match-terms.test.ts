import { beforeAll, describe, expect, it } from "vitest";
import { parseSynonyms } from "../../src/lexicon/synonyms.js";
import { coverage, matchTerm, weighTerms } from "../../src/rank/match-terms.js";
import { DEFAULT_PROFILE } from "../../src/rank/profile.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { dfOf } from "./df-of.js";

const T = DEFAULT_PROFILE.terms;
const synonyms = parseSynonyms("地区生产总值 GDP 经济总量\n教师 老师\n占比 比重\n人均GDP 人均地区生产总值\n");

beforeAll(() => {
  loadSegmenter();
});

describe("weighTerms: question words weighted by rarity, with their synonyms", () => {
  const df = new Map([
    ["新增", 40],
    ["学位", 5],
    ["地区生产总值", 12],
    ["教师", 30],
    ["资金", 8],
    ["投入", 20],
  ]);

  it("rarer words weigh more, and no word weighs less than the floor", () => {
    const [common, rare] = weighTerms(["新增", "学位"], dfOf(df), 1000, synonyms, T);
    expect(rare?.weight).toBeGreaterThan(common?.weight ?? Number.POSITIVE_INFINITY);
    const [floor] = weighTerms(["新增"], dfOf(new Map([["新增", 10_000]])), 1000, synonyms, T);
    expect(floor?.weight).toBe(T.minWeight);
  });

  it("a word the corpus lacks counts by the rarest of its synonyms, and carries them", () => {
    const [gdp] = weighTerms(["gdp"], dfOf(df), 1000, synonyms, T);
    expect(gdp?.alternatives).toEqual(expect.arrayContaining(["地区生产总值", "经济总量"]));
    expect(gdp?.weight).toBeCloseTo(Math.log(1 + 1000 / 13), 5);
  });

  it("an unknown compound is replaced by the corpus words inside it", () => {
    expect(weighTerms(["资金投入"], dfOf(df), 1000, synonyms, T).map((t) => t.word)).toEqual([
      "资金",
      "投入",
    ]);
  });

  it("a piece of it the corpus never uses stays a word: 结婚登记 is not answered by 登记 alone", () => {
    const words = weighTerms(["结婚登记"], dfOf(new Map([["登记", 3]])), 1000, synonyms, T).map(
      (t) => t.word,
    );
    expect(words).toEqual(["登记", "结", "婚"]); // an unknown two-character word counts by its characters
  });
});

describe("matchTerm: how strongly a sentence holds a question word", () => {
  const df = new Map([
    ["教师", 5],
    ["教师工资", 1],
    ["博士学位", 1],
    ["普惠率", 1],
    ["gdp增长", 1],
    ["研发经费投入占比", 1],
    ["进口", 1],
  ]);
  const term = (w: string) => {
    const [t] = weighTerms([w], dfOf(df), 100, synonyms, T);
    if (!t) throw new Error(w);
    return t;
  };

  it.each([
    ["the word itself", "教师", "全市教师基本工资同步调整。", "", T.literal],
    ["a synonym", "教师", "乡村老师补贴年均增长1800元。", "", T.synonym],
    ["only in the paragraph", "教师", "补贴年均增长1800元。", "乡村教师补贴", T.context],
    ["every part of a long word", "教师工资", "城乡教师人均工资比五年前增加2.95万元。", "", T.parts],
    [
      "every part of a long word, a part by its synonym",
      "gdp增长",
      "全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%，",
      "",
      T.parts,
    ],
    ["absent", "教师", "新增学位27.8万个。", "", 0],
  ])("%s", (_name, word, sentence, context, strength) => {
    expect(matchTerm(term(word), sentence, context, T).strength).toBeCloseTo(strength, 5);
  });

  it("a word's pieces count only in one clause (研发…投入 here, 比重 ⇄ 占比 in the next clause)", () => {
    const one = matchTerm(term("研发经费投入占比"), "研发经费投入在生产总值中比重为2.5%。", "", T);
    const two = matchTerm(
      term("研发经费投入占比"),
      "研发经费投入年均增长10%以上，产业增加值比重30%。",
      "",
      T,
    );
    expect(one.strength).toBe(T.parts);
    expect(two.strength).toBeLessThan(T.parts);
  });

  it("an indicator inside a per-unit indicator of the vocabulary is no match (人均地区生产总值)", () => {
    const gdp = term("地区生产总值");
    expect(matchTerm(gdp, "人均地区生产总值达16.7万元。", "", T).strength).toBeLessThan(T.parts);
    expect(matchTerm(gdp, "地区生产总值达14.2万亿元，人均地区生产总值达16.7万元。", "", T).spans).toEqual([
      [0, 6],
    ]);
    // A per-unit word the vocabulary does not hold still matches: 人均工资 is a wage.
    expect(matchTerm(term("工资"), "城乡教师人均工资增加2.95万元。", "", T).strength).toBe(T.literal);
  });

  it("a word with a member of a contraction matches the contracted form (农村… in 城乡…)", () => {
    const t = term("农村居民人均可支配收入");
    expect(t.contracted).toContain("城乡居民人均可支配收入");
    expect(matchTerm(t, "城乡居民人均可支配收入分别达6.9万元、3.4万元。", "", T).strength).toBe(T.synonym);
    // Without 分别 the contracted form states the two together: no figure of 农村's alone.
    expect(matchTerm(t, "城乡居民人均可支配收入达5.6万元。", "", T).strength).toBeLessThan(T.synonym);
    // A 分别 elsewhere in the sentence pairs other items: 进出口 there is no 进口.
    const imports = term("进口");
    expect(imports.contracted).toContain("进出口");
    const s = "进出口总额增长17.3%，城镇、农村居民收入分别增长4.4%、6.5%。";
    expect(matchTerm(imports, s, "", T).strength).toBeLessThan(T.synonym);
    // Nor is a contraction the noun a list of other things shares.
    const shared = "对中亚五国、东盟进出口分别增长37.2%、19%。";
    expect(matchTerm(imports, shared, "", T).strength).toBeLessThan(T.synonym);
  });

  it("a long word with some of its character pairs present matches in part", () => {
    const hit = matchTerm(term("普惠率"), "普惠性幼儿园覆盖率达92.6%。", "", T);
    expect(hit.strength).toBeGreaterThan(0);
    expect(hit.strength).toBeLessThan(T.parts);
  });

  it("coverage is the weighted share of strengths", () => {
    const a = matchTerm(term("教师"), "教师", "", T);
    const b = matchTerm(term("博士学位"), "无关", "", T);
    const expected = a.term.weight / (a.term.weight + b.term.weight);
    expect(coverage([a, b])).toBeCloseTo(expected, 5);
  });
});
