import type { DocumentMeta, Passage } from "../corpus/types.js";
import { SECTION_NUMBER } from "../lexicon/headline-cues.js";
import {
  COMPARISON_BEFORE_YEAR,
  cueRole,
  DEADLINE_YEAR,
  FIVE_YEAR_PLANS,
  type PeriodRole,
  PLAN_HEADING,
  PLAN_TITLE,
  RELATIVE_YEARS,
  REVIEW_HEADING,
} from "../lexicon/period-words.js";
import { parseFigures } from "../text/figures.js";
import { statedYears } from "../text/stated-years.js";

/** Where a passage's period came from: its own words, its paragraph's, a heading's, or the document's. */
export type PeriodSource = "sentence" | "paragraph" | "section" | "document";

/** The period a passage speaks of: its role and the years it covers (empty: not known). */
export interface PeriodFacts {
  role: PeriodRole | null;
  years: number[];
  source: PeriodSource | null;
}

/** A period read off some text: a role and years, either possibly unknown. */
interface Reading {
  role: PeriodRole | null;
  years: number[];
}

const NONE: Reading = { role: null, years: [] };

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_v, i) => from + i);

/** The years a five-year plan's name covers (十四五 = 2021–2025), for each plan named in `norm`. */
export function fiveYearSpans(norm: string): number[] {
  const out: number[] = [];
  for (const [name, first] of FIVE_YEAR_PLANS) if (norm.includes(name)) out.push(...span(first, first + 4));
  return out;
}

/** Years named relative to `year` (今年, 去年, 前年…), unless they are a comparison base ("比去年"). */
export function relativeYears(norm: string, year: number | null): number[] {
  if (year === null) return [];
  const out: number[] = [];
  for (const [word, offset] of RELATIVE_YEARS)
    for (let i = norm.indexOf(word); i >= 0; i = norm.indexOf(word, i + 1))
      if (!COMPARISON_BEFORE_YEAR.test(norm.slice(Math.max(0, i - 2), i))) out.push(year + offset);
  return out;
}

/**
 * The period of a piece of text: the first cue's role, and the years it names — written out, relative to
 * `year`, as a plan's span, or as a deadline ("到2030年").
 */
export function readPeriod(norm: string, year: number | null, figures: Passage["figures"] = []): Reading {
  // A title in 《》 names a document: its years ("规划(2024—2035年)") are not the sentence's period.
  const titles = [...norm.matchAll(/《[^》]*》/g)].map((m) => [m.index, m.index + m[0].length] as const);
  if (titles.length) {
    norm = norm.replace(/《[^》]*》/g, (m) => "　".repeat(m.length));
    figures = figures.filter((f) => !titles.some(([a, b]) => f.start >= a && f.end <= b));
  }
  let role = cueRole(norm, "text");
  const deadline = DEADLINE_YEAR.exec(norm);
  const due = deadline ? Number(deadline[1] ?? deadline[2]) : null;
  if (due !== null && (role === null || role === "target" || role === "plan"))
    role = year !== null && due <= year ? "target" : "long-range";
  const five = role === "five-year" || role === "long-range" ? fiveYearSpans(norm) : [];
  const years = [...statedYears(norm, figures), ...relativeYears(norm, year), ...five];
  if (role === "five-year" && five.length === 0 && year !== null) years.push(...planEndingBefore(year));
  return { role, years: [...new Set(years)].sort((a, b) => a - b) };
}

/** The five-year plan that ended the year before `year` ("五年来" in a 2026 report: 2021–2025). */
function planEndingBefore(year: number): number[] {
  for (const first of FIVE_YEAR_PLANS.values()) if (first + 4 === year - 1) return span(first, first + 4);
  return [];
}

/** A section heading's period: a review is a result, a plan of work a target, a later plan period a goal. */
function headingPeriod(norm: string, year: number | null): Reading {
  const read = readPeriod(norm, year, parseFigures(norm));
  const explicit = [...statedYears(norm, parseFigures(norm)), ...relativeYears(norm, year)];
  if (REVIEW_HEADING.test(norm)) return { role: "achieved", years: explicit };
  if (read.role === "long-range") return read;
  if (PLAN_HEADING.test(norm) || (year !== null && explicit.some((y) => y >= year)))
    return { role: "target", years: explicit };
  return read;
}

/** A paragraph that is an item of a list: "——立德树人成效显著提升", "一是…", "（1）…", "1.…". */
const LIST_ITEM = /^(——|—|[一二三四五六七八九十]是|[（(]\d+[）)]|\d+[.．、](?!\d)|[①-⑳])/;

/** Heading depth by its numbering: 一、 is 1, （一） 2, 1. 3; an unnumbered heading inside the text 4. */
function headingLevel(text: string): number {
  const m = SECTION_NUMBER.exec(text);
  if (!m) return 4;
  if (/^[（(]/.test(m[0])) return 2;
  if (/^\d/.test(m[0])) return 3;
  return 1;
}

/**
 * The period of every passage of a document, in order. Each takes its own words' cue first, then the one its
 * paragraph set before it (a list "主要预期目标是：…；…；…" keeps its lead-in's), then its nearest heading's,
 * then the document's (a plan's every sentence is a goal).
 */
export function documentPeriods(meta: DocumentMeta, passages: Array<Omit<Passage, "id">>): PeriodFacts[] {
  const year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  const documentRole: PeriodRole | null = PLAN_TITLE.test(meta.title ?? "") ? "target" : null;
  const sections: Reading[] = [];
  let paragraphKey = "";
  let paragraph: Reading = NONE;
  // The period a list's lead-in sets ("到2027年，…" before "——…" items), for the items that follow it.
  let lead: Reading = NONE;
  let inList = false;
  let article = -1;
  return passages.map((p) => {
    if (p.paragraph === 0) {
      const level = p.article !== article ? 0 : headingLevel(p.norm);
      article = p.article;
      sections.length = level;
      sections[level] = headingPeriod(p.norm, year);
      lead = NONE;
    }
    const key = `${p.article}#${p.paragraph}`;
    if (key !== paragraphKey) {
      paragraphKey = key;
      // A paragraph that is not an item leads the items after it with its period, if it has one.
      if (!inList) lead = paragraph.role || paragraph.years.length ? paragraph : NONE;
      inList = LIST_ITEM.test(p.norm);
      paragraph = inList ? lead : NONE;
    }
    const own = readPeriod(p.norm, year, p.figures);
    const section = [...sections].reverse().find((s) => s && (s.role || s.years.length)) ?? NONE;
    const [role, source] = own.role
      ? [own.role, "sentence" as const]
      : paragraph.role
        ? [paragraph.role, "paragraph" as const]
        : section.role
          ? [section.role, "section" as const]
          : documentRole
            ? [documentRole, "document" as const]
            : [null, null];
    const years = own.years.length ? own.years : paragraph.years.length ? paragraph.years : section.years;
    if (own.role || own.years.length)
      paragraph = { role: own.role ?? paragraph.role, years: own.years.length ? own.years : paragraph.years };
    return { role, years, source };
  });
}
