import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";

const root = mkdtempSync(join(tmpdir(), "retrieval-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("candidate retrieval", () => {
  it("fetches by the question's own word even when it is common and a synonym of another word is rare", async () => {
    const dir = join(root, "corpus");
    cpSync("seeds", dir, { recursive: true });
    // 新增 and 停车位 each stand in more than a fifth of all sentences; 新增's synonyms (新建, 增加…) are rare.
    const lines = Array.from(
      { length: 1500 },
      (_, i) => `渝北区第${i + 1}片区今年新增公共停车位${i + 11}个。`,
    );
    writeFileSync(join(dir, "parking.txt"), `渝北区停车设施建设\n\n${lines.join("")}\n`);
    const engine = await createEngine({ corpusDir: dir });
    const reply = await engine.ask("渝北区新增停车位多少");
    expect(reply.kind).toBe("answer");
    if (reply.kind === "answer") expect(reply.answers[0]?.quote.text).toMatch(/新增公共停车位\d+个/);
  }, 30_000);
});
