import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import {
  PDFOperatorNames as Ops,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  type PDFRef,
} from "pdf-lib";

/** Metadata to write into a built PDF or DOCX. */
export interface FixtureProps {
  title?: string;
  date?: Date;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, "0").toUpperCase();
}

/** A ToUnicode CMap mapping CID i+1 to chars[i] (bfchar blocks hold at most 100 entries). */
function toUnicodeCMap(chars: string[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const part = chars.slice(i, i + 100);
    const rows = part.map((c, j) => `<${hex4(i + j + 1)}> <${hex4(c.charCodeAt(0))}>`);
    blocks.push(`${part.length} beginbfchar\n${rows.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...blocks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
}

/** Lines of 45 characters at 12 pt fit the width of an A4 page; 44 rows its height. */
const PAGE_ROWS = 44;

/** Content-stream operators writing rows top-down as CIDs (index of each character in `chars`, from 1). */
function textOperators(rows: string[], chars: string[]): PDFOperator[] {
  const cid = new Map(chars.map((c, i) => [c, hex4(i + 1)]));
  const ops = [
    PDFOperator.of(Ops.BeginText),
    PDFOperator.of(Ops.SetFontAndSize, [PDFName.of("F1"), PDFNumber.of(12)]),
    PDFOperator.of(Ops.SetTextLineHeight, [PDFNumber.of(18)]),
    PDFOperator.of(Ops.MoveText, [PDFNumber.of(28), PDFNumber.of(800)]),
  ];
  for (const row of rows) {
    const cids = [...row].map((c) => cid.get(c)).join("");
    ops.push(PDFOperator.of(Ops.ShowText, [PDFHexString.of(cids)]), PDFOperator.of(Ops.NextLine));
  }
  ops.push(PDFOperator.of(Ops.EndText));
  return ops;
}

/** A Type0/Identity-H font with a ToUnicode CMap and no font program: enough for text extraction. */
function addCjkFont(pdf: PDFDocument, chars: string[]): PDFRef {
  const ctx = pdf.context;
  const descriptor = ctx.obj({
    Type: "FontDescriptor",
    FontName: "NoEmbedCJK",
    Flags: 4,
    FontBBox: [0, -120, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 700,
    StemV: 80,
  });
  const cidFont = ctx.obj({
    Type: "Font",
    Subtype: "CIDFontType2",
    BaseFont: "NoEmbedCJK",
    CIDSystemInfo: {
      Registry: PDFHexString.fromText("Adobe"),
      Ordering: PDFHexString.fromText("Identity"),
      Supplement: 0,
    },
    FontDescriptor: ctx.register(descriptor),
    DW: 1000,
  });
  const font = ctx.obj({
    Type: "Font",
    Subtype: "Type0",
    BaseFont: "NoEmbedCJK",
    Encoding: "Identity-H",
    DescendantFonts: [ctx.register(cidFont)],
    ToUnicode: ctx.register(ctx.flateStream(toUnicodeCMap(chars))),
  });
  return ctx.register(font);
}

/**
 * A PDF of Chinese lines (wrapped at 45 characters, 44 rows a page) in a font without a font program, so
 * the tests need no CJK font file; metadata only as given.
 */
export async function makePdf(lines: string[], props: FixtureProps = {}): Promise<Uint8Array> {
  // no default metadata: pdf-lib would stamp today's date as the creation date
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const chars = [...new Set(lines.join(""))];
  const font = addCjkFont(pdf, chars);
  const rows = lines.flatMap((l) => l.match(/.{1,45}/gu) ?? []);
  for (let i = 0; i < rows.length; i += PAGE_ROWS) {
    const page = pdf.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of("F1"), font);
    page.pushOperators(...textOperators(rows.slice(i, i + PAGE_ROWS), chars));
  }
  if (props.title) pdf.setTitle(props.title);
  if (props.date) pdf.setCreationDate(props.date);
  return pdf.save();
}

/** A PDF page with a rectangle and no text at all (what a scan looks like to text extraction). */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return pdf.save();
}

/** A DOCX with one paragraph per line, built with the docx package. */
export async function makeDocx(lines: string[], props: FixtureProps = {}): Promise<Uint8Array> {
  const doc = new Document({
    title: props.title,
    sections: [{ children: lines.map((l) => new Paragraph({ text: l })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A news page: site chrome (nav, header, footer, cookie banner) around one article. */
export function makeHtml(opts: {
  title: string;
  site: string;
  published: string;
  paragraphs: string[];
}): string {
  const paras = opts.paragraphs.map((p) => `      <p>${p}</p>`).join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>${opts.title} - ${opts.site}</title>
  <meta property="og:title" content="${opts.title}">
  <meta property="og:site_name" content="${opts.site}">
  <meta property="article:published_time" content="${opts.published}">
  <style>body { font-family: sans-serif; }</style>
  <script>window.track = function () {};</script>
</head>
<body>
  <header><a href="/">${opts.site}首页</a> <span>无障碍浏览</span></header>
  <nav><ul><li><a href="/news">要闻</a></li><li><a href="/gov">政务公开</a></li><li><a href="/service">办事服务</a></li></ul></nav>
  <div class="cookie-banner" id="cookie-consent">本网站使用Cookie以改善浏览体验，继续浏览即表示同意。<button>同意</button></div>
  <main>
    <article>
      <h1>${opts.title}</h1>
      <div class="info">来源：${opts.site}　发布时间：${opts.published.slice(0, 10)}</div>
${paras}
    </article>
  </main>
  <aside><h3>热点推荐</h3><ul><li><a href="/a">全市加快推进城市更新工作会议召开</a></li></ul></aside>
  <footer><p>主办单位：${opts.site}　版权所有　备案号：渝ICP备00000000号</p></footer>
</body>
</html>`;
}

/**
 * A folder `inbox-<batch>` under `root` of `count` distinct documents plus a report.txt of its own (every batch
 * has one: concurrent batches race for the name).
 */
export function batchInbox(root: string, batch: number, count: number): string {
  const dir = join(root, `inbox-${batch}`);
  mkdirSync(dir);
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(dir, `doc-${batch}-${i}.txt`),
      `第${batch}批第${i}号通知\n今年以来，某某区新增停车位${batch * 1000 + i}个。\n`,
    );
  writeFileSync(join(dir, "report.txt"), `第${batch}号报告\n全区新建城市公园${batch + 10}个。\n`);
  return dir;
}
