import { describe, expect, it } from "vitest";
import type { AskCase } from "../../bench/cases.js";
import { isFigureRight, isHit, scoreQuality } from "../../bench/quality.js";
import { compareOnReports } from "../../bench/reports.js";

const growth: AskCase = { id: "g", q: "广东去年GDP涨了多少", docs: ["gd_gwr2026.txt"], any: ["3.9%"] };
const jobs: AskCase = { id: "j", q: "新增学位多少", any: ["新增学位27.8万个"] };
const first: AskCase = { id: "f", q: "经济总量排第几", any: ["全国第一"] };

describe("bench scoring follows qa-score", () => {
  it.each([
    [
      "the expected string in the right file",
      growth,
      { text: "地区生产总值增长 3.9％", doc: "gd_gwr2026.txt" },
      true,
    ],
    ["the right string in another file", growth, { text: "增长3.9%", doc: "zj_gwr2026.txt" }, false],
    ["no docs named: any file", jobs, { text: "新增学位27.8万个，…", doc: "a.txt" }, true],
    ["another figure", growth, { text: "增长5.1%", doc: "gd_gwr2026.txt" }, false],
  ])("hit: %s", (_, c, r, want) => {
    expect(isHit(r, c)).toBe(want);
  });

  it.each([
    ["the figure's number stands in an expected string", jobs, "27.8万个", true],
    ["thousands separators dropped", { ...jobs, any: ["收入12345亿元"] }, "12,345亿元", true],
    ["another number", jobs, "151所", false],
    ["no digits: one text contains the other", first, "第一", true],
    ["no figure highlighted", jobs, "", false],
  ])("figure: %s", (_, c, figure, want) => {
    expect(isFigureRight({ text: "", doc: "", figure }, c)).toBe(want);
  });

  it("counts a no-answer case right only when nothing comes back, and figure@1 only on a hit", () => {
    const none: AskCase = { id: "n", q: "西藏去年GDP", noAnswer: true };
    const q = scoreQuality([growth, none], (question) =>
      question === growth.q ? [{ text: "增长3.9%", doc: "gd_gwr2026.txt", figure: "5%" }] : [],
    );
    expect(q).toMatchObject({ hit1: 1, hit3: 1, figure1: 0, questions: 1, noAnswerOk: 1, noAnswerCases: 1 });
  });
});

describe("the real-document table", () => {
  it("is skipped with the reason when the question file is absent", async () => {
    const o = await compareOnReports({ casesFile: "no/such/reports-dev.jsonl" });
    expect(o).toEqual({
      kind: "skipped",
      reason: expect.stringContaining("no/such/reports-dev.jsonl not found"),
    });
  });

  it("is skipped with the reason when no corpus directory is there", async () => {
    const o = await compareOnReports({ casesFile: "tests/golden/ask.jsonl", corpusDirs: ["no/such/dir"] });
    expect(o).toEqual({ kind: "skipped", reason: expect.stringContaining("no/such/dir") });
  });
});
