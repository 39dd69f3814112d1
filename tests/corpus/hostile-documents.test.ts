import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLimits } from "../../src/corpus/document-limits.js";
import { createDocumentReader } from "../../src/corpus/document-reader.js";
import { extractText } from "../../src/corpus/extract.js";
import { checkZipArchive } from "../../src/corpus/zip-check.js";
import { writeZip } from "../../src/corpus/zip-write.js";
import { AppError } from "../../src/errors.js";
import { makeDocx } from "../ingest/fixtures.js";
import { appendEntry, asZip64, prepend, type RawEntry, spacedEntry } from "./zip-fixtures.js";

const SENTENCE = "今年以来，某某区新增停车位1.2万个，改造老旧小区86个。";
const MB = 2 ** 20;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const e = await run.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** A real DOCX with one more entry added: `mb` megabytes of one repeated byte (a few KB compressed). */
async function docxWith(entry: string, mb: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await makeDocx(["某某区城市更新工作情况", SENTENCE]));
  const filler = Buffer.alloc(mb * MB, 0x20);
  if (entry === "docProps/core.xml")
    filler.write('<?xml version="1.0"?><cp:coreProperties><dc:title>t</dc:title>');
  zip.file(entry, filler, { compression: "DEFLATE" });
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** Rewrites every central-directory entry's declared inflated size (a zip may lie about it). */
function declareSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

/** The DOCX's own word/document.xml with `mb` MB of spaces after its XML declaration: still a valid document. */
async function paddedDocument(mb: number): Promise<RawEntry> {
  const zip = await JSZip.loadAsync(await makeDocx([SENTENCE]));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const cut = xml.indexOf("?>") + 2;
  return spacedEntry("word/document.xml", xml.slice(0, cut), mb, xml.slice(cut));
}

const nested = (depth: number) =>
  `<html><body>${"<div>".repeat(depth)}<p>${SENTENCE}</p>${"</div>".repeat(depth)}</body></html>`;

describe("a DOCX is inflated only within the limit", () => {
  it("refuses a small DOCX holding a large entry before it is inflated (a zip bomb)", async () => {
    const bomb = await docxWith("word/media/padding.bin", 24);
    expect(bomb.byteLength).toBeLessThan(MB);
    const e = await refusal(extractText(bomb, "bomb.docx", resolveLimits({ inflatedMb: 16 })));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toContain("bomb.docx: inflates to more than 16 MB");
  });

  it("stops inflating when the output passes the limit even when the declared sizes lie", async () => {
    const liar = declareSizes(await docxWith("word/media/padding.bin", 24), 100);
    const e = await refusal(extractText(liar, "liar.docx", resolveLimits({ inflatedMb: 16 })));
    expect(e.message).toContain("inflates to more than 16 MB");
  });

  it("refuses a DOCX whose core properties inflate past the limit instead of adding it", async () => {
    const bomb = await docxWith("docProps/core.xml", 24);
    const e = await refusal(extractText(bomb, "core.docx", resolveLimits({ inflatedMb: 16 })));
    expect(e.message).toContain("core.docx: inflates to more than 16 MB");
  });

  it("refuses by the declared sizes alone with the default limits (1 GiB declared)", async () => {
    const e = await refusal(extractText(declareSizes(await makeDocx([SENTENCE]), 2 ** 30), "big.docx"));
    expect(e.message).toMatch(/inflates to more than \d+ MB/);
  });

  it("still reads an ordinary DOCX", async () => {
    const { text } = await extractText(await makeDocx(["某某区城市更新工作情况", SENTENCE]), "ok.docx");
    expect(text).toContain("新增停车位1.2万个");
  });
});

