import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCorpus } from "../../src/index/build-index.js";
import { createIndex } from "../../src/index/corpus-index.js";
import { loadGazetteer } from "../../src/lexicon/places.js";

let root: string;
let corpus: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "parallel-"));
  corpus = join(root, "corpus");
  cpSync("seeds", corpus, { recursive: true });
  writeFileSync(join(corpus, "broken.pdf"), "not a pdf at all");
  writeFileSync(join(corpus, "empty.txt"), "   \n\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gazetteer = loadGazetteer([]);

describe("indexCorpus", () => {
  it("builds the same index with the worker thread as without it, files refused the same way", async () => {
    const inWorker = createIndex(gazetteer);
    const here = createIndex(gazetteer);
    const a = await indexCorpus(corpus, inWorker, { workerMinBytes: 0 });
    const b = await indexCorpus(corpus, here, { workerMinBytes: Number.POSITIVE_INFINITY });
    expect(a.worker).toBe(true);
    expect(b.worker).toBe(false);
    expect(a.skipped.map((s) => s.file)).toEqual(["broken.pdf", "empty.txt"]);
    expect(a.skipped).toEqual(b.skipped);
    expect(inWorker.passages).toEqual(here.passages);
    expect(inWorker.facts).toEqual(here.facts);
    expect([...inWorker.df]).toEqual([...here.df]);
    expect([...inWorker.docs]).toEqual([...here.docs]);
    expect([...inWorker.hashes]).toEqual([...here.hashes]);
    const words = "学位 新增 高等教育";
    const search = (ix: typeof here) =>
      ix.index.search(words, { fields: ["text"] }).map((r) => [r.id, r.score]);
    expect(search(here).length).toBeGreaterThan(10);
    expect(search(inWorker)).toEqual(search(here));
  }, 30_000);

  it("names every refused file when none is readable, with or without the worker", async () => {
    const dir = join(root, "bad");
    cpSync(join(corpus, "broken.pdf"), join(dir, "broken.pdf"));
    for (const workerMinBytes of [0, Number.POSITIVE_INFINITY])
      await expect(indexCorpus(dir, createIndex(gazetteer), { workerMinBytes })).rejects.toThrow(
        /CORPUS_EMPTY|no readable documents under .*broken\.pdf/,
      );
  }, 30_000);
});
