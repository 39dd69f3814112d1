import { beforeAll, describe, expect, it } from "vitest";
import { figureChange } from "../../src/answer/increase-note.js";
import {
  asksChange,
  CHANGE_QUESTION_WORDS,
  type FigureChange,
  INCREASE_WORDS,
  STOCK_WORDS,
} from "../../src/lexicon/change-words.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { quote } from "./quote.js";

beforeAll(() => {
  loadSegmenter();
});

/** What each figure of a line counts, as answers read it: figure text -> increase, stock or null. */
function changesOf(line: string): Record<string, FigureChange> {
  const norm = normalizeQuery(line);
  const figures = parseFigures(norm);
  return Object.fromEntries(figures.map((f) => [f.text, figureChange({ norm, figures }, f)]));
}

// Lines of real documents (quote() checks each against its document: 000–004 are seeds/, the rest the 2026
// government work reports), for each entry class of src/lexicon/change-words.ts.
describe("INCREASE_WORDS and STOCK_WORDS: what a figure counts", () => {
  it.each<[string, Record<string, FigureChange>]>([
    // increases: 新增, 新建, 净增, 新认定
    [quote("003", "我们优化高等教育布局结构层次，新增高校 6 所"), { "6所": "increase" }],
    [quote("000", "新增学位27.8万个"), { "27.8万个": "increase" }],
    // 新建、改扩建…151所: the list of verbs shares its object, so 新建 still marks it
    [quote("000", "已累计新建、改扩建义务教育学校151所"), { "151所": "increase" }],
    [quote("ha", "耕地面积净增212万亩"), { "212万亩": "increase" }],
    [quote("fj", "新认定省级高层次人才2745人"), { "2745人": "increase" }],
    // an increase and a stock in one sentence: each figure's own words decide
    [quote("gd", "新增境内外上市公司45家、总量达1224家"), { "45家": "increase", "1224家": "stock" }],
    [quote("ah", "新增境内上市公司62家，总数186家"), { "62家": "increase", "186家": "stock" }],
    [
      quote("hb", "新增黄石、咸宁、天门等全国文明城市12个，总数达到22个"),
      { "12个": "increase", "22个": "stock" },
    ],
    [quote("hb", "新增有进出口实绩企业1357家、总数突破1万家"), { "1357家": "increase", 突破1万家: "stock" }],
    [
      quote("001", "巴南区新增民营市场主体2.045万户、总量达11.8万户"),
      { "2.045万户": "increase", "11.8万户": "stock" },
    ],
    // stocks: 现有; the result of a change (增加到, 增至) is what there is now, its baseline says nothing
    [quote("002", "目前,广汉现有高新技术企业89家"), { "89家": "stock" }],
    [quote("ah", "专精特新“小巨人”企业从80户增加到810户"), { "80户": null, "810户": "stock" }],
    [quote("sd", "汽车保有量由2552万辆增至3230万辆"), { "2552万辆": "stock", "3230万辆": "stock" }],
    // neither written: a rate, a level
    [quote("001", "全市毛入园率达93.06%"), { "93.06%": null }],
    // a list (、): each figure after the first counts what the first does, its change word written once
    [quote("001", "新增52所公办园、9270个公办园学位"), { "52所": "increase", "9270个": "increase" }],
    [
      quote("yn", "新增7名“两院”院士、9个全国重点实验室、1个国家级技术创新中心"),
      { "7名": "increase", "9个": "increase", "1个": "increase" },
    ],
    [
      quote("ah", "新增科技型中小企业7227家、高新技术企业3200家、专精特新企业1565家"),
      { "7227家": "increase", "3200家": "increase", "1565家": "increase" },
    ],
    [quote("js", "全国文明城市、国家历史文化名城分别增至37座、14座"), { "37座": "stock", "14座": "stock" }],
    // …but not a listed figure that states a level, a growth or an effect of its own, or another kind of figure
    [quote("sd", "通用机场增加11个、达到25个"), { "11个": "increase", "25个": null }],
    [
      quote("hn", "新增发电装机4178万千瓦、总装机达9157万千瓦"),
      { "4178万千瓦": "increase", "9157万千瓦": null },
    ],
    [
      quote("hb", "新增返乡创业市场经营主体13.9万户、带动就地就业36.8万人"),
      { "13.9万户": "increase", "36.8万人": null },
    ],
    [quote("hn", "新增国家制造业单项冠军企业22家、居全国第6"), { "22家": "increase", 全国第6: null }],
    // 增加值 (value added) names an indicator: it holds 增加 and is no increase
    [quote("yn", "装备制造业、高技术制造业增加值分别增长17.7%、17.6%"), { "17.7%": null, "17.6%": null }],
  ])("%s", (line, expected) => {
    expect(changesOf(line)).toMatchObject(expected);
  });
});

describe("asksChange: a question about a change, or about what there is", () => {
  it.each([
    ["有多少所高校", false], // the example: a stock
    ["高校多少所", false],
    ["江蘇兩院院士有多少位", false], // r-050-like: traditional script, a stock
    ["安徽专精特新小巨人现在多少户", false], // r-057: the result of 从80户增加到810户
    ["新增学位多少", true], // dev-01: an increase
    ["全国新增学位多少", true],
    ["城镇新增就业多少", true], // the indicator itself is an increase
    ["湖南去年GDP增长多少", true], // growth
    ["去年盖了多少所学校", true], // what was built
    ["招了多少老师", true],
    ["云南规上工业增加值多少亿元", false], // 增加值 is value added, a level
    ["工业增加值增长多少", true],
  ])("%s -> %s", (question, change) => {
    expect(asksChange(normalizeQuery(question))).toBe(change);
  });
});

describe("the tables", () => {
  it("never put one word in both increase and stock", () => {
    const stock = new Set(STOCK_WORDS.words());
    expect(INCREASE_WORDS.words().filter((w) => stock.has(w))).toEqual([]);
  });

  it("hold words of two characters or more (a lone 新 or 增 would hide in 新能源, 增值税)", () => {
    for (const w of [...INCREASE_WORDS.words(), ...STOCK_WORDS.words()]) expect(w.length).toBeGreaterThan(1);
    expect(
      CHANGE_QUESTION_WORDS.words()
        .filter((w) => w.length === 1)
        .sort(),
    ).toEqual(["涨", "降"].sort());
  });
});