describe("what mammoth reads of a DOCX is what was checked", () => {
  const small = resolveLimits({ inflatedMb: 16 });

  it("refuses the reviewer's DOCX: its end record counts 1 part and hides a 400 MB word/document.xml", async () => {
    const hidden = appendEntry(await makeDocx([SENTENCE]), await paddedDocument(400), 1);
    expect(hidden.byteLength).toBeLessThan(MB);
    writeFileSync(join(dir, "hidden.docx"), hidden);
    const reader = createDocumentReader();
    const e = await refusal(reader.read(dir, "hidden.docx"));
    expect(e.code).toBe("UNDECODABLE");
    expect(e.message).toMatch(/hidden\.docx: its end record counts 1 part but its directory holds \d+ — /);
    await reader.close();
  });

  it("refuses an archive whose end record counts fewer parts than it holds, even a readable one", async () => {
    const hidden = appendEntry(await makeDocx([SENTENCE]), await paddedDocument(24), 3);
    const e = await refusal(extractText(hidden, "count.docx", small));
    expect(e.message).toMatch(/count\.docx: its end record counts 3 parts but its directory holds \d+/);
  });

  it("refuses a ZIP64 archive (a DOCX never needs one) instead of passing it on unchecked", async () => {
    const e = await refusal(extractText(asZip64(await makeDocx([SENTENCE])), "z64.docx", small));
    expect(e.code).toBe("UNDECODABLE");
    expect(e.message).toContain("z64.docx: a ZIP64 archive");
  });

  it("reads an archive whose complete classic end record comes with a ZIP64 record it does not need", async () => {
    const text = await extractText(asZip64(await makeDocx([SENTENCE]), "complete"), "z64ok.docx", small);
    expect(text.text).toContain(SENTENCE);
  });

  it("reads an archive with an empty deflated part (no bytes at all), as Word's reader does", async () => {
    const empty = { name: "customXml/item1.xml", crc: 0, size: 0, data: new Uint8Array(0) };
    const text = await extractText(appendEntry(await makeDocx([SENTENCE]), empty), "empty-part.docx", small);
    expect(text.text).toContain(SENTENCE);
  });

  it("refuses an archive whose offsets are off (bytes before it) instead of passing it on unchecked", async () => {
    const shifted = prepend(appendEntry(await makeDocx([SENTENCE]), await paddedDocument(24)), 1000);
    const e = await refusal(extractText(shifted, "stub.docx", small));
    expect(e.code).toBe("UNDECODABLE");
    expect(e.message).toContain("stub.docx: its directory is not where its end record says");
  });

  it("refuses an archive with a damaged part instead of leaving it to mammoth", async () => {
    const docx = await makeDocx([SENTENCE]);
    const bytes = appendEntry(docx, { ...(await paddedDocument(1)), data: new Uint8Array(64).fill(0xff) });
    const e = await refusal(extractText(bytes, "damaged.docx", small));
    expect(e.code).toBe("UNDECODABLE");
    expect(e.message).toContain("damaged.docx: its part word/document.xml is damaged");
  });

  it("hands mammoth an archive of the checked parts alone, each as it was", async () => {
    const docx = await makeDocx([SENTENCE], { title: "城市更新" });
    const rebuilt = await JSZip.loadAsync(writeZip(await checkZipArchive(docx, "ok.docx", small)));
    const original = await JSZip.loadAsync(docx);
    expect(Object.keys(rebuilt.files)).toEqual(Object.keys(original.files));
    for (const name of Object.keys(original.files))
      expect(await rebuilt.file(name)?.async("string")).toBe(await original.file(name)?.async("string"));
  });

  it("still reads a DOCX whose second word/document.xml (read by mammoth) is within the limit", async () => {
    const twice = appendEntry(await makeDocx(["旧的正文。"]), await paddedDocument(1));
    const { text } = await extractText(twice, "twice.docx", small);
    expect(text).toContain("新增停车位1.2万个");
  });
});

