import { beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../../src/answer/answer-question.js";
import { embeddedContext } from "../../src/answer/embedded-context.js";
import type { Passage } from "../../src/corpus/types.js";
import { createEngine, type Engine } from "../../src/engine.js";
import type { PassageFacts } from "../../src/index/corpus-index.js";
import { analyzeQuery, type QueryAnalysis } from "../../src/query/analyze-query.js";
import { fetchCandidates } from "../../src/rank/fetch-candidates.js";
import { DEFAULT_PROFILE } from "../../src/rank/profile.js";
import { type RankedPassage, scoreCandidates, sumFeatures } from "../../src/rank/rank-passages.js";
import { periodScore, placeScore, yearScore } from "../../src/rank/scope-score.js";
import type { SearchContext } from "../../src/rank/search-context.js";
import { parseFigures } from "../../src/text/figures.js";
import { embeddedIndex } from "../engine/embedded-index.js";

const TODAY = new Date("2026-11-28T08:00:00Z");
let engine: Engine;
let ctx: SearchContext;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  ctx = embeddedContext(embeddedIndex(engine), { ...engine, clock: () => TODAY });
});

const query = (q: string): QueryAnalysis => analyzeQuery(q, ctx.ix.gazetteer, TODAY);

describe("scores are the sum of their features", () => {
  it.each([
    "新增学位多少",
    "沙坪坝区新增学位多少",
    "2024年教共体覆盖率达到多少",
    "普惠率全国排第几",
    "到2027年特色高中多少所",
  ])("%s", (question) => {
    const q = query(question);
    const { ranked } = scoreCandidates(ctx, q, fetchCandidates(ctx, q));
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) expect(r.score).toBeCloseTo(sumFeatures(r.features), 9);
  });

  it("a place the question names keeps passages about other places out, with the reason", () => {
    const q = query("沙坪坝区新增学位多少");
    const { ranked, excluded } = scoreCandidates(ctx, q, fetchCandidates(ctx, q));
    expect(excluded.map((e) => e.reason)).toContain("place-missing");
    for (const r of ranked)
      expect(r.passage.norm + ctx.passages.facts(r.passage.id)?.context).toContain("沙坪坝");
  });
});

describe("placeScore and periodScore", () => {
  const passage = (norm: string) => ({ norm }) as Passage;
  const facts = (f: Partial<PassageFacts>): PassageFacts => ({
    places: [],
    years: [],
    context: "",
    heading: "",
    target: false,
    period: { role: null, years: [], source: null },
    ...f,
  });
  const P = DEFAULT_PROFILE.place;

  type Fit = { score: number; others?: string[]; strict?: boolean };
  it.each<[string, string, Partial<PassageFacts>, string | null, Fit | string]>([
    [
      "named place in the sentence",
      "沙坪坝区新增学位多少",
      { places: ["沙坪坝"] },
      "重庆",
      { score: P.inSentence },
    ],
    [
      "named place only in the paragraph",
      "沙坪坝区新增学位多少",
      { context: "沙坪坝区…" },
      "重庆",
      { score: P.inParagraph },
    ],
    ["named place nowhere", "沙坪坝区新增学位多少", {}, "重庆", "place-missing"],
    ["named place is the document's home", "重庆新增学位多少", {}, "重庆", { score: 0 }],
    [
      "no place asked, sentence about a district: the figure decides",
      "新增学位多少",
      { places: ["沙坪坝"] },
      "重庆",
      { score: 0, others: ["沙坪坝"], strict: false },
    ],
    [
      "the whole city asked, a figure in a district's clause never answers",
      "全市新增学位多少",
      { places: ["沙坪坝"] },
      "重庆",
      { score: 0, others: ["沙坪坝"], strict: true },
    ],
    [
      "the city asked by name, a district's sentence: strict as 全市",
      "重庆新增学位多少",
      { places: ["沙坪坝"] },
      "重庆",
      { score: 0, others: ["沙坪坝"], strict: true },
    ],
    [
      "the whole city asked without a figure wanted, sentence about a district",
      "全市有哪些新建学校",
      { places: ["沙坪坝"] },
      "重庆",
      "other-place",
    ],
    ["the country asked, sentence not national", "全国新增学位多少", {}, "重庆", "not-national"],
  ])("%s", (_name, question, f, home, expected) => {
    const q = query(question);
    const norm = f.places?.includes("沙坪坝") ? "沙坪坝区新增学位3.8万个" : "新增学位27.8万个";
    const s = placeScore(q, passage(norm), facts(f), home, P);
    if (typeof expected === "string") return expect(s).toEqual({ excluded: expected });
    if ("excluded" in s) throw new Error(`excluded: ${s.excluded}`);
    expect(s.score).toBeCloseTo(expected.score, 9);
    expect(s.others).toEqual(expected.others ?? []);
    expect(s.strict).toBe(expected.strict ?? false);
  });

  it("one unit (该校) ranks below the whole city", () => {
    const s = placeScore(
      query("进入ESI前1%的学科有多少个"),
      passage("该校13个学科进入ESI前1%"),
      facts({}),
      null,
      P,
    );
    if ("excluded" in s) throw new Error(`excluded: ${s.excluded}`);
    expect(s.score).toBeCloseTo(P.oneUnit, 9);
  });

  it.each([
    ["目标是多少", true, DEFAULT_PROFILE.period.goalAsked],
    ["目标是多少", false, DEFAULT_PROFILE.period.achievedForGoal],
    ["达到多少", true, DEFAULT_PROFILE.period.goalForAchieved],
    ["达到多少", false, 0],
  ])("period: %s, passage states a goal %s -> %d", (question, target, expected) => {
    expect(periodScore(query(`覆盖率${question}`), facts({ target }), DEFAULT_PROFILE.period)).toBe(expected);
  });
});

