import { beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "../../src/answer/reply.js";
import { createEngine, type Engine } from "../../src/engine.js";

// Claims over real provincial reports, one row per mechanism of the check; the clock makes 去年 2025.
let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({
    corpusDir: "tests/fixtures/gov-reports-2026",
    clock: () => new Date("2026-06-30T08:00:00Z"),
  });
});

describe("claims over real reports: verdict, basis and the figures shown", () => {
  it.each<[string, string, Verdict, string, string[]]>([
    // A goal stated as a result: the result, then the goal the claimed value was taken from.
    ["goal as result", "湖南城镇化率已达67.5%", "contradicted", "differs", ["63%", "67.5%"]],
    // One year asked: that year's statement, not the five-year total beside it (no 来源不一致).
    ["one year before five years", "河南去年城镇新增就业149.4万人", "contradicted", "differs", ["121.7万人"]],
    // 4.8 rounds to 5, but 5% is another growth rate.
    ["rounding is not a licence", "湖南2025年GDP增长5%", "contradicted", "differs", ["4.8%"]],
    // The figure whose own clause names the indicator, not the one beside it (高中毛入学率超过93%).
    ["the clause that names it", "湖北高等教育毛入学率超过七成", "supported", "agrees", ["73.4%"]],
    // A sentence naming other places after the figure's clause still states the province's figure.
    ["places in a later clause", "广东去年全社会研发投入5350亿元", "supported", "agrees", ["5350亿元"]],
    // The year before a five-year review's span: a change's baseline is its value, the result is not.
    ["the year before the span", "山东2020年人均生产总值10.26万元", "contradicted", "differs", ["7.34万元"]],
    [
      "the year before the span, right",
      "山东2020年人均生产总值7.34万元",
      "supported",
      "agrees",
      ["7.34万元"],
    ],
    // This year's figure in a report of this year is its target, not a result stated too early.
    ["this year's target", "安徽今年城镇新增就业68万人左右", "supported", "agrees", ["68万人左右"]],
    // A 分别 list of a contraction: only the figure in the claimed member's place bears it out.
    ["the member's place", "江苏农村居民人均可支配收入3.4万元", "supported", "agrees", ["3.4万元"]],
    [
      "the other member's figure",
      "江苏农村居民人均可支配收入6.9万元",
      "contradicted",
      "differs",
      ["3.4万元"],
    ],
    // An indicator no report states.
    ["not stated", "陕西2025年结婚登记20万对", "not_found", "no-statement", []],
  ])("%s: %s", async (_name, claim, verdict, basis, figures) => {
    const reply = await engine.check(claim, { explain: true });
    expect(reply.verdict).toBe(verdict);
    expect(reply.explain?.figures[0]?.basis).toBe(basis);
    expect(reply.items[0]?.evidence.map((e) => e.figure?.text)).toEqual(figures);
  });
});