describe("HTML is held to element and depth limits before Readability", () => {
  it("refuses a page nested deeper than the limit, naming the depth", async () => {
    const e = await refusal(extractText(new TextEncoder().encode(nested(1500)), "deep.html"));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/deep\.html: nests elements \d+ levels deep, more than 1000/);
  });

  it("reads a page too deep for Readability as its body text", async () => {
    const limits = resolveLimits({ readabilityDepth: 20 });
    const { text } = await extractText(new TextEncoder().encode(nested(100)), "nested.html", limits);
    expect(text).toContain(SENTENCE);
  });

  it("refuses a page with more tags than the limit before parsing it", async () => {
    const page = `<html><body>${`<p>${SENTENCE}</p>`.repeat(500)}</body></html>`;
    const limits = resolveLimits({ htmlElements: 100 });
    const e = await refusal(extractText(new TextEncoder().encode(page), "many.html", limits));
    expect(e.message).toContain("many.html: has 502 tags, more than 100");
  });
});

describe("documents are parsed in a worker with time and memory limits", () => {
  it("terminates a parse that takes longer than the limit and says so; the next document is read", async () => {
    writeFileSync(join(dir, "slow.html"), `<html><body><p>${SENTENCE}</p></body></html>`);
    const slow = createDocumentReader({ parseSeconds: 0.001 });
    const e = await refusal(slow.read(dir, "slow.html"));
    expect(e.message).toContain("slow.html: took longer than 0.001 s to read");
    await slow.close();
    const reader = createDocumentReader();
    expect((await reader.read(dir, "slow.html")).passages.map((p) => p.text)).toContain(SENTENCE);
    await reader.close();
  });

  it("refuses a document that needs more memory than the limit, and this process carries on", async () => {
    writeFileSync(join(dir, "huge.txt"), `${"某某区新增停车位1.2万个。".repeat(20_000)}\n`.repeat(10));
    const reader = createDocumentReader({ parseMemoryMb: 64 });
    const e = await refusal(reader.read(dir, "huge.txt"));
    expect(e.message).toContain("huge.txt: needs more than 64 MB to read");
    writeFileSync(join(dir, "small.html"), `<html><body><p>${SENTENCE}</p></body></html>`);
    expect((await reader.read(dir, "small.html")).passages.length).toBeGreaterThan(0);
    await reader.close();
  });

  it("refuses a file over the size limit before reading it", async () => {
    writeFileSync(join(dir, "large.txt"), `${SENTENCE}\n`.repeat(30_000));
    const reader = createDocumentReader({ fileMb: 1 });
    const e = await refusal(reader.read(dir, "large.txt"));
    expect(e.message).toContain("large.txt: 2.23 MB is over the 1 MB limit");
    expect(reader.parses).toBe(0);
  });

  it("refuses a document with more sentences than the limit (its indexing would hold the bot)", async () => {
    writeFileSync(
      join(dir, "long.txt"),
      `某某区工作情况\n${`${SENTENCE}\n`.repeat(3)}${"新建道路12公里。".repeat(10)}\n`,
    );
    const reader = createDocumentReader({ passages: 5 });
    const e = await refusal(reader.read(dir, "long.txt"));
    expect(e.message).toMatch(/long\.txt: \d+ sentences, more than 5 — split it into several files/);
    await reader.close();
  });

  it("remembers a refusal by content: an unchanged file is not parsed again, a changed one is", async () => {
    const reader = createDocumentReader({ htmlElements: 10 });
    const page = (n: number) => `<html><body>${`<p>${SENTENCE}</p>`.repeat(n)}</body></html>`;
    writeFileSync(join(dir, "refused.html"), page(20));
    const first = await refusal(reader.read(dir, "refused.html"));
    expect(reader.parses).toBe(1);
    const again = await refusal(reader.read(dir, "refused.html"));
    expect(again.message).toBe(first.message);
    expect(reader.parses).toBe(1);
    writeFileSync(join(dir, "refused.html"), page(2));
    expect((await reader.read(dir, "refused.html")).passages.length).toBeGreaterThan(0);
    expect(reader.parses).toBe(2);
    await reader.close();
  });
});
