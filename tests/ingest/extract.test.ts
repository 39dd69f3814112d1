import { describe, expect, it } from "vitest";
import { extractText } from "../../src/corpus/extract.js";
import { AppError } from "../../src/errors.js";
import { makeDocx, makeHtml, makeImageOnlyPdf, makePdf } from "./fixtures.js";

const POLICY = ["某某区城市更新工作情况", "今年以来，某某区新增停车位1.2万个，改造老旧小区86个。"];
/** "某某区人民政府关于2024年城市建设情况的通报\n全区新建城市公园12个，新增绿地面积35.6万平方米。\n" in GBK. */
const GBK_HEX =
  "c4b3c4b3c7f8c8cbc3f1d5feb8aeb9d8d3da32303234c4eab3c7cad0bda8c9e8c7e9bff6b5c4cda8b1a80ac8abc7f8d0c2bda8b3c7cad0b9abd4b03132b8f6a3acd0c2d4f6c2ccb5d8c3e6bbfd33352e36cdf2c6bdb7bdc3d7a1a30a";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(bytes: Uint8Array, file: string): Promise<AppError> {
  const e = await extractText(bytes, file).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("extractText by format", () => {
  it("reads UTF-8 and GBK text and Markdown as they are", async () => {
    expect((await extractText(utf8(POLICY.join("\n")), "a.txt")).text).toContain("新增停车位1.2万个");
    const gbk = await extractText(Buffer.from(GBK_HEX, "hex"), "b.txt");
    expect(gbk.text).toContain("新增绿地面积35.6万平方米");
    expect((await extractText(utf8(`# ${POLICY[0]}\n\n${POLICY[1]}`), "c.md")).text).toContain("86个");
  });

  it("takes an HTML article without nav, header, footer, aside or cookie banner, with its meta", async () => {
    const html = makeHtml({
      title: "某某区新增停车位1.2万个",
      site: "某某区人民政府",
      published: "2025-03-01T08:00:00+08:00",
      paragraphs: [
        "记者从区住建委获悉，今年以来某某区新增停车位1.2万个。",
        "其中公共停车位0.5万个，居住区停车位0.7万个。",
      ],
    });
    const { text, meta } = await extractText(utf8(html), "page.html");
    expect(text.split("\n")).toEqual(
      expect.arrayContaining([
        "记者从区住建委获悉，今年以来某某区新增停车位1.2万个。",
        "其中公共停车位0.5万个，居住区停车位0.7万个。",
      ]),
    );
    expect(text.split("\n")[0]).toBe("某某区新增停车位1.2万个");
    for (const chrome of ["Cookie", "政务公开", "热点推荐", "备案号", "无障碍", "window.track"])
      expect(text).not.toContain(chrome);
    expect(meta).toEqual({
      title: "某某区新增停车位1.2万个",
      publisher: "某某区人民政府",
      date: "2025-03-01",
    });
  });

  it("reads government-CMS metas and <time datetime>: source before site, PubDate, canonical URL", async () => {
    const head = `<meta name="SiteName" content="某某区人民政府网站"><meta name="ContentSource" content="某某日报">
      <meta name="PubDate" content="2025-02-28 09:00"><link rel="canonical" href="https://www.example.gov.cn/a.html">`;
    const html = `<html><head>${head}<title>通报</title></head><body><article><h1>某某区城市更新情况通报</h1>
      <p>今年以来，某某区新增停车位1.2万个。</p></article></body></html>`;
    const { meta } = await extractText(utf8(html), "cms.html");
    expect(meta).toEqual({
      title: "某某区城市更新情况通报",
      publisher: "某某日报",
      date: "2025-02-28",
      url: "https://www.example.gov.cn/a.html",
    });
    const timed = `<html><body><article><time datetime="2024-12-05T10:00">12月5日</time><p>新增绿地35.6万平方米。</p></article></body></html>`;
    expect((await extractText(utf8(timed), "t.html")).meta.date).toBe("2024-12-05");
  });

  it("decodes a GBK page by its declared charset, and an undeclared one by detection", async () => {
    const body = Buffer.from(GBK_HEX, "hex");
    const wrap = (head: string) =>
      Buffer.concat([
        Buffer.from(`<html><head>${head}</head><body><p>`),
        body,
        Buffer.from("</p></body></html>"),
      ]);
    for (const head of ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ""]) {
      const { text } = await extractText(wrap(head), "gbk.htm");
      expect(text).toContain("全区新建城市公园12个");
    }
  });

  it("falls back to the body text when Readability finds no article, still without the chrome", async () => {
    const html = `<html><body><nav>首页 要闻</nav><div>某某区新增停车位1.2万个。</div><footer>版权所有</footer></body></html>`;
    const { text } = await extractText(utf8(html), "short.html");
    expect(text).toContain("某某区新增停车位1.2万个。");
    expect(text).not.toContain("要闻");
    expect(text).not.toContain("版权所有");
  });

  it("reads a PDF's Chinese text layer and its info title and creation date", async () => {
    const pdf = await makePdf(POLICY, { title: "城市更新情况", date: new Date("2025-03-01T00:00:00Z") });
    const { text, meta } = await extractText(pdf, "report.pdf");
    expect(text).toBe(POLICY.join("\n"));
    expect(meta).toEqual({ title: "城市更新情况", date: "2025-03-01" });
  });

  it("reads a DOCX one paragraph a line, with the core-properties title", async () => {
    const { text, meta } = await extractText(await makeDocx(POLICY, { title: "城市更新" }), "notice.docx");
    expect(text).toBe(POLICY.join("\n"));
    expect(meta).toEqual({ title: "城市更新" });
  });

  it("refuses scanned, corrupt and unsupported files with the file name and the fix", async () => {
    const scan = await refusal(await makeImageOnlyPdf(), "scan.pdf");
    expect(scan.code).toBe("NO_TEXT");
    expect(scan.message).toMatch(/scan\.pdf: no text layer \(scanned PDF\?\) — OCR it first/);
    const broken = await refusal(utf8("%PDF-1.4\nthis is not really a pdf"), "broken.pdf");
    expect(broken.code).toBe("UNDECODABLE");
    expect(broken.message).toMatch(/broken\.pdf: not a readable PDF \(/);
    const docx = await refusal(utf8("PK not a zip"), "broken.docx");
    expect(docx.code).toBe("UNDECODABLE");
    expect(docx.message).toContain("broken.docx");
    expect((await refusal(utf8("a,b"), "sheet.xlsx")).code).toBe("UNSUPPORTED_TYPE");
  });
});
