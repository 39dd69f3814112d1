import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { AppError } from "../../src/errors.js";
import { createIndex } from "../../src/index/corpus-index.js";
import { embeddedPassageIndex } from "../../src/index/embedded-passage-index.js";
import type { PassageIndex } from "../../src/index/passage-index.js";
import { loadGazetteer } from "../../src/lexicon/places.js";

/** A passage index held elsewhere (a CorpusIndex only reached through the boundary), counting its calls. */
function countingIndex(dir: string): { index: PassageIndex; calls: Record<string, number> } {
  const inner = embeddedPassageIndex(createIndex(loadGazetteer([join(dir, "places.txt")])));
  const calls: Record<string, number> = {
    search: 0,
    load: 0,
    frequencies: 0,
    documents: 0,
    add: 0,
    remove: 0,
  };
  const counted = <K extends keyof PassageIndex>(k: K) =>
    ((...args: unknown[]) => {
      calls[k] = (calls[k] ?? 0) + 1;
      return (inner[k] as (...a: unknown[]) => unknown)(...args);
    }) as PassageIndex[K];
  const index: PassageIndex = {
    add: counted("add"),
    remove: counted("remove"),
    search: counted("search"),
    load: counted("load"),
    frequencies: counted("frequencies"),
    documents: counted("documents"),
  };
  return { index, calls };
}

const NEW_DOC = "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n";

const topFigure = async (engine: Engine, q: string) => {
  const r = await engine.ask(q);
  return r.kind === "answer" ? (r.answers[0]?.figure?.text ?? null) : null;
};

let root: string;
let embedded: Engine;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "remote-"));
  embedded = await createEngine({ corpusDir: "seeds" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function remoteOverSeeds(maxFetches?: number) {
  const { index, calls } = countingIndex("seeds");
  const engine = await createEngine({ corpusDir: "seeds", passageIndex: index, maxFetches });
  await engine.sync();
  return { engine, calls, index };
}

describe("an engine over a remote passage index", () => {
  it("holds no passages: each question loads what it reads again, nothing is kept between calls", async () => {
    const { engine, calls } = await remoteOverSeeds();
    expect(engine.index).toBeNull();
    expect(engine.startup.from).toBe("passage-index");
    expect(await topFigure(engine, "新增学位多少")).toBe("27.8万个");
    const loads = calls.load ?? 0;
    const searches = calls.search ?? 0;
    expect(loads).toBeGreaterThan(0);
    expect(await topFigure(engine, "新增学位多少")).toBe("27.8万个");
    expect(calls.load).toBe(2 * loads);
    expect(calls.search).toBe(2 * searches);
  });

  it("answers concurrent questions each from its own cache, as one after the other would", async () => {
    const { engine } = await remoteOverSeeds();
    const questions = [
      "新增学位多少",
      "核实：全市新增学位27.8万个",
      "普惠率全国排第几",
      "你好",
      "火星基地多少",
    ];
    const replies = await Promise.all(
      questions.map((q) => (q.startsWith("核实") ? engine.check(q) : engine.ask(q))),
    );
    const expected = [];
    for (const q of questions)
      expected.push(q.startsWith("核实") ? await embedded.check(q) : await embedded.ask(q));
    expect(replies).toEqual(expected);
  });

  it("fails with a clear error, not a wrong answer, when a question still lacks passages after its rounds", async () => {
    // 新增学位多少 takes two fetches: its words' counts, then the search and its passages.
    const { engine } = await remoteOverSeeds(1);
    const failed = await engine.ask("新增学位多少").catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe("INDEX_UNSETTLED");
    expect((failed as AppError).message).toMatch(/after 1 fetches/);
  });

  it("syncs the corpus directory through the index: adds, re-indexes and drops documents", async () => {
    const dir = join(root, "sync");
    cpSync("seeds", dir, { recursive: true });
    const { index, calls } = countingIndex(dir);
    const engine = await createEngine({ corpusDir: dir, passageIndex: index });
    expect(engine.sources()).toEqual([]);
    const first = await engine.sync();
    expect(first.added.length).toBe(embedded.sources().length);
    expect(await engine.sync()).toMatchObject({ added: [], updated: [], removed: [] });
    const adds = calls.add;
    writeFileSync(join(dir, "yubei.txt"), NEW_DOC);
    expect((await engine.sync()).added).toEqual(["yubei.txt"]);
    expect(calls.add).toBe((adds ?? 0) + 1);
    expect(await topFigure(engine, "渝北区新增停车位多少")).toBe("1.2万个");
    writeFileSync(join(dir, "yubei.txt"), NEW_DOC.replace("1.2万个", "1.5万个"));
    expect((await engine.sync()).updated).toEqual(["yubei.txt"]);
    expect(await topFigure(engine, "渝北区新增停车位多少")).toBe("1.5万个");
    unlinkSync(join(dir, "yubei.txt"));
    expect((await engine.sync()).removed).toEqual(["yubei.txt"]);
    expect((await engine.ask("渝北区新增停车位多少")).kind).toBe("no-answer");
  });

  it("refresh() picks up what another replica synced into the same index", async () => {
    const dir = join(root, "replicas");
    cpSync("seeds", dir, { recursive: true });
    const { index } = countingIndex(dir);
    const writer = await createEngine({ corpusDir: dir, passageIndex: index });
    await writer.sync();
    const reader = await createEngine({ corpusDir: dir, passageIndex: index });
    const examples = await reader.examples();
    writeFileSync(join(dir, "yubei.txt"), NEW_DOC);
    await writer.sync();
    expect(reader.sources().map((d) => d.doc)).not.toContain("yubei.txt");
    await reader.refresh();
    expect(reader.sources().map((d) => d.doc)).toContain("yubei.txt");
    expect(await topFigure(reader, "渝北区新增停车位多少")).toBe("1.2万个");
    expect(await reader.examples()).toEqual(examples);
  });
});
