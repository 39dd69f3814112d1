import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { prepareCorpus } from "../../src/corpus/prepare-corpus.js";

let root: string;
let seeds: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "prepare-corpus-"));
  seeds = join(root, "seeds");
  cpSync("seeds", seeds, { recursive: true });
});

/** The configuration of DATA_DIR=`data` with the default corpus, over the seeds of this test. */
function defaults(data: string) {
  return { ...parseConfig({ DATA_DIR: data }), corpusSeedDir: seeds };
}

describe("prepareCorpus", () => {
  it("creates the default corpus in DATA_DIR as a copy of the seeds, once", () => {
    const config = defaults(join(root, "data"));
    const prepared = prepareCorpus(config, "write");
    expect(prepared).toEqual({ dir: join(root, "data", "corpus"), warning: null });
    expect(readdirSync(prepared.dir).sort()).toEqual(readdirSync("seeds").sort());
    writeFileSync(join(prepared.dir, "mine.txt"), "用户的文件。\n");
    expect(prepareCorpus(config, "read").dir).toBe(prepared.dir);
    expect(readdirSync(prepared.dir)).toContain("mine.txt");
    expect(readdirSync(join(root, "data"))).toEqual(["corpus"]);
  });

  it("carries over a setup that ingested into seeds/: its files and manifest come along", () => {
    writeFileSync(join(seeds, "ingested.txt"), "以前导入到 seeds 的文件。\n");
    const manifest = JSON.parse(readFileSync(join(seeds, "manifest.json"), "utf8"));
    manifest.documents.push({
      file: "ingested.txt",
      title: "旧导入",
      publisher: null,
      date: null,
      url: null,
    });
    writeFileSync(join(seeds, "manifest.json"), JSON.stringify(manifest));
    const { dir } = prepareCorpus(defaults(join(root, "data")), "write");
    expect(readdirSync(dir)).toContain("ingested.txt");
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toContain("旧导入");
  });

  it("leaves a CORPUS_DIR set explicitly as it is, even missing", () => {
    const config = parseConfig({ CORPUS_DIR: join(root, "mine"), DATA_DIR: join(root, "data") });
    expect(prepareCorpus(config, "write")).toEqual({ dir: join(root, "mine"), warning: null });
    expect(readdirSync(root)).toEqual(["seeds"]);
  });

  it("reads the seeds with a warning when DATA_DIR cannot be written, and refuses to write", () => {
    const file = join(root, "not-a-dir");
    writeFileSync(file, "");
    const config = defaults(join(file, "data"));
    const read = prepareCorpus(config, "read");
    expect(read.dir).toBe(seeds);
    expect(read.warning).toMatch(/cannot create the corpus directory .* answering from .*seeds\/ as shipped/);
    expect(() => prepareCorpus(config, "write")).toThrow(
      /CORPUS_MISSING: cannot create the corpus directory .* — make DATA_DIR writable or set CORPUS_DIR/,
    );
  });

  it("never makes an empty corpus when the seeds are missing (it would stay empty): says so instead", () => {
    const config = { ...defaults(join(root, "data")), corpusSeedDir: join(root, "none") };
    for (const purpose of ["read", "write"] as const)
      expect(() => prepareCorpus(config, purpose)).toThrow(
        /CORPUS_MISSING: the shipped seeds .*none are missing, so the corpus .* cannot be made from them/,
      );
    expect(existsSync(config.CORPUS_DIR)).toBe(false);
  });

  it("refuses to ingest into the shipped seeds when an old setup still sets CORPUS_DIR=seeds", () => {
    const config = parseConfig({ CORPUS_DIR: "seeds", DATA_DIR: join(root, "data") });
    expect(prepareCorpus(config, "read").dir).toBe("seeds"); // answering from them is fine
    expect(() => prepareCorpus(config, "write")).toThrow(
      /CORPUS_UNWRITABLE: CORPUS_DIR is the shipped .*seeds\//,
    );
  });
});
