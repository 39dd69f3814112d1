import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLayout } from "../../src/corpus/blocks.js";
import { classifyLine } from "../../src/corpus/classify-line.js";
import { parseDocument } from "../../src/corpus/parse-document.js";

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");
const blocks = (text: string) =>
  buildLayout(text).items.flatMap((i) => (i.type === "block" ? [i.block.text.text] : []));

describe("classifyLine", () => {
  it.each([
    ["九九九热视频_日韩毛片在线看_软萌小仙自慰喷白浆_天堂av免费观看", "drop"],
    ["点击查看版面↓↓↓", "separator"],
    ["(上接1版)", "separator"],
    ["相关新闻", "separator"],
    [
      "凡注明来源重庆日报的作品,版权均属重庆日报所有,未经授权不得转载、摘编或利用其它方式使用上述作品。",
      "drop",
    ],
    [" 關于重慶更多的相關文章請點擊查看 ", "drop"],
    ["特別說明:由于各方面情況的不斷調整與變化,華禹教育網所提供的信息僅供參考", "drop"],
    ["(四川省人力资源和社会保障厅供图)", "drop"],
    ["11 月 19 日，全市教育大会召开。记者 苏思 摄/视觉重庆", "drop"],
    ["实习生 赵元元 摄", "drop"],
    ["16", "drop"],
    ["□ 重庆日报记者 云钰", "byline"],
    ["来源：《上游新闻》", "source"],
    ["2025-04-24 07:38", "timestamp"],
    ["http://m.hxsscy.com  2025年2月28日  來源:重慶市人民政府網站", "siteinfo"],
    ["新增学位27.8万个，有效满足适龄青少年入学需求。", "text"],
    ["早报|特刊·牢记嘱托 感恩奋进", "text"],
  ])("%s -> %s", (line, kind) => {
    expect(classifyLine(line).kind).toBe(kind);
  });

  it("keeps a paragraph-length line as text even when it quotes page furniture (a page without line breaks)", () => {
    const body = "近年来，全市新增学位27.8万个，有效满足适龄青少年入学需求。".repeat(6);
    const line = `${body}点击查看版面↓↓↓凡注明来源重庆日报的作品,版权均属重庆日报所有,未经授权不得转载。${body}`;
    expect(line.length).toBeGreaterThan(300);
    expect(classifyLine(line).kind).toBe("text");
    const doc = parseDocument("one-line.txt", `全市教育大会召开\n\n${line}\n`);
    expect(doc.passages.filter((p) => p.text.includes("27.8万个")).length).toBe(12);
  });

  it("reads publisher and date from a site line, as written", () => {
    expect(classifyLine("http://m.hxsscy.com  2025年2月28日  來源:重慶市人民政府網站")).toEqual({
      kind: "siteinfo",
      url: "http://m.hxsscy.com",
      date: "2025-02-28",
      publisher: "重慶市人民政府網站",
    });
  });
});

describe("buildLayout joins lines broken inside sentences and keeps real breaks", () => {
  it.each([
    [
      "a word split by a PDF line break",
      "重庆还不断建设城乡学校“共同体”。通\n\n过集团化办学等方式，推动资源下沉。",
      ["重庆还不断建设城乡学校“共同体”。通过集团化办学等方式，推动资源下沉。"],
    ],
    [
      "spaces inside dates and figures",
      "11 月 19 日，高等教育毛入学率达 63.5 %，均超过全国平均水平。",
      ["11月19日，高等教育毛入学率达63.5%，均超过全国平均水平。"],
    ],
    [
      "a line ending in a comma",
      "在优化布局方面，强化寄宿制学校建设，\n\n办好必要的乡村小规模学校。",
      ["在优化布局方面，强化寄宿制学校建设，办好必要的乡村小规模学校。"],
    ],
    [
      "a heading before its paragraph",
      "建立编制周转制度，优先用于补充义务教育教师\n\n重庆还不断建设城乡学校“共同体”。",
      ["建立编制周转制度，优先用于补充义务教育教师", "重庆还不断建设城乡学校“共同体”。"],
    ],
    ["two finished paragraphs", "第一段结束了。\n第二段开始。", ["第一段结束了。", "第二段开始。"]],
    ["full-width digits folded", "新增学位２７．８万个。", ["新增学位27.8万个。"]],
  ])("%s", (_name, text, expected) => {
    expect(blocks(text)).toEqual(expected);
  });

  it("joins fixed-width PDF lines (seed 003) into whole sentences", () => {
    const text = blocks(seed("003_a6ca4f19812664d6.txt")).join("\n");
    expect(text).toContain(
      "11月19日，全市教育大会召开。市委书记袁家军出席会议并讲话。他强调，要深入学习贯彻",
    );
    expect(text).toContain(
      "学前教育毛入园率达93.1%、义务教育巩固率达95.9%、高中阶段毛入学率达98.7%、高等教育毛入学率达63.5%，均超过全国平均水平。",
    );
    expect(text).not.toMatch(/摄\/视觉重庆/);
  });
});

