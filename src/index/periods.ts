import type { DocumentMeta, Passage } from "../corpus/types.js";
import { SECTION_NUMBER } from "../lexicon/headline-cues.js";
import {
  BASELINE_BEFORE_YEAR,
  COMPARISON_BEFORE_YEAR,
  carries,
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

/** Whether a year is written only as the start of a change ("由2020年的7.2%提升至7.4%"). */
function startsChange(norm: string, figures: Passage["figures"], year: number): boolean {
  const written = figures.filter((f) => f.kind === "year" && f.value === year);
  return (
    written.length > 0 &&
    written.every((f) => BASELINE_BEFORE_YEAR.test(norm.slice(Math.max(0, f.start - 1), f.start)))
  );
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
  const stated = statedYears(norm, figures).filter((y) => !startsChange(norm, figures, y));
  const years = [...stated, ...relativeYears(norm, year), ...five];
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

/** A paragraph that opens with a year ("2025年，全省…", "2025年是…"): it and what follows speak of that year. */
const OPENING_YEAR = /^(20\d\d)年(?:[，,]|是|以来|全年)/;

/**
 * Reads a document's passages in order, keeping the periods that carry: its headings', the one a paragraph
 * sets for the items of a list after it ("到2027年，…" then "——…"), and the one a scene-setting paragraph sets
 * for the rest of its section ("过去的五年…", "2025年，…", "今年主要预期目标是：").
 */
class PeriodReader {
  private readonly sections: Reading[] = [];
  private paragraphKey = "";
  private paragraph: Reading = NONE;
  private lead: Reading = NONE;
  private inList = false;
  private running: Reading = NONE;
  private article = -1;

  constructor(
    private readonly year: number | null,
    private readonly documentRole: PeriodRole | null,
  ) {}

  /** The period of the next passage. */
  read(p: Omit<Passage, "id">): PeriodFacts {
    if (p.paragraph === 0) this.heading(p);
    this.enterParagraph(p);
    const own = readPeriod(p.norm, this.year, p.figures);
    const section = [...this.sections].reverse().find((r) => r && (r.role || r.years.length)) ?? NONE;
    const found: Array<[Reading, PeriodSource]> = [
      [own, "sentence"],
      [this.paragraph, "paragraph"],
      [this.running, "section"],
      [section, "section"],
    ];
    const withRole = found.find(([r]) => r.role !== null);
    const role = withRole?.[0].role ?? this.documentRole;
    const source = withRole?.[1] ?? (this.documentRole ? "document" : null);
    const [carried, from] = found.find(([r]) => r.years.length > 0) ?? [NONE, null];
    // Years carried from a paragraph of the section's own role add to the section's plan span, never hide it:
    // "四是…城镇化率提升至67.5%" under "“十五五”时期主要目标任务", after a lead-in naming 2035.
    const sectionSpan = from !== "sentence" && carried.role !== null && carried.role === section.role;
    const years = sectionSpan
      ? [...new Set([...section.years, ...carried.years])].sort((a, b) => a - b)
      : carried.years;
    if (own.role || own.years.length) this.paragraph = merge(own, this.paragraph);
    if (own.role && (carries(p.norm) || this.openingYear(p))) this.running = merge(own, NONE);
    return { role, years, source };
  }

  private heading(p: Omit<Passage, "id">): void {
    const first = p.article !== this.article;
    this.article = p.article;
    const level = first ? 0 : headingLevel(p.norm);
    this.sections.length = level;
    // A document's own title ("2026年河南省政府工作报告") names it, not a period of its text.
    this.sections[level] = first
      ? { role: cueRole(p.norm, "text"), years: [] }
      : headingPeriod(p.norm, this.year);
    this.lead = NONE;
    this.running = NONE;
  }

  private enterParagraph(p: Omit<Passage, "id">): void {
    const key = `${p.article}#${p.paragraph}`;
    if (key === this.paragraphKey) return;
    this.paragraphKey = key;
    // A paragraph that is not an item leads the items after it with its period, if it has one.
    if (!this.inList) this.lead = this.paragraph.role || this.paragraph.years.length ? this.paragraph : NONE;
    this.inList = LIST_ITEM.test(p.norm);
    this.paragraph = this.inList ? this.lead : NONE;
  }

  /** A paragraph's first sentence opening with a past year ("2025年，…") sets that year for what follows. */
  private openingYear(p: Omit<Passage, "id">): boolean {
    const m = OPENING_YEAR.exec(p.norm);
    return p.sentence === 0 && !!m && this.year !== null && Number(m[1]) < this.year;
  }
}

function merge(own: Reading, before: Reading): Reading {
  return { role: own.role ?? before.role, years: own.years.length ? own.years : before.years };
}

/**
 * The period of every passage of a document, in order. Each takes its own words' cue first, then the one its
 * paragraph set before it (a list "主要预期目标是：…；…；…" keeps its lead-in's), then its section's (a heading,
 * or a scene-setting paragraph before it), then the document's (a plan's every sentence is a goal).
 */
export function documentPeriods(meta: DocumentMeta, passages: Array<Omit<Passage, "id">>): PeriodFacts[] {
  const year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  const reader = new PeriodReader(year, PLAN_TITLE.test(meta.title ?? "") ? "target" : null);
  return passages.map((p) => reader.read(p));
}
