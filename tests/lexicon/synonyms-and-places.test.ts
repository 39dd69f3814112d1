import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import { findPlaces, homePlace, loadGazetteer, parsePlaces } from "../../src/lexicon/places.js";
import { loadSynonyms, parseSynonyms, segmentationWords, synonymsOf } from "../../src/lexicon/synonyms.js";
import { normalizeQuery } from "../../src/text/script.js";
import { cut } from "../../src/text/segment.js";
import { embeddedIndex } from "../engine/embedded-index.js";
import { quote } from "./quote.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lexicon-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test's temp directory and returns its path. */
function tempFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("parseSynonyms", () => {
  it.each([
    ["every word of a group finds the others", "老师 教师 教职工", "教师", ["老师", "教职工"]],
    ["a word does not find itself", "老师 教师 教职工", "老师", ["教师", "教职工"]],
    ["a word written twice counts once", "普高 普通高中 普高", "普高", ["普通高中"]],
    ["a comment after the words is left out", "访问量 浏览量 # 重庆智慧教育平台访问量", "访问量", ["浏览量"]],
    ["a whole-line comment is left out", "# 老师 教师\n", "老师", []],
    ["traditional script is read as simplified", "學位 學額", "学位", ["学额"]],
    ["full-width letters are folded", "ＧＤＰ 地区生产总值", "gdp", ["地区生产总值"]],
    ["tabs and runs of spaces separate words", "毛入学率\t\t入学率   毛入学率", "入学率", ["毛入学率"]],
  ])("%s", (_why, text, word, expected) => {
    expect(synonymsOf(parseSynonyms(text), word).sort()).toEqual([...expected].sort());
  });

  it("joins the groups a word stands in (新增 in two lines)", () => {
    const table = parseSynonyms("新建 新增\n新增 增加 增长\n");
    expect(synonymsOf(table, "新增").sort()).toEqual(["增加", "增长", "新建"].sort());
    expect(synonymsOf(table, "新建")).toEqual(["新增"]);
  });

  it("adds to a table it is given", () => {
    const table = parseSynonyms("营收 营业收入");
    parseSynonyms("营收 收入", table);
    expect(synonymsOf(table, "营收").sort()).toEqual(["收入", "营业收入"].sort());
  });
});

describe("loadSynonyms", () => {
  it("reads the shipped table", () => {
    const table = loadSynonyms();
    expect(synonymsOf(table, "普惠园")).toEqual(["普惠性幼儿园"]);
    expect(synonymsOf(table, "gdp")).toContain("地区生产总值");
  });

  it("adds a user's file to the shipped table and skips a file that does not exist", () => {
    const extra = tempFile(
      "synonyms.txt",
      "# 用户的同义词\n集装箱吞吐量 箱量\n普惠园 普惠性幼儿园 普惠幼儿园\n",
    );
    const table = loadSynonyms([extra, join(dir, "missing.txt")]);
    expect(synonymsOf(table, "箱量")).toEqual(["集装箱吞吐量"]);
    expect(synonymsOf(table, "普惠园").sort()).toEqual(["普惠性幼儿园", "普惠幼儿园"].sort());
    expect(synonymsOf(table, "老师").sort()).toEqual(["教师", "教职工"].sort());
  });
});

