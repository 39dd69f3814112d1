import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import type { CorpusIndex } from "../../src/index/corpus-index.js";
import {
  hasTermTree,
  loadMiniSearch,
  loadThroughPublicApi,
  storeMiniSearch,
} from "../../src/index/minisearch-load.js";
import { readSnapshot, writeSnapshot } from "../../src/index/snapshot-file.js";
import { embeddedIndex } from "../engine/embedded-index.js";

let root: string;
let engine: Engine;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "snapshot-"));
  engine = await createEngine({ corpusDir: "seeds" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const search = (e: CorpusIndex, words: string) =>
  e.index.search(words, { fields: ["text"] }).map((r) => [r.id, r.score.toFixed(6)]);

describe("index snapshot file", () => {
  it("restores the same passages, facts, tables and MiniSearch results, whatever the part size", () => {
    const ix = embeddedIndex(engine);
    for (const partChars of [8_000_000, 2_000]) {
      const file = join(root, `round-${partChars}.snap`);
      writeSnapshot(file, ix, "key-1", [{ file: "x.bin", reason: "binary" }], partChars);
      const back = readSnapshot(file, "key-1", ix.gazetteer);
      if (!back) throw new Error("snapshot not read back");
      expect(back.skipped).toEqual([{ file: "x.bin", reason: "binary" }]);
      expect(back.index.passages).toEqual(ix.passages);
      expect(back.index.facts).toEqual(ix.facts);
      expect([...back.index.df]).toEqual([...ix.df]);
      expect([...back.index.docs]).toEqual([...ix.docs]);
      expect([...back.index.articleYears]).toEqual([...ix.articleYears]);
      expect([...back.index.docPassages]).toEqual([...ix.docPassages]);
      expect(back.index.index.documentCount).toBe(ix.index.documentCount);
      for (const words of ["e5ad a6e4 bd8d", "学位", "新增 学位 普通 高中"])
        expect(search(back.index, words)).toEqual(search(ix, words));
    }
    // Small parts really split the long arrays.
    const small = readFileSync(join(root, "round-2000.snap"), "utf8");
    const large = readFileSync(join(root, "round-8000000.snap"), "utf8");
    expect(small.split("\n").length).toBeGreaterThan(large.split("\n").length + 50);
  });

  it("keeps a sentence's own searchable form when it differs from its text", () => {
    const traditional = embeddedIndex(engine).passages.find((p) => p.norm !== p.text);
    expect(traditional).toBeDefined();
    const file = join(root, "norm.snap");
    writeSnapshot(file, embeddedIndex(engine), "k", []);
    const back = readSnapshot(file, "k", engine.documents.gazetteer);
    expect(back?.index.passages[traditional?.id ?? -1]?.norm).toBe(traditional?.norm);
  });

  it("is refused for another corpus key, when truncated, or when it is not a snapshot", () => {
    const file = join(root, "refuse.snap");
    writeSnapshot(file, embeddedIndex(engine), "key-a", []);
    expect(readSnapshot(file, "key-b", engine.documents.gazetteer)).toBeNull();
    const whole = readFileSync(file);
    for (const cut of [10, Math.floor(whole.length / 2), whole.length - 3]) {
      writeFileSync(file, whole.subarray(0, cut));
      expect(readSnapshot(file, "key-a", engine.documents.gazetteer)).toBeNull();
    }
    // A part's bytes altered (same length): the JSON no longer parses or no longer lines up.
    const damaged = Buffer.from(whole);
    damaged.fill(0x7b, 100, 140);
    writeFileSync(file, damaged);
    expect(readSnapshot(file, "key-a", engine.documents.gazetteer)).toBeNull();
    writeFileSync(file, "not a snapshot");
    expect(readSnapshot(file, "key-a", engine.documents.gazetteer)).toBeNull();
    expect(readSnapshot(join(root, "missing.snap"), "key-a", engine.documents.gazetteer)).toBeNull();
    expect(statSync(file).size).toBe(14);
  });

  it("loads MiniSearch's postings straight into its term tree, exactly as its public loadJS would", () => {
    // The fast paths are taken: postings come term by term from the tree, not from toJSON's objects.
    expect(hasTermTree(embeddedIndex(engine).index)).toBe(true);
    const streamed = storeMiniSearch(embeddedIndex(engine).index);
    expect(Array.isArray(streamed.postings)).toBe(false);
    const stored = { ...streamed, postings: [...streamed.postings] };
    const fast = loadMiniSearch(stored);
    const slow = loadThroughPublicApi(stored);
    // The same documents, lengths and postings (the tree iterates terms in insertion order, so sort them).
    const plain = (ms: typeof fast) => {
      const json = ms.toJSON();
      return { ...json, index: [...json.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
    };
    expect(plain(fast)).toEqual(plain(embeddedIndex(engine).index));
    expect(plain(slow)).toEqual(plain(embeddedIndex(engine).index));
    expect(fast.termCount).toBe(embeddedIndex(engine).index.termCount);
    expect(hasTermTree(fast)).toBe(true);
  });

  it("takes new and changed files after a start from the snapshot", async () => {
    const dir = join(root, "corpus");
    cpSync("seeds", dir, { recursive: true });
    const snapshotFile = join(root, "live.snap");
    await createEngine({ corpusDir: dir, snapshotFile });
    const started = await createEngine({ corpusDir: dir, snapshotFile });
    expect(started.startup.from).toBe("snapshot");
    writeFileSync(
      join(dir, "parking.txt"),
      "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个。\n",
    );
    const changes = await started.sync();
    expect(changes.added).toEqual(["parking.txt"]);
    const figure = async (e: Engine, q: string) => {
      const reply = await e.ask(q);
      return reply.kind === "answer" ? reply.answers[0]?.figure?.text : null;
    };
    expect(await figure(started, "渝北区新增停车位多少")).toBe("1.2万个");
    // The snapshot written after the change holds the new document, and not the old version of a changed one.
    writeFileSync(
      join(dir, "parking.txt"),
      "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.5万个。\n",
    );
    expect((await started.sync()).updated).toEqual(["parking.txt"]);
    const restarted = await createEngine({ corpusDir: dir, snapshotFile });
    expect(restarted.startup.from).toBe("snapshot");
    expect(await figure(restarted, "渝北区新增停车位多少")).toBe("1.5万个");
    expect(await figure(restarted, "新增学位多少")).toBe("27.8万个");
    rmSync(join(dir, "parking.txt"));
    await restarted.sync();
    expect((await restarted.ask("渝北区新增停车位多少")).kind).toBe("no-answer");
  });

  it("with snapshotWrite 'later', writes nothing until flushSnapshot, then once", async () => {
    const snapshotFile = join(root, "later.snap");
    const engine = await createEngine({ corpusDir: "seeds", snapshotFile, snapshotWrite: "later" });
    expect((await engine.ask("新增学位多少")).kind).toBe("answer");
    expect(existsSync(snapshotFile)).toBe(false);
    expect(engine.startup.snapshotWriteMs).toBe(0);
    expect(engine.flushSnapshot()).toEqual([]);
    expect(existsSync(snapshotFile)).toBe(true);
    expect(engine.startup.snapshotWriteMs).toBeGreaterThan(0);
    const written = statSync(snapshotFile).mtimeMs;
    expect(engine.flushSnapshot()).toEqual([]);
    expect(statSync(snapshotFile).mtimeMs).toBe(written);
    const fromSnapshot = await createEngine({ corpusDir: "seeds", snapshotFile, snapshotWrite: "later" });
    expect(fromSnapshot.startup.from).toBe("snapshot");
    expect(fromSnapshot.flushSnapshot()).toEqual([]);
  });

  it("reports an unwritable snapshot from flushSnapshot as a warning, not an error", async () => {
    const blocker = join(root, "blocker");
    writeFileSync(blocker, "");
    const engine = await createEngine({
      corpusDir: "seeds",
      snapshotFile: join(blocker, "sub", "x.snap"),
      snapshotWrite: "later",
    });
    const warnings = engine.flushSnapshot();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("index snapshot not written");
    expect(engine.warnings).toEqual(warnings);
  });

  it("with snapshotWrite 'later', a sync leaves the new snapshot pending until flushSnapshot", async () => {
    const dir = join(root, "later-sync");
    cpSync("seeds", dir, { recursive: true });
    const snapshotFile = join(root, "later-sync.snap");
    const engine = await createEngine({ corpusDir: dir, snapshotFile, snapshotWrite: "later" });
    engine.flushSnapshot();
    const first = statSync(snapshotFile).mtimeMs;
    writeFileSync(
      join(dir, "parking.txt"),
      "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个。\n",
    );
    expect((await engine.sync()).added).toEqual(["parking.txt"]);
    expect(statSync(snapshotFile).mtimeMs).toBe(first);
    expect((await engine.sync()).added).toEqual([]);
    engine.flushSnapshot();
    expect(statSync(snapshotFile).mtimeMs).toBeGreaterThan(first);
    const restarted = await createEngine({ corpusDir: dir, snapshotFile });
    expect(restarted.startup.from).toBe("snapshot");
    const reply = await restarted.ask("渝北区新增停车位多少");
    expect(reply.kind === "answer" ? reply.answers[0]?.figure?.text : null).toBe("1.2万个");
  });
});
