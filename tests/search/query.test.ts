import { beforeAll, describe, expect, it } from "vitest";
import { type Gazetteer, loadGazetteer } from "../../src/lexicon/places.js";
import { analyzeQuery } from "../../src/query/analyze-query.js";
import { loadSegmenter } from "../../src/text/segment.js";

let gazetteer: Gazetteer;
const TODAY = new Date("2026-11-28T08:00:00Z");
beforeAll(() => {
  loadSegmenter();
  gazetteer = loadGazetteer();
});

describe("analyzeQuery: what kind of answer is wanted", () => {
  it.each([
    ["新增学位多少", "quantity", null],
    ["新增了几所公办园", "quantity", "所"],
    ["新增高校几所", "quantity", "所"],
    ["博士学位授予单位有多少个", "quantity", "个"],
    ["广汉有多少家高新技术企业", "quantity", "家"],
    ["盖一所学校要多少钱", "quantity", "元"],
    ["农村学校及薄弱学校改善资金投入了多少", "quantity", "元"],
    ["义务教育教师交流轮岗占比是多少", "percent", "%"],
    ["高等教育毛入学率", "percent", "%"],
    ["财政性教育经费支出占全市生产总值的比例要达到多少", "percent", "%"],
    ["丰都GDP增速", "percent", "%"],
    ["普惠率全国排第几", "rank", "名"],
    ["教育强市什么时候建成", "date", null],
    ["教育強市規劃是什麼時候印發的", "date", null],
    ["教育强市建设有哪些行动", "list", null],
    ["什么是教共体", "definition", null],
  ])("%s -> %s %s", (q, kind, unit) => {
    const a = analyzeQuery(q, gazetteer, TODAY);
    expect(a.kind).toBe(kind);
    expect(a.unit).toBe(unit);
  });
});

describe("analyzeQuery: constraints and words", () => {
  it.each([
    ["沙坪坝区新增学位多少个", ["沙坪坝"], [], ["新增", "学位"]],
    ["成都新增学位多少", ["成都"], [], ["新增", "学位"]],
    ["2024年教共体覆盖率达到多少", [], [2024], ["教共体", "覆盖率"]],
    ["新增學位多少", [], [], ["新增", "学位"]],
    ["丰都GDP增速", ["丰都"], [], ["gdp", "增速"]],
    // The words that ask for a rank are not the indicator.
    ["浙江财政收入全国排第几", ["浙江"], [], ["财政收入"]],
    // A place's suffix that begins a word of the rest stays with it (区域, not 湖南区).
    ["湖南区域创新能力排名", ["湖南"], [], ["区域", "创新能力"]],
    // A plan's name and a bare multiplier are not the indicator either.
    ["湖南十五五城镇化率目标", ["湖南"], [2026, 2027, 2028, 2029, 2030], ["城镇化率"]],
    ["广东经济总量现在多少万亿", ["广东"], [], ["经济总量"]],
    // Courtesies, requests, markup and mentions are not the question.
    ["早上好，请问广东GDP多少", ["广东"], [], ["gdp"]],
    ["<b>广东</b>GDP多少", ["广东"], [], ["gdp"]],
    ["<!channel> @all 帮我查一下江苏城镇新增就业", ["江苏"], [], ["城镇新增就业"]],
  ])("%s", (q, places, years, words) => {
    const a = analyzeQuery(q, gazetteer, TODAY);
    expect(a.places).toEqual(places);
    expect(a.years).toEqual(years);
    expect(a.words).toEqual(words);
  });

  it.each([
    ["职业教育双师型教师占比目标是多少", true],
    ["要建设多少所特色高中", true],
    ["到2027年教共体覆盖率达到多少", true],
    ["2024年教共体覆盖率达到多少", false],
    ["新增学位多少", false],
  ])("%s asks about a goal: %s", (q, target) => {
    expect(analyzeQuery(q, gazetteer, TODAY).target).toBe(target);
  });

  it("keeps the figures written in a claim", () => {
    const a = analyzeQuery("重庆新增学位二十七点八万个", gazetteer, TODAY);
    expect(a.figures.map((f) => [f.value, f.unit])).toEqual([[278000, "个"]]);
  });
});
