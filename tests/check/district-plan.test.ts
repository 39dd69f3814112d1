import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";

// A district's plan beside the city's results: it neither contradicts nor outranks the city-wide figure.
let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "district-plan-"));
  cpSync("seeds", dir, { recursive: true });
  writeFileSync(
    join(dir, "jiangbei-2025.txt"),
    "江北区2025年教育工作要点\n\n2025年，江北区将新建、改扩建中小学和幼儿园12所，新增学位1.2万个，进一步缓解入学压力。\n",
  );
  engine = await createEngine({ corpusDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a district's plan in the corpus", () => {
  it("is indexed (the document is there)", async () => {
    expect((await engine.ask("江北区新增学位多少")).kind).toBe("answer");
  });

  it("leaves the city-wide claim supported", async () => {
    const reply = await engine.check("核实：全市新增学位27.8万个");
    expect(reply.verdict).toBe("supported");
    expect(reply.items[0]?.evidence[0]?.figure?.text).toBe("27.8万个");
  });

  it("is not evidence against the city-wide figure", async () => {
    const reply = await engine.check("全市新增学位1.2万个");
    expect(reply.verdict).toBe("contradicted");
    expect(reply.items[0]?.evidence[0]?.figure?.text).toBe("27.8万个");
  });

  it("leaves the city-wide figure first for a question naming no place", async () => {
    const reply = await engine.ask("新增学位多少");
    if (reply.kind !== "answer") throw new Error(reply.kind);
    expect(reply.answers[0]?.figure?.text).toBe("27.8万个");
  });

  it("answers a question naming the district with the district's plan", async () => {
    const reply = await engine.ask("江北区新增学位多少");
    if (reply.kind !== "answer") throw new Error(reply.kind);
    expect(reply.answers[0]?.figure?.text).toBe("1.2万个");
  });
});
