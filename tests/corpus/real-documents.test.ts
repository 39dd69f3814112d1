import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyLine } from "../../src/corpus/classify-line.js";
import { parseDocument } from "../../src/corpus/parse-document.js";
import { loadSegmenter } from "../../src/text/segment.js";

const DIR = "tests/fixtures/gov-reports-2026";
const reports = readdirSync(DIR).filter((f) => f.endsWith(".txt"));

beforeAll(() => {
  loadSegmenter();
});

describe("page furniture of real sites (lines from the 2026 provincial reports)", () => {
  it.each([
    ["下载", "drop"],
    ["打印", "drop"],
    ["全屏", "drop"],
    ["收藏", "drop"],
    ["【字号：", "drop"],
    ["加大", "drop"],
    ["减小", "drop"],
    ["】", "drop"],
    ["【字体：", "drop"],
    ["【字体：大 中 小】 分享", "drop"],
    ["分享:", "drop"],
    ["分享到微信", "drop"],
    ["×", "drop"],
    ["扫一扫在手机打开当前页", "drop"],
    ["》》点击图片进入专题《《", "drop"],
    ["您的位置:", "crumb"],
    ["首页", "crumb"],
    [">", "crumb"],
    ["各位代表：", "drop"],
    ["各位代表！", "drop"],
    ["省人民政府省长 王清宪", "drop"],
    ["广东省省长 孟凡利", "drop"],
    ["省长　王予波", "drop"],
    ["省长赵刚作政府工作报告", "drop"],
    ["2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚", "drop"],
    ["时间：2026-02-11", "siteinfo"],
    ["时间：", "label"],
    ["来源：", "label"],
    ["来源：安徽日报", "source"],
    ["2026-02-03 09:02:33", "timestamp"],
    ["相关报道：", "separator"],
    ["相关文档：", "separator"],
    ["---", "separator"],
    ["title: 2026年浙江省政府工作报告", "drop"],
    // Text that looks short but is the report's own.
    ["各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围。", "text"],
    ["一、2025年和“十四五”时期工作回顾", "text"],
    ["2026年安徽省政府工作报告", "text"],
    ["中小学", "text"],
  ])("%s -> %s", (line, kind) => {
    expect(classifyLine(line).kind).toBe(kind);
  });
});

describe("the 12 reports as scraped, read without their manifest", () => {
  const docs = reports.map((f) => ({ f, doc: parseDocument(f, readFileSync(`${DIR}/${f}`, "utf8")) }));

  it.each(reports)("%s gets a real title and a date", (f) => {
    const { doc } = docs.find((d) => d.f === f) as (typeof docs)[number];
    expect(doc.meta.title).toMatch(/^[^—（(]*政府工作报告$/);
    expect(doc.meta.date).toMatch(/^2026-0[12]-\d\d$/);
  });

  it("indexes no furniture line and no markdown syntax", () => {
    for (const { f, doc } of docs)
      for (const p of doc.passages) {
        const where = `${f}: ${p.text}`;
        expect(classifyLine(p.text).kind, where).toBe("text");
        expect(p.text, where).not.toMatch(
          /^(各位代表[：！]|下载|打印|收藏|分享|首页|来源：|时间：)$|【字[号体]|\*\*|\]\(/,
        );
      }
  });

  it("the breadcrumb items and label values of a scraped page are not text", () => {
    const sn = docs.find((d) => d.f === "sn_gwr2026.txt")?.doc;
    const texts = sn?.passages.map((p) => p.text) ?? [];
    for (const crumb of ["政府信息公开", "省政府工作报告", "陕西省人民政府"])
      expect(texts).not.toContain(crumb);
    expect(sn?.meta.publisher).toBe("陕西省人民政府");
  });

  it("a report is one article: its sections (一、… （一）…) do not open articles", () => {
    for (const { f, doc } of docs) {
      const withBody = doc.articles.filter((a) =>
        doc.passages.some((p) => p.article === a.index && p.paragraph > 0),
      );
      // Guangdong's report ends with a glossary appendix (附件2 名词解释), an article of its own.
      expect(withBody.length, f).toBeLessThanOrEqual(f.startsWith("gd") ? 2 : 1);
    }
  });
});
