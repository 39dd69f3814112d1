import { beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "../../src/answer/reply.js";
import { type Statement, samePeriod } from "../../src/check/statements.js";
import { createEngine, type Engine } from "../../src/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

describe("a claim's verdict and its basis, figure by figure (check --explain)", () => {
  it.each<[string, Verdict, string]>([
    ["全市新增学位28万个", "supported", "agrees"],
    ["全市新增学位27.8万个", "supported", "agrees"],
    ["全市新增学位30万个", "contradicted", "differs"],
    ["火星新增学位3亿个", "not_found", "no-statement"],
  ])("%s -> %s (%s)", (claim, verdict, basis) => {
    const reply = engine.check(claim, { explain: true });
    expect(reply.verdict).toBe(verdict);
    expect(reply.explain?.figures[0]?.basis).toBe(basis);
  });

  it("a district's sentence is out of a city-wide claim's scope, and a qualified clause (普通高中学位) does not count", () => {
    const e = engine.check("全市新增学位28万个", { explain: true }).explain?.figures[0];
    const statements = e?.examined.filter((s) => s.outcome === "statement") ?? [];
    expect(statements.some((s) => s.figure === "27.8万个")).toBe(true);
    expect(statements.some((s) => s.text.includes("沙坪坝"))).toBe(false);
    expect(statements.some((s) => s.figure === "1.9万个")).toBe(true);
    expect(e?.exactOnly).toBe(true);
  });

  it("explains nothing unless asked", () => {
    expect(engine.check("全市新增学位28万个").explain).toBeUndefined();
    expect(engine.ask("新增学位多少").explain).toBeUndefined();
  });
});

describe("samePeriod: a claim is weighed against statements of its own period when there are any", () => {
  const s = (target: boolean) => ({ target }) as Statement;
  it.each([
    [[s(true), s(false)], false, [false]],
    [[s(true), s(false)], true, [true]],
    [[s(true)], false, [true]],
    [[], false, []],
  ])("%#", (statements, claimTarget, expected) => {
    expect(samePeriod(statements, claimTarget).map((x) => x.target)).toEqual(expected);
  });
});
