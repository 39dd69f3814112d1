import { beforeAll, describe, expect, it } from "vitest";
import { exactIndicator, type Statement } from "../../src/check/statements.js";
import { searchTokens } from "../../src/index/tokens.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import {
  FUNCTION_WORDS,
  GENERAL_WORDS,
  isPunctuation,
  isStopword,
  LINK_WORDS,
} from "../../src/lexicon/stopwords.js";
import { analyzeQuery } from "../../src/query/analyze-query.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { quote } from "./quote.js";

/** The day questions are asked: 今年 is 2026, the year of the reports. */
const TODAY = new Date("2026-03-01T12:00:00+08:00");

beforeAll(() => {
  loadSegmenter();
});

describe("isStopword", () => {
  it.each([
    // FUNCTION_WORDS
    ["的", true],
    ["了", true],
    ["和", true],
    ["其中", true],
    ["我们", true],
    // QUESTION_WORDS: dropped, but only after answerKindOf has read them
    ["多少", true],
    ["几", true],
    ["请问", true],
    ["什么", true],
    ["多少钱", true],
    // GENERAL_WORDS
    ["目前", true],
    ["一共", true],
    ["达到", true],
    ["情况", true],
    // WHOLE_SCOPE_WORDS: a scope flag of the question, not an indicator word
    ["全国", true],
    ["全市", true],
    ["我市", true],
    ["全省", true],
    // Deliberately kept: bound, rank and indicator words carry meaning for numeric questions
    ["新增", false],
    ["累计", false],
    ["以上", false],
    ["不到", false],
    ["第", false],
    ["排名", false],
    ["学位", false],
    ["城镇化率", false],
  ])("%s -> %s", (token, stop) => {
    expect(isStopword(token)).toBe(stop);
  });

  it("covers every word of its lists", () => {
    for (const w of [...FUNCTION_WORDS, ...GENERAL_WORDS]) expect(isStopword(w), w).toBe(true);
  });
});

describe("isPunctuation", () => {
  it.each([
    ["，", true],
    ["“", true],
    ["%", true],
    ["——", true],
    [" ", true],
    ["27.8", false],
    ["万个", false],
    ["esi", false],
  ])("%s -> %s", (token, punct) => {
    expect(isPunctuation(token)).toBe(punct);
  });
});

// The indicator words a question is matched on: question words, function words, scope words and places go.
describe("analyzeQuery keeps the indicator words only", () => {
  const gazetteer = loadGazetteer();
  it.each([
    ["新增学位多少", ["新增", "学位"]],
    // 累计 says over which time, not what: a period word of questions (src/lexicon/period-words.ts).
    ["累计新建改扩建了多少所义务教育学校？", ["新建", "改扩建", "义务教育", "学校"]],
    ["请问全市的新增学位一共有多少个", ["新增", "学位"]],
    ["汇聚了多少门在线课程", ["汇聚", "在线", "课程"]], // g-07
  ])("%s -> %j", (question, words) => {
    expect(analyzeQuery(question, gazetteer, TODAY).words).toEqual(words);
  });

  it("reads the answer kind from 多少 before dropping it", () => {
    const q = analyzeQuery("新增学位多少", gazetteer, TODAY);
    expect(q).toMatchObject({ kind: "quantity", kindRule: "how-much" });
    expect(q.words).not.toContain("多少");
  });
});

// The search index leaves stopwords out of each sentence's tokens.
describe("searchTokens", () => {
  it.each([
    [quote("000", "全市义务教育教师交流轮岗占比达到26.6%"), ["全市", "达到"], ["义务教育", "交流轮岗"]],
    [quote("000", "近年来我市持续调整城乡学校规划布局"), ["我市"], ["近年来", "城乡", "规划"]],
    [quote("gd", "城镇累计新增就业超700万人"), [], ["累计", "新增", "就业"]],
  ])("%s", (sentence, dropped, kept) => {
    const tokens = searchTokens(normalizeQuery(sentence));
    for (const w of dropped) expect(tokens).not.toContain(w);
    for (const w of kept) expect(tokens).toContain(w);
  });
});

describe("LINK_WORDS", () => {
  it.each([
    ["累计", true],
    ["共计", true],
    ["达到", true],
    ["突破", true],
    ["增至", true],
    ["全年", true],
    ["其中", true],
    ["同比", true],
    ["近年来", true],
    ["全国", true],
    ["我市", true],
    ["新增", false],
    ["农村", false],
    ["转移", false],
    ["以上", false],
  ])("%s -> %s", (word, link) => {
    expect(LINK_WORDS.has(word)).toBe(link);
  });

  /** A source statement of one figure in a real sentence, as the checker holds it. */
  function statement(sentence: string, figureText: string): Statement {
    const norm = normalizeQuery(sentence);
    const figure = parseFigures(norm).find((f) => f.text === figureText);
    if (!figure) throw new Error(`no figure ${figureText} in ${sentence}`);
    return { ranked: { passage: { norm } }, figure, anchored: 0, target: false } as unknown as Statement;
  }

  it("a clause with a link word (累计) still states the claim's indicator; one with a qualifier (农村劳动力转移) does not", () => {
    const cumulative = statement(quote("gd", "城镇累计新增就业超700万人"), "超700万人");
    const rural = statement(
      quote("ha", "持续推动“高效办成一件事”，城镇新增就业603.7万人，新增农村劳动力转移就业246.2万人，"),
      "246.2万人",
    );
    const kept = exactIndicator([rural, cumulative], ["城镇", "新增", "就业"], new Map());
    expect(kept.map((s) => s.figure.text)).toEqual(["超700万人"]);
  });

  it("a clause ends at the comma: the next clause's words do not qualify the figure", () => {
    const line = quote(
      "ha",
      "持续推动“高效办成一件事”，城镇新增就业603.7万人，新增农村劳动力转移就业246.2万人，",
    );
    const kept = exactIndicator(
      [statement(line, "246.2万人"), statement(line, "603.7万人")],
      ["城镇", "新增", "就业"],
      new Map(),
    );
    expect(kept.map((s) => s.figure.text)).toEqual(["603.7万人"]);
  });
});