describe("parseDocument", () => {
  it("splits a newspaper page into its articles with headlines and bylines (seed 000)", () => {
    const doc = parseDocument("000.txt", seed("000_b9ed197b52a22f3b.txt"));
    const titles = doc.articles.map((a) => a.title);
    expect(titles).toContain("重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县");
    expect(titles).toContain("今年以来重庆为软信创业项目发放创业担保贷款3164万元");
    expect(titles).toContain("缅北电信网络诈骗犯罪集团重要头目明国平等被缉拿归案");
    expect(doc.articles[0]?.publisher).toBe("重庆日报");
    const lede = doc.passages.find((p) => p.text.includes("新增学位27.8万个"));
    expect(lede).toMatchObject({ article: 0, paragraph: 1 });
  });

  it("drops the spam banner, site furniture and disclaimer, and keeps traditional script as written (seed 004)", () => {
    const original = seed("004_feb311baa4a463b7.txt");
    const doc = parseDocument("004.txt", original);
    const all = doc.passages.map((p) => p.text).join("\n");
    expect(all).not.toMatch(/毛片|點擊查看|特別說明|hxsscy/);
    expect(doc.meta).toMatchObject({
      date: "2025-02-28",
      url: "http://m.hxsscy.com",
      publisher: "重慶市人民政府網站",
    });
    expect(doc.meta.title).toBe("重慶加快建設教育強市推進教育現代化規劃(2024—2035年)");
    const sport = doc.passages.find((p) => p.text.includes("2小時"));
    expect(sport?.norm).toContain("2小时");
  });

  it("drops a paragraph repeated at the end of an article (seed 002)", () => {
    const doc = parseDocument("002.txt", seed("002_e06f9fd0af4b4d19.txt"));
    const repeated = doc.passages.filter((p) =>
      p.text.startsWith("“所有诊所必须将发热咳嗽药品及时封存下架暂停销售"),
    );
    expect(repeated).toHaveLength(1);
  });

  it("gives every passage offsets into the original text", () => {
    for (const name of ["000_b9ed197b52a22f3b.txt", "003_a6ca4f19812664d6.txt", "004_feb311baa4a463b7.txt"]) {
      const original = seed(name);
      const doc = parseDocument(name, original);
      for (const p of doc.passages) {
        const slice = original.slice(p.start, p.end).replace(/\s+/g, "").normalize("NFKC");
        expect(slice).toBe(p.text.replace(/\s+/g, "").normalize("NFKC"));
      }
    }
  });
});

describe("article info lines", () => {
  it("reads an HTML article's 来源/发布时间 line as page information, not as part of the headline", () => {
    const { items, info } = buildLayout(
      "江北区加快新能源汽车充电设施建设\n来源：江北区人民政府网　发布时间：2025-05-20\n记者获悉，江北区已建成公共充电桩4200个。\n",
    );
    expect(info).toMatchObject({ publisher: "江北区人民政府网", date: "2025-05-20" });
    expect(items.filter((i) => i.type === "block")).toHaveLength(2);
  });
});
