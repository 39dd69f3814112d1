import { beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "../../src/answer/reply.js";
import { type ClaimPeriod, type Statement, samePeriod } from "../../src/check/statements.js";
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
  ])("%s -> %s (%s)", async (claim, verdict, basis) => {
    const reply = await engine.check(claim, { explain: true });
    expect(reply.verdict).toBe(verdict);
    expect(reply.explain?.figures[0]?.basis).toBe(basis);
  });

  it("a district's sentence is out of a city-wide claim's scope, and a qualified clause (普通高中学位) does not count", async () => {
    const e = (await engine.check("全市新增学位28万个", { explain: true })).explain?.figures[0];
    const statements = e?.examined.filter((s) => s.outcome === "statement") ?? [];
    expect(statements.some((s) => s.figure === "27.8万个")).toBe(true);
    expect(statements.some((s) => s.text.includes("沙坪坝"))).toBe(false);
    expect(statements.some((s) => s.figure === "1.9万个")).toBe(true);
    expect(e?.exactOnly).toBe(true);
  });

  it("explains nothing unless asked", async () => {
    expect((await engine.check("全市新增学位28万个")).explain).toBeUndefined();
    expect((await engine.ask("新增学位多少")).explain).toBeUndefined();
  });
});

describe("samePeriod: a claim is weighed against statements of its own period", () => {
  const s = (target: boolean, role: Statement["role"] = target ? "target" : "achieved") =>
    ({ target, role }) as Statement;
  const result = { target: false, stated: true, oneYear: false };
  const goal = { target: true, stated: true, oneYear: false };
  const lastYear = { target: false, stated: true, oneYear: true };
  const timeless = { target: false, stated: false, oneYear: false };
  it.each<[string, Statement[], ClaimPeriod, Array<[boolean, Statement["role"]]>]>([
    ["a result: the results", [s(true), s(false)], result, [[false, "achieved"]]],
    ["a goal: the goals", [s(true), s(false)], goal, [[true, "target"]]],
    ["a result, only goals stated: nothing to weigh", [s(true)], result, []],
    ["a goal, only results stated: the results", [s(false)], goal, [[false, "achieved"]]],
    [
      "one year: that year's results before a five-year passage's",
      [s(false, "five-year"), s(false)],
      lastYear,
      [[false, "achieved"]],
    ],
    ["one year, only a five-year passage: it", [s(false, "five-year")], lastYear, [[false, "five-year"]]],
    ["no period named, only goals stated: the goals", [s(true)], timeless, [[true, "target"]]],
    ["nothing", [], result, []],
  ])("%s", (_name, statements, claim, expected) => {
    expect(samePeriod(statements, claim).map((x) => [x.target, x.role])).toEqual(expected);
  });
});
