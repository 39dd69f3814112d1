import { fiveYearSpans, relativeYears } from "../index/periods.js";
import { cueRole, DEADLINE_YEAR, type PeriodRole } from "../lexicon/period-words.js";

/** The period a question asks about: a role (null: any, latest result first) and years (empty: any). */
export interface QuestionPeriod {
  role: PeriodRole | null;
  years: number[];
}

/** Whether a question or claim is about one year (去年, 2025年), not a plan period's span. */
export function asksOneYear(q: { years: number[]; period: QuestionPeriod }): boolean {
  return q.years.length === 1 && q.period.role !== "five-year";
}

/** The year as it is in China, where the documents' 今年 and 去年 are counted. */
export function chinaYear(today: Date): number {
  return new Date(today.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Reads a question's period: 去年/今年/前年 against `today` (the clock's date, not a document's), years written
 * out (`stated`), a plan's span (十四五 = 2021–2025), a deadline (到2030年), and goal or result words.
 */
export function questionPeriod(norm: string, stated: number[], today: Date): QuestionPeriod {
  const year = chinaYear(today);
  let role = cueRole(norm, "question");
  const deadline = DEADLINE_YEAR.exec(norm) ?? /到(20\d\d)年/.exec(norm);
  if (deadline) role = Number(deadline[1] ?? deadline[2]) > year ? "long-range" : "target";
  const relative = relativeYears(norm, year);
  const spans = role === "five-year" || role === "long-range" ? fiveYearSpans(norm) : [];
  const due = deadline ? [Number(deadline[1] ?? deadline[2])] : [];
  const years = [...new Set([...stated, ...relative, ...spans, ...due])].sort((a, b) => a - b);
  // No result of a year still to come: "2030年建成教育强市" is a goal.
  if (role === null && years.length > 0 && years.every((y) => y > year)) role = "long-range";
  return { role, years };
}
