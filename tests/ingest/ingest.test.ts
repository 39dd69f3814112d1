import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type IngestOptions, ingestFiles } from "../../src/corpus/ingest.js";
import { parseManifest } from "../../src/corpus/manifest.js";
import { makeDocx, makeHtml, makeImageOnlyPdf, makePdf } from "./fixtures.js";

const CLOCK = () => new Date(2025, 5, 9, 10, 0, 0);
const TEXT = "某某区城市更新工作情况\n今年以来，某某区新增停车位1.2万个，改造老旧小区86个。\n";

let corpus: string;
let inbox: string;
let options: IngestOptions;

function put(name: string, data: string | Uint8Array): string {
  const path = join(inbox, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, data);
  return path;
}

function manifest(): Array<Record<string, unknown>> {
  const path = join(corpus, "manifest.json");
  parseManifest(readFileSync(path, "utf8"), path); // still valid for the loader
  return JSON.parse(readFileSync(path, "utf8")).documents;
}

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), "ingest-"));
  corpus = join(root, "corpus");
  inbox = join(root, "inbox");
  mkdirSync(corpus);
  mkdirSync(inbox);
  options = { corpusDir: corpus, maxDocMb: 20, clock: CLOCK };
});

describe("ingestFiles", () => {
  it("adds each format with its metadata and a dated manifest note, leaving no temporary file", async () => {
    const html = makeHtml({
      title: "某某区新增停车位1.2万个",
      site: "某某区人民政府",
      published: "2025-03-01T08:00:00+08:00",
      paragraphs: ["记者获悉，今年以来某某区新增停车位1.2万个。"],
    });
    const files = [
      put("a.txt", TEXT),
      put("b.md", `# 绿化情况\n\n全区新建城市公园12个。\n`),
      put("c.html", html),
      put("d.pdf", await makePdf(["全区新增公共充电桩3200个。"], { title: "充电设施建设" })),
      put("e.docx", await makeDocx(["全区新增养老床位1500张。"])),
    ];
    const results = await ingestFiles(files, options);
    expect(results.map((r) => r.status)).toEqual(["added", "added", "added", "added", "added"]);
    expect(results[2]).toMatchObject({
      doc: "c.html",
      title: "某某区新增停车位1.2万个",
      publisher: "某某区人民政府",
      date: "2025-03-01",
    });
    expect(results[3]).toMatchObject({ doc: "d.pdf", title: "充电设施建设", date: null });
    expect(readdirSync(corpus).sort()).toEqual([
      "a.txt",
      "b.md",
      "c.html",
      "d.pdf",
      "e.docx",
      "manifest.json",
    ]);
    const entries = manifest();
    expect(entries).toHaveLength(5);
    expect(entries[0]).toEqual({
      file: "a.txt",
      title: "某某区城市更新工作情况",
      publisher: null,
      date: null,
      url: null,
      note: "ingested 2025-06-09",
    });
    expect(readFileSync(join(corpus, "d.pdf"))).toEqual(readFileSync(files[3] as string));
  });

  it("lets the command line win over the document's own metadata and the text", async () => {
    const pdf = put("r.pdf", await makePdf(["全区新增公共充电桩3200个。"], { title: "旧标题" }));
    const meta = {
      title: "充电桩建设通报",
      publisher: "某某区发改委",
      date: "2025-04",
      url: "https://example.gov.cn/r",
    };
    const [r] = await ingestFiles([pdf], { ...options, meta });
    expect(r).toMatchObject({
      status: "added",
      title: "充电桩建设通报",
      publisher: "某某区发改委",
      date: "2025-04",
    });
    expect(manifest()[0]).toMatchObject({ ...meta, file: "r.pdf" });
  });

  it("reads a directory recursively in sorted order, skipping hidden and unsupported files", async () => {
    put("dir/z.txt", "全区新建城市公园12个。\n");
    put("dir/sub/a.txt", TEXT);
    put("dir/.hidden.txt", "隐藏文件。\n");
    put("dir/table.xlsx", "x");
    const results = await ingestFiles([join(inbox, "dir")], options);
    expect(results.map((r) => r.file)).toEqual([join(inbox, "dir/sub/a.txt"), join(inbox, "dir/z.txt")]);
  });

  it("refuses what it cannot add, one reason a file, and adds nothing for them", async () => {
    const big = "某某区新增停车位1.2万个。\n".repeat(20);
    const files = [
      put("corrupt.pdf", "%PDF-1.7\n1 0 obj garbage"),
      put("scan.pdf", await makeImageOnlyPdf()),
      put("empty.txt", ""),
      put("sheet.xlsx", "PK"),
      join(inbox, "missing.pdf"),
    ];
    const results = await ingestFiles(files, options);
    results.push(...(await ingestFiles([put("big.txt", big)], { ...options, maxDocMb: 0.0001 })));
    expect(results.map((r) => (r.status === "refused" ? r.code : r.status))).toEqual([
      "UNDECODABLE",
      "NO_TEXT",
      "NO_TEXT",
      "UNSUPPORTED_TYPE",
      "INPUT_INVALID",
      "TOO_LARGE",
    ]);
    expect(results[1]).toMatchObject({
      reason: expect.stringMatching(/^no text layer \(scanned PDF\?\) — OCR it first/),
    });
    expect(results[5]).toMatchObject({ reason: expect.stringContaining("MAX_DOC_MB") });
    for (const r of results) expect(r.status === "refused" && r.reason.includes("\n")).toBe(false);
    expect(readdirSync(corpus)).toEqual([]);
  });

  it("holds a file to the same document limits as the corpus reader: too many sentences is refused, nothing stored", async () => {
    const sentences = Array.from({ length: 20_001 }, (_, i) => `第${i}项工作完成。`).join("\n");
    const results = await ingestFiles([put("huge.txt", sentences), put("ok.txt", TEXT)], options);
    expect(results.map((r) => r.status)).toEqual(["refused", "added"]);
    expect(results[0]).toMatchObject({ code: "TOO_LARGE" });
    expect(results[0]?.status === "refused" && results[0].reason).toMatch(/20001 sentences, more than 20000/);
    expect(readdirSync(corpus).sort()).toEqual(["manifest.json", "ok.txt"]);
  });

  it("refuses a duplicate whatever its name, in the corpus or earlier in the batch", async () => {
    writeFileSync(join(corpus, "old.txt"), TEXT);
    const again = put("copy-of-old.txt", TEXT);
    const other = put("new.txt", "全区新建城市公园12个。\n");
    const twin = put("sub/new-again.txt", "全区新建城市公园12个。\n");
    const results = await ingestFiles([again, other, twin], options);
    expect(results.map((r) => (r.status === "refused" ? r.code : r.status))).toEqual([
      "DUPLICATE",
      "added",
      "DUPLICATE",
    ]);
    expect(results[0]).toMatchObject({ reason: expect.stringContaining("old.txt") });
    expect(results[2]).toMatchObject({ reason: expect.stringContaining("new.txt") });
  });

  it("stores a different file with a taken name under a new name, and never as a config file", async () => {
    writeFileSync(join(corpus, "report.txt"), "全区新建城市公园12个。\n");
    const results = await ingestFiles(
      [put("report.txt", TEXT), put("synonyms.txt", "全区新增养老床位1500张。\n")],
      options,
    );
    expect(results.map((r) => r.status === "added" && r.doc)).toEqual(["report-2.txt", "synonyms-2.txt"]);
    expect(existsSync(join(corpus, "synonyms.txt"))).toBe(false);
    expect(manifest().map((e) => e.file)).toEqual(["report-2.txt", "synonyms-2.txt"]);
  });

  it("keeps the other manifest entries and stops before touching anything when the manifest is broken", async () => {
    const seed = {
      file: "seed.txt",
      title: "种子",
      publisher: null,
      date: null,
      url: null,
      note: "hand-written",
    };
    writeFileSync(join(corpus, "manifest.json"), JSON.stringify({ documents: [seed] }));
    await ingestFiles([put("a.txt", TEXT)], options);
    expect(manifest()).toEqual([seed, expect.objectContaining({ file: "a.txt" })]);
    writeFileSync(join(corpus, "manifest.json"), "{ not json");
    await expect(ingestFiles([put("b.txt", "全区新建城市公园12个。\n")], options)).rejects.toThrow(
      /MANIFEST_INVALID/,
    );
    expect(existsSync(join(corpus, "b.txt"))).toBe(false);
  });

  it("throws the setup mistakes: missing corpus directory, malformed date", async () => {
    const file = put("a.txt", TEXT);
    await expect(ingestFiles([file], { ...options, corpusDir: join(corpus, "nope") })).rejects.toThrow(
      /CORPUS_MISSING: .* — create it or set CORPUS_DIR/,
    );
    await expect(ingestFiles([file], { ...options, meta: { date: "3/1/2025" } })).rejects.toThrow(
      /INPUT_INVALID/,
    );
  });
});
