import { cpSync, existsSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchCorpus } from "../../src/corpus/watch.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { livePassageCount } from "../../src/index/document-tables.js";

const NEW_DOC = "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "live-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function corpusCopy(name: string): string {
  const dir = join(root, name);
  cpSync("seeds", dir, { recursive: true });
  return dir;
}

const topFigure = async (engine: Engine, q: string) => {
  const r = await engine.ask(q);
  return r.kind === "answer" ? r.answers[0]?.figure?.text : null;
};

describe("corpus changes without a restart", () => {
  it("sync adds a new file, re-indexes a changed one and drops a deleted one", async () => {
    const dir = corpusCopy("sync");
    const engine = await createEngine({ corpusDir: dir });
    expect((await engine.ask("渝北区新增停车位多少")).kind).toBe("no-answer");
    writeFileSync(join(dir, "parking.txt"), NEW_DOC);
    expect(await engine.sync()).toMatchObject({ added: ["parking.txt"], updated: [], removed: [] });
    expect(await topFigure(engine, "渝北区新增停车位多少")).toBe("1.2万个");
    writeFileSync(join(dir, "parking.txt"), NEW_DOC.replace("1.2万个", "1.5万个"));
    expect(await engine.sync()).toMatchObject({ added: [], updated: ["parking.txt"] });
    expect(await topFigure(engine, "渝北区新增停车位多少")).toBe("1.5万个");
    unlinkSync(join(dir, "parking.txt"));
    expect(await engine.sync()).toMatchObject({ removed: ["parking.txt"] });
    expect((await engine.ask("渝北区新增停车位多少")).kind).toBe("no-answer");
    expect(await topFigure(engine, "新增学位多少")).toBe("27.8万个");
  });

  it("a file dropped into a watched directory becomes answerable within seconds", async () => {
    const dir = corpusCopy("watch");
    const engine = await createEngine({ corpusDir: dir });
    let synced = 0;
    const w = watchCorpus(
      dir,
      async () => {
        await engine.sync();
        synced++;
      },
      100,
    );
    try {
      writeFileSync(join(dir, "parking.txt"), NEW_DOC);
      const deadline = Date.now() + 10_000;
      while ((await topFigure(engine, "渝北区新增停车位多少")) !== "1.2万个" && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await topFigure(engine, "渝北区新增停车位多少")).toBe("1.2万个");
      expect(synced).toBeGreaterThan(0);
    } finally {
      w.close();
    }
  });
});

describe("index snapshot", () => {
  it("is written after a build, reused while the corpus is unchanged, and rebuilt when it changes", async () => {
    const dir = corpusCopy("snap");
    const snapshotFile = join(root, "snap.bin");
    const first = await createEngine({ corpusDir: dir, snapshotFile });
    expect(existsSync(snapshotFile)).toBe(true);
    const written = statSync(snapshotFile).mtimeMs;
    const again = await createEngine({ corpusDir: dir, snapshotFile });
    expect(statSync(snapshotFile).mtimeMs).toBe(written);
    expect(livePassageCount(again.documents)).toBe(livePassageCount(first.documents));
    expect(await topFigure(again, "新增学位多少")).toBe("27.8万个");
    expect((await again.check("全市新增学位3.8万个")).verdict).toBe("contradicted");
    writeFileSync(join(dir, "parking.txt"), NEW_DOC);
    const rebuilt = await createEngine({ corpusDir: dir, snapshotFile });
    expect(await topFigure(rebuilt, "渝北区新增停车位多少")).toBe("1.2万个");
  });

  it("ignores a damaged snapshot and replaces it", async () => {
    const dir = corpusCopy("damaged");
    const snapshotFile = join(root, "damaged.bin");
    writeFileSync(snapshotFile, "not a snapshot");
    const engine = await createEngine({ corpusDir: dir, snapshotFile });
    expect(await topFigure(engine, "新增学位多少")).toBe("27.8万个");
    expect(statSync(snapshotFile).size).toBeGreaterThan(1000);
  });
});
