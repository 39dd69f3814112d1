import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeFiles, hashCode, indexCodeVersion } from "../../src/index/code-version.js";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "code-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe("the snapshot key's code part: every file of the engine, by path and content", () => {
  it("changes when a file moves, even with the same content", () => {
    const dir = tree({ "search/rank.ts": "export const a = 1;\n", "search/places.txt": "重庆\n" });
    const before = hashCode(dir);
    mkdirSync(join(dir, "rank"));
    renameSync(join(dir, "search/rank.ts"), join(dir, "rank/rank.ts"));
    expect(hashCode(dir)).not.toBe(before);
  });

  it("changes when a word list changes, and is the same for the same tree", () => {
    const files = { "lexicon/places.txt": "重庆\n", "text/figures.ts": "export {};\n" };
    const a = tree(files);
    const b = tree(files);
    expect(hashCode(a)).toBe(hashCode(b));
    writeFileSync(join(b, "lexicon/places.txt"), "重庆 成都\n");
    expect(hashCode(b)).not.toBe(hashCode(a));
  });

  it("covers every folder of src/ without a list to keep", () => {
    const files = codeFiles(join(import.meta.dirname, "../../src"));
    for (const expected of [
      "lexicon/places.txt",
      "lexicon/synonyms.txt",
      "rank/profile.ts",
      "corpus/blocks.ts",
      "engine.ts",
    ])
      expect(files).toContain(expected);
    expect(indexCodeVersion()).toMatch(/^[0-9a-f]{64}$/);
  });
});