describe("yearScore: the years asked against a passage's own words and its period", () => {
  const Y = DEFAULT_PROFILE.year;
  const FIVE = [2021, 2022, 2023, 2024, 2025];
  const facts = (years: number[], role: PassageFacts["period"]["role"], periodYears: number[]) =>
    ({
      places: [],
      years,
      context: "",
      heading: "",
      target: false,
      period: { role, years: periodYears, source: "section" },
    }) as PassageFacts;
  const CHANGE = "人均生产总值由7.34万元提升至10.26万元。";
  const p = { doc: "x.txt", article: 0, norm: CHANGE, figures: parseFigures(CHANGE) } as unknown as Passage;
  const noChange = {
    doc: "x.txt",
    article: 0,
    norm: "连跨两个万亿元台阶。",
    figures: [],
  } as unknown as Passage;

  it.each<[string, string, PassageFacts, number | string]>([
    ["the year stated in the sentence", "2025年城镇新增就业多少", facts([2025], "achieved", []), Y.stated],
    ["the year of its section", "2025年城镇新增就业多少", facts([], "achieved", [2025]), Y.stated],
    ["another year stated", "2024年城镇新增就业多少", facts([2025], "achieved", [2025]), "other-year"],
    [
      "one year inside a five-year span: totals and averages do not answer",
      "2024年城镇新增就业多少",
      facts([], "five-year", FIVE),
      "span-for-year",
    ],
    [
      "the span's last year: its end values answer (从A增加到B)",
      "2025年技术合同成交额多少",
      facts([], "five-year", FIVE),
      Y.stated,
    ],
    ["the span asked", "十四五城镇新增就业多少", facts([], "five-year", FIVE), Y.stated],
    [
      "the span asked, one year's result",
      "十四五城镇新增就业多少",
      facts([], "achieved", [2025]),
      "one-year-for-span",
    ],
    [
      "a plan period's goal asked, this year's target",
      "十五五GDP增长目标",
      facts([], "target", [2026]),
      "one-year-for-span",
    ],
    // Its changes start the year before (由7.34万元提升至10.26万元): that year's value may stand in it.
    ["the year before the span", "2020年人均生产总值多少", facts([], "five-year", FIVE), Y.inArticle],
    ["no year asked", "城镇新增就业多少", facts([], "five-year", FIVE), 0],
  ])("%s", (_name, question, f, expected) => {
    const s = yearScore(ctx.ix, query(question), p, f, Y);
    if (typeof expected === "string") expect(s).toEqual({ excluded: expected });
    else expect(s).toBe(expected);
  });

  it("the year before the span, in a passage that states no change: another year", () => {
    const s = yearScore(ctx.ix, query("2020年人均生产总值多少"), noChange, facts([], "five-year", FIVE), Y);
    expect(s).toEqual({ excluded: "other-year" });
  });
});

describe("rejectionOf: the answer test, rule by rule", () => {
  const ranked = (r: Partial<RankedPassage>): RankedPassage =>
    ({ coverage: 1, fit: null, hits: [], ...r }) as RankedPassage;
  const figureFit = (kind: number, closeness: number) =>
    ({ figure: { text: "1" }, kind, closeness }) as unknown as RankedPassage["fit"];
  const A = DEFAULT_PROFILE.answer;
  const core = (strength: number) =>
    [{ term: { word: "学位", weight: 3 }, strength, spans: [] }] as unknown as RankedPassage["hits"];

  it.each<[string, string, Partial<RankedPassage>, string | null]>([
    ["enough coverage and a close figure", "新增学位多少", { fit: figureFit(1, 0.9) }, null],
    ["too little coverage", "新增学位多少", { coverage: A.minCoverage - 0.01 }, "coverage"],
    ["the core word missing", "新增学位多少", { coverage: 0.6, hits: core(0) }, "core-word"],
    [
      "the core word missing, the rest covering enough",
      "新增学位多少",
      { coverage: 0.75, hits: core(0), fit: figureFit(1, 1) },
      null,
    ],
    ["no figure for a numeric question", "新增学位多少", {}, "no-figure"],
    [
      "a figure too far away",
      "新增学位多少",
      { fit: figureFit(1, A.minCloseness - 0.01) },
      "figure-closeness",
    ],
    ["a figure of the wrong kind", "新增学位多少", { fit: figureFit(A.minKindFit - 0.01, 1) }, "figure-kind"],
    ["no figure needed for a list question", "教育强市建设有哪些行动", {}, null],
  ])("%s", (_name, question, r, rule) => {
    const rejection = rejectionOf(ctx, query(question), ranked(r));
    expect(rejection?.rule ?? null).toBe(rule);
  });
});
