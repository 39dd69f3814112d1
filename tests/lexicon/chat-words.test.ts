import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { isSmallTalk } from "../../src/answer/off-topic.js";
import {
  CHAT_PARTICLES,
  CHAT_PHRASES,
  CHAT_WORDS,
  COURTESY_WORDS,
  MENTIONS,
  MESSAGE_MARKUP,
} from "../../src/lexicon/chat-words.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import { DEFAULT_INDICATORS_FILE, DEFAULT_SYNONYMS_FILE, parseSynonyms } from "../../src/lexicon/synonyms.js";
import { analyzeQuery } from "../../src/query/analyze-query.js";
import { loadSegmenter } from "../../src/text/segment.js";

/** The day questions are asked: 今年 is 2026, the year of the reports. */
const TODAY = new Date("2026-03-01T12:00:00+08:00");

const gazetteer = loadGazetteer();
beforeAll(() => {
  loadSegmenter();
});

const smallTalk = (message: string) => isSmallTalk(analyzeQuery(message, gazetteer, TODAY));

describe("CHAT_PHRASES: a message of small talk alone", () => {
  it.each([
    ["你好", "greeting"],
    ["您好！", "greeting"],
    ["早上好", "greeting"], // jieba's one word 早上好
    ["在吗？", "greeting"], // no indicator word at all
    ["谢谢", "thanks"],
    ["谢谢啦", "thanks, and a particle jieba leaves on its own"],
    ["再见", "farewell"],
    ["哈哈哈", "reaction"],
    ["好的", "reaction"],
    ["你是谁", "about the bot"],
    ["你能做什么", "about the bot"],
    ["今天天气如何", "small talk: jieba reads 今天天气 as one word, made of two phrases"],
    ["明天会下雨吗", "small talk"],
    ["讲个笑话", "small talk"],
    ["今天星期几", "small talk and a day"],
  ])("%s (%s)", (message) => {
    expect(smallTalk(message)).toBe(true);
  });
});

describe("a question is never small talk, greeting or not", () => {
  it.each([
    ["你好，新增学位多少", "a greeting before a question"],
    ["谢谢！那高等教育毛入学率呢", "thanks before a question"],
    ["新增学位多少", "dev-01"],
    ["全市义务教育阶段校舍标准化率是多少？", "g-02"],
    ["广东经济总量现在多少万亿", "r-004"],
    ["浙江前年GDP增速", "r-084"],
    ["福建去年出生人口多少", "r-090"],
    ["普惠率全国排第几", "g-56"],
    ["今天新增学位多少", "a day named in a question"],
  ])("%s (%s)", (message) => {
    expect(smallTalk(message)).toBe(false);
  });

  it("holds for every golden question over the seeds", () => {
    const questions = readFileSync(new URL("../golden/ask.jsonl", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(20);
    expect(questions.filter(smallTalk)).toEqual([]);
  });
});

describe("the table", () => {
  const phrases = Object.values(CHAT_PHRASES).flatMap((line) => line.split(" "));

  it("has phrases of two characters or more, and single-character particles only apart", () => {
    expect(phrases.filter((p) => [...p].length < 2)).toEqual([]);
    for (const p of CHAT_PARTICLES) expect([...p]).toHaveLength(1);
    expect(new Set(CHAT_WORDS.words())).toEqual(new Set(phrases));
  });

  it("hides no phrase inside a word of the indicator vocabulary or the synonyms", () => {
    const vocabulary = [DEFAULT_INDICATORS_FILE, DEFAULT_SYNONYMS_FILE].flatMap((f) => [
      ...parseSynonyms(readFileSync(f, "utf8")).keys(),
    ]);
    const hidden = vocabulary.filter((word) => [...word].some((_, i) => CHAT_WORDS.at(word, i)));
    expect(hidden).toEqual([]);
  });
});

describe("MESSAGE_MARKUP: what a platform leaves in a message", () => {
  it.each([
    ["<b>广东</b>GDP多少", " 广东 GDP多少"],
    ["<script>alert(1)</script>新增学位多少", " 新增学位多少"],
    ["<!channel> 湖北GDP多少", "  湖北GDP多少"],
    ["<@U0123ABC> 新增学位多少", "  新增学位多少"],
    ["<https://example.org|链接> 新增学位多少", "  新增学位多少"],
    ["@all 浙江GDP", "  浙江GDP"],
    ["@所有人 新增学位多少", "  新增学位多少"],
    // Comparisons and figures stay.
    ["2025年GDP增长5%以上", "2025年GDP增长5%以上"],
  ])("%s", (message, expected) => {
    expect(message.replace(MESSAGE_MARKUP, " ")).toBe(expected);
  });
});

describe("MENTIONS: mentions standing as words of their own, removed where a message is parsed", () => {
  it.each([
    ["@alice 新增学位多少", "  新增学位多少"],
    ["<!channel> <@U999> 新增学位多少", "    新增学位多少"],
    ["<@U999|bob> ＠所有人 核实 新增学位28万个", "    核实 新增学位28万个"],
    ["<#C1|general> 新增学位多少", "  新增学位多少"],
    // Not a mention: the bot named after a command, an address, markup that is no mention.
    ["/help@policy_bot", "/help@policy_bot"],
    ["a@b.org 新增学位多少", "a@b.org 新增学位多少"],
    ["/<!channel>", "/<!channel>"],
    ["<b>广东</b>GDP多少", "<b>广东</b>GDP多少"],
  ])("%s", (message, expected) => {
    expect(message.replace(MENTIONS, " ")).toBe(expected);
  });
});

describe("COURTESY_WORDS: said to the bot, never an indicator word", () => {
  it.each(["早上好", "谢谢", "再见", "好的"])("%s", (word) => {
    expect(COURTESY_WORDS.words()).toContain(word);
  });
});
