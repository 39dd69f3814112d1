import { describe, expect, it } from "vitest";
import { questionPeriod } from "../../src/query/question-period.js";
import { normalizeQuery } from "../../src/text/script.js";

const TODAY = new Date("2026-06-30T08:00:00Z");

/** The years a question states in digits ("2025年"), as analyzeQuery hands them over. */
const statedYears = (q: string) => [...q.matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));

describe("questionPeriod: the role and years a question or claim asks about, against an injected today", () => {
  it.each<[string, string | null, number[]]>([
    ["广东去年GDP增长多少", "achieved", [2025]],
    ["河南前年粮食产量多少", "achieved", [2024]],
    ["湖南今年GDP增长目标", "target", [2026]],
    ["江苏十四五新增就业一共多少", "five-year", [2021, 2022, 2023, 2024, 2025]],
    ["湖南十五五城镇化率目标", "long-range", [2026, 2027, 2028, 2029, 2030]],
    ["到2030年城镇化率达到多少", "long-range", [2030]],
    // A result cannot be claimed for a year still to come: a goal.
    ["重庆将在2030年建成教育强市", "long-range", [2030]],
    ["2025年粮食产量多少", null, [2025]],
    ["贵州常住人口城镇化率已经达到63%", "achieved", []],
    ["新增学位多少", null, []],
  ])("%s -> %s %j", (question, role, years) => {
    const norm = normalizeQuery(question);
    expect(questionPeriod(norm, statedYears(norm), TODAY)).toEqual({ role, years });
  });
});
