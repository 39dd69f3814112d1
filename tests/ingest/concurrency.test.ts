import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type IngestAdded, type IngestOptions, ingestFiles } from "../../src/corpus/ingest.js";
import { parseManifest } from "../../src/corpus/manifest.js";
import { batchInbox } from "./fixtures.js";

// Several batches at once in one process: the file lock is real, so the same code guards separate processes
// (tests/cli/ingest.test.ts runs four CLI processes at once).
const CLOCK = () => new Date(2025, 5, 9, 10, 0, 0);

let corpus: string;
let root: string;
let options: IngestOptions;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ingest-concurrent-"));
  corpus = join(root, "corpus");
  mkdirSync(corpus);
  options = { corpusDir: corpus, maxDocMb: 20, clock: CLOCK };
});

describe("concurrent ingests into one corpus", () => {
  it("keeps every added file, under its own name, with its manifest entry", async () => {
    const batches = await Promise.all(
      [0, 1, 2, 3].map((b) => ingestFiles([batchInbox(root, b, 12)], options)),
    );
    const added = batches.flat().filter((r): r is IngestAdded => r.status === "added");
    expect(added).toHaveLength(4 * 13);
    const reports = added.filter((r) => r.file.endsWith("report.txt")).map((r) => r.doc);
    expect(reports.sort()).toEqual(["report-2.txt", "report-3.txt", "report-4.txt", "report.txt"]);
    for (const r of added) expect(readFileSync(join(corpus, r.doc))).toEqual(readFileSync(r.file));
    const path = join(corpus, "manifest.json");
    const manifest = parseManifest(readFileSync(path, "utf8"), path);
    expect([...manifest.keys()].sort()).toEqual(added.map((r) => r.doc).sort());
    for (const r of added) expect(manifest.get(r.doc)?.title).toBe(r.title);
    expect(readdirSync(corpus).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("refuses the same content sent by two batches at once, once", async () => {
    const same = "某某区养老服务工作报告\n全区新增养老床位1500张。\n";
    const files = [0, 1, 2].map((b) => {
      const file = join(root, `copy-${b}.txt`);
      writeFileSync(file, same);
      return file;
    });
    const results = (await Promise.all(files.map((f) => ingestFiles([f], options)))).flat();
    expect(results.map((r) => r.status).sort()).toEqual(["added", "refused", "refused"]);
    expect(results.filter((r) => r.status === "refused").map((r) => r.code)).toEqual([
      "DUPLICATE",
      "DUPLICATE",
    ]);
  });

  it("never overwrites a file dropped into the corpus by hand under the name it picked", async () => {
    const file = join(root, "notice.txt");
    writeFileSync(file, "某某区停车设施建设情况\n某某区新增停车位1.2万个。\n");
    writeFileSync(join(corpus, "notice.txt"), "手工放入的文件。\n");
    const [r] = await ingestFiles([file], options);
    expect(r).toMatchObject({ status: "added", doc: "notice-2.txt" });
    expect(readFileSync(join(corpus, "notice.txt"), "utf8")).toBe("手工放入的文件。\n");
    expect(existsSync(join(corpus, ".ingest.lock"))).toBe(false);
  });

  it("stops the batch, naming the corpus directory, when it cannot write there", async () => {
    // Not a permission taken away (tests may run as root, which ignores it): a directory where the lock goes.
    mkdirSync(join(corpus, ".ingest.lock", "inside"), { recursive: true });
    const file = join(root, "a.txt");
    writeFileSync(file, "某某区停车设施建设情况\n某某区新增停车位1.2万个。\n");
    await expect(ingestFiles([file], options)).rejects.toThrow(
      /^CORPUS_UNWRITABLE: cannot write into the corpus directory .*corpus \(.+\) — make it writable/,
    );
    expect(readdirSync(corpus)).toEqual([".ingest.lock"]);
  });
});