describe("loadGazetteer", () => {
  it("reads the shipped list longest first", () => {
    const gazetteer = loadGazetteer();
    expect(gazetteer).toContain("两江新区");
    expect(gazetteer).toContain("重庆");
    const lengths = gazetteer.map((n) => n.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("adds a corpus places.txt: comments skipped, traditional script simplified, one-character names dropped", () => {
    const extra = tempFile("places.txt", "# 浙江的港口城市\n舟山 臺州\n港\n两江\n");
    const gazetteer = loadGazetteer([extra, join(dir, "missing-places.txt")]);
    expect(gazetteer).toEqual(expect.arrayContaining(["舟山", "台州", "两江", "两江新区"]));
    expect(gazetteer).not.toContain("港");
    expect(gazetteer.indexOf("两江新区")).toBeLessThan(gazetteer.indexOf("两江"));
    expect(parsePlaces("# 注释 北京\n上海")).toEqual(["上海"]);
  });
});

describe("findPlaces", () => {
  let gazetteer: string[];
  beforeAll(() => {
    gazetteer = loadGazetteer([tempFile("more-places.txt", "两江 舟山 高新区\n")]);
  });

  it.each([
    // 两江新区 wins over 两江 inside it; then 重庆 (in 重庆高新区) and 万盛, in order of mention
    [
      quote("003", "各区县，两江新区、重庆高新区、万盛经开区设分会场。"),
      ["两江新区", "重庆", "高新区", "万盛"],
    ],
    // 四川 before 天府新区
    [quote("002", "支持四川天府新区省级教育综合改革试验区建设"), ["四川", "天府新区"]],
    // each place once, in order of first mention
    [quote("gd", "深化广州、深圳双城联动、战略协同，支持广州实现老城市新活力"), ["广州", "深圳"]],
    // a name from the corpus places.txt (舟山) next to a shipped one (宁波)
    [quote("zj", "宁波舟山港集装箱吞吐量4387万标箱、增长11.6%"), ["宁波", "舟山"]],
    // traditional script, as the index reads it (normalized)
    [quote("004", "根據《教育強國建設規劃綱要(2024—2035年)》"), []],
    [quote("004", "重慶加快建設教育強市推進教育現代化規劃(2024—2035年)"), ["重庆"]],
  ])("%s -> %j", (line, places) => {
    expect(findPlaces(gazetteer, normalizeQuery(line))).toEqual(places);
  });
});

describe("homePlace", () => {
  it.each([
    [
      "the most frequent place",
      [
        ["四川", 3],
        ["重庆", 12],
        ["成都", 2],
      ],
      "重庆",
    ],
    [
      "the first of a tie",
      [
        ["广州", 4],
        ["深圳", 4],
      ],
      "广州",
    ],
    ["none counted", [], null],
  ] as [string, [string, number][], string | null][])("%s", (_why, counts, home) => {
    expect(homePlace(new Map(counts))).toBe(home);
  });
});

describe("a corpus directory extends both lists", () => {
  it("createEngine reads CORPUS_DIR/synonyms.txt and CORPUS_DIR/places.txt", async () => {
    const corpus = mkdtempSync(join(dir, "corpus-"));
    writeFileSync(
      join(corpus, "zj.txt"),
      [
        quote("zj", "2026年浙江省政府工作报告"),
        "",
        quote(
          "zj",
          "中欧北极集装箱航线成功首航，30万吨级条帚门航道建成投运，宁波舟山港集装箱吞吐量4387万标箱、增长11.6%，保税燃料油加注880万吨、跻身全球第三大加油港。",
        ),
        "",
      ].join("\n"),
    );
    writeFileSync(join(corpus, "synonyms.txt"), "集装箱吞吐量 箱量\n");
    writeFileSync(join(corpus, "places.txt"), "舟山\n");
    const engine = await createEngine({ corpusDir: corpus });
    expect(synonymsOf(engine.synonyms, "箱量")).toEqual(["集装箱吞吐量"]);
    expect(engine.documents.gazetteer).toContain("舟山");
    const id = embeddedIndex(engine).passages.findIndex((p) => p.text.includes("4387万标箱"));
    expect(embeddedIndex(engine).facts[id]?.places).toEqual(["宁波", "舟山"]);
  });
});

describe("segmentationWords: the vocabulary's long words stay one jieba word", () => {
  it("lists words of three Han characters or more, and jieba keeps them whole", () => {
    const words = segmentationWords();
    expect(words).toContain("城镇新增就业");
    for (const w of words) expect(w).toMatch(/^\p{Script=Han}{3,}$/u);
    expect(cut("城镇新增就业141万人")).toContain("城镇新增就业");
  });
});
