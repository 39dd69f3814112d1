import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { renderIngestLine } from "../../adapters/cli/ingest.js";
import { httpUrl } from "../../src/corpus/http-url.js";
import { type IngestOptions, ingestFiles } from "../../src/corpus/ingest.js";
import { safeDocumentName } from "../../src/corpus/ingest-names.js";
import { listDocumentFiles } from "../../src/corpus/load.js";

const CLOCK = () => new Date(2025, 5, 9, 10, 0, 0);
const TEXT = "某某区城市更新工作情况\n今年以来，某某区新增停车位1.2万个。\n";

let corpus: string;
let inbox: string;
let options: IngestOptions;

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), "ingest-names-"));
  corpus = join(root, "corpus");
  inbox = join(root, "inbox");
  mkdirSync(corpus);
  mkdirSync(inbox);
  options = { corpusDir: corpus, maxDocMb: 20, clock: CLOCK };
});

function put(name: string, data: string): string {
  const path = join(inbox, name);
  writeFileSync(path, data);
  return path;
}

function manifestUrls(): Array<string | null> {
  return JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")).documents.map(
    (d: { url: string | null }) => d.url,
  );
}

describe("document names", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["..txt", "document.txt"],
    [".txt", "document.txt"],
    ["...notes.md", "notes.md"],
    ["a\n✓ added evil.txt", "a ✓ added evil.txt"],
    ["\u001b[2Jclear.txt", "[2Jclear.txt"],
    ["right\u202eto-left.txt", "rightto-left.txt"],
    ["  spaced  out .txt", "spaced out.txt"],
    ["back\\slash.txt", "back_slash.txt"],
    [`${"长".repeat(100)}.txt`, `${"长".repeat(66)}.txt`],
  ])("%j is stored as %j", (wanted, stored) => {
    expect(safeDocumentName(wanted)).toBe(stored);
  });

  it("stores ..txt under a real name that the corpus indexes", async () => {
    const [r] = await ingestFiles([put("..txt", TEXT)], options);
    expect(r).toMatchObject({ status: "added", doc: "document.txt" });
    expect(listDocumentFiles(corpus)).toEqual(["document.txt"]);
  });

  it("stores a name with a newline as one line, and prints one line per file", async () => {
    const [added] = await ingestFiles([put("a\n✓ added evil.txt", TEXT)], options);
    expect(added).toMatchObject({ status: "added", doc: "a ✓ added evil.txt" });
    expect(readdirSync(corpus).sort()).toEqual(["a ✓ added evil.txt", "manifest.json"]);
    const [refused] = await ingestFiles([put("b\n✓ added x.txt", "")], options);
    for (const r of [added, refused]) {
      const line = renderIngestLine(r as NonNullable<typeof r>);
      for (const c of ["\n", "\r", "\u001b"]) expect(line).not.toContain(c);
    }
    expect(renderIngestLine(refused as NonNullable<typeof refused>)).toBe(
      "✗ refused b\\n✓ added x.txt: empty file — nothing to ingest",
    );
  });

  it("escapes control characters and direction overrides in every line", () => {
    const line = renderIngestLine({
      file: "in/\u001b]0;owned\u0007\u202eevil.txt",
      status: "refused",
      code: "NO_TEXT",
      reason: "no text \u001b[31mred",
    });
    expect(line).toBe("✗ refused \\x1b]0;owned\\x07\\u202eevil.txt: no text \\x1b[31mred");
  });
});

describe("URLs", () => {
  it("refuses a --url that is not http(s), naming it, before touching the corpus", async () => {
    const file = put("a.txt", TEXT);
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "example.gov.cn/a", "data:text/html,x"])
      await expect(ingestFiles([file], { ...options, meta: { url } })).rejects.toThrow(
        /INPUT_INVALID: url ".*" is not an http\(s\) address/,
      );
    expect(readdirSync(corpus)).toEqual([]);
  });

  it("keeps an http(s) --url", async () => {
    await ingestFiles([put("a.txt", TEXT)], { ...options, meta: { url: "http://example.gov.cn/a" } });
    expect(manifestUrls()).toEqual(["http://example.gov.cn/a"]);
  });

  it("drops an og:url that is not http(s) and keeps the rest of the page", async () => {
    const page = (url: string, n: number) =>
      `<html><head><title>通知${n}</title><meta property="og:url" content="${url}"></head>` +
      `<body><article><h1>通知${n}</h1><p>全区新增公共充电桩${n}个，覆盖全部街道。</p></article></body></html>`;
    const results = await ingestFiles(
      [
        put("a.html", page("javascript:alert(document.cookie)", 1)),
        put("b.html", page("https://x.gov.cn/b", 2)),
      ],
      options,
    );
    expect(results.map((r) => r.status)).toEqual(["added", "added"]);
    expect(manifestUrls()).toEqual([null, "https://x.gov.cn/b"]);
  });

  it.each([
    ["https://x.gov.cn/b", "https://x.gov.cn/b"],
    [" http://x.gov.cn/a?b=1 ", "http://x.gov.cn/a?b=1"],
    ["javascript:alert(1)", null],
    ["data:text/html,<script>", null],
    ["file:///etc/passwd", null],
    ["/relative/page.html", null],
    ["https://x.gov.cn/a b", null],
    ["https://x.gov.cn/\u0007", null],
    ["", null],
  ])("httpUrl(%j) = %j: the one rule for every URL the corpus keeps", (raw, kept) => {
    expect(httpUrl(raw)).toBe(kept);
  });
});
