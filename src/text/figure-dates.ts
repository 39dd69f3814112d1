import { DURATION_AFTER } from "../lexicon/bound-words.js";
import { DATE_FOLLOWERS, RANGE_SEPARATORS, YEAR_KINDS } from "../lexicon/units.js";
import type { Figure } from "./figure.js";
import {
  asWholeNumber,
  type FigureMatch,
  type NumberCore,
  readWholeNumber,
  type WholeNumber,
} from "./figure-numbers.js";
import { boundWordBefore } from "./figure-words.js";

/** A calendar point as written; missing parts stay undefined. */
interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

// Whitespace is stripped before parsing, so "2025-04-24 07:38" arrives as "2025-04-2407:38": a one-digit
// day must not be followed by a digit, and a two-digit day stops after two.
const ISO_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{2}|\d(?!\d))/y;

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO-like text: "2024-12", "2025-02-28", "--11-19" (no year), "--12" (month), "---19" (day). */
function isoOf({ year, month, day }: DateParts): string {
  const head = year === undefined ? "-" : String(year);
  const monthPart = month === undefined ? "-" : `-${pad(month)}`;
  return day === undefined ? `${head}${monthPart}` : `${head}${monthPart}-${pad(day)}`;
}

/** Dates are valued yyyymmdd with missing parts as zero, so they sort and compare as numbers. */
function encode({ year = 0, month = 0, day = 0 }: DateParts): number {
  return year * 10_000 + month * 100 + day;
}

function dateFigure(text: string, start: number, end: number, from: DateParts, to?: DateParts): FigureMatch {
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value: encode(from),
    unit: from.day === undefined ? "月" : "日",
    kind: "date",
    bound: "exact",
    step: from.day === undefined ? 100 : 1,
    iso: to ? `${isoOf(from)}/${isoOf(to)}` : isoOf(from),
  };
  if (to) figure.high = encode(to);
  return { figure, next: end };
}

function yearFigure(text: string, start: number, end: number, years: [number, number?], unit: string) {
  const [value, high] = years;
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value,
    unit,
    kind: "year",
    bound: "exact",
    step: 1,
  };
  if (high !== undefined) figure.high = high;
  return { figure, next: end };
}

const inRange = (n: WholeNumber | undefined, lo: number, hi: number): n is WholeNumber =>
  n !== undefined && n.value >= lo && n.value <= hi;

function isYear(n: WholeNumber | undefined): n is WholeNumber {
  return inRange(n, 1900, 2100) && (n.chinese || (n.end - n.start === 4 && !n.leadingZero));
}

/** "2025-04-24", "2025/4/24". */
function matchIsoDate(text: string, pos: number): FigureMatch | undefined {
  ISO_DATE.lastIndex = pos;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [written = "", year, , month, day] = match;
  const parts = { year: Number(year), month: Number(month), day: Number(day) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return undefined;
  if (parts.year < 1900 || parts.year > 2100) return undefined;
  return dateFigure(text, pos, pos + written.length, parts);
}

/** "1—9月" or "1月至9月" after the first month has been read. */
function matchMonthRange(
  text: string,
  start: number,
  first: WholeNumber,
  year?: number,
): FigureMatch | undefined {
  const afterFirst = text[first.end] === "月" ? first.end + 1 : first.end;
  const separator = RANGE_SEPARATORS.at(text, afterFirst)?.[0];
  if (!separator) return undefined;
  const last = readWholeNumber(text, afterFirst + separator.length);
  if (!inRange(last, first.value + 1, 12) || text[last.end] !== "月") return undefined;
  return dateFigure(text, start, last.end + 1, { year, month: first.value }, { year, month: last.value });
}

/** "12月", "11月19日", "1—9月" from a number already read, optionally after a year. */
function matchMonth(text: string, month: WholeNumber | undefined, start: number, year?: number) {
  if (!inRange(month, 1, 12)) return undefined;
  const range = matchMonthRange(text, start, month, year);
  if (range || text[month.end] !== "月") return range;
  const day = readWholeNumber(text, month.end + 1);
  if (inRange(day, 1, 31) && (text[day.end] === "日" || text[day.end] === "号")) {
    return dateFigure(text, start, day.end + 1, { year, month: month.value, day: day.value });
  }
  // 六月 alone is too often part of a word or a name to count without a year or a day.
  if (month.chinese && year === undefined) return undefined;
  return dateFigure(text, start, month.end + 1, { year, month: month.value });
}

/** "2022—2025年" and "2022年至2025年". */
function matchYearRange(text: string, first: WholeNumber): FigureMatch | undefined {
  const afterFirst = text[first.end] === "年" ? first.end + 1 : first.end;
  const separator = RANGE_SEPARATORS.at(text, afterFirst)?.[0];
  if (!separator) return undefined;
  const last = readWholeNumber(text, afterFirst + separator.length);
  if (!isYear(last) || last.value <= first.value || text[last.end] !== "年") return undefined;
  return yearFigure(text, first.start, last.end + 1, [first.value, last.value], "年");
}

/** "2024年", "2024届", "2024年12月", "2025年2月28日", "二〇二四年"; a bound before it makes it a duration. */
function matchYear(text: string, year: WholeNumber, floor: number): FigureMatch | undefined {
  if (!isYear(year) || boundWordBefore(text, year.start, floor)) return undefined;
  const range = matchYearRange(text, year);
  if (range) return range;
  const { start, end, value } = year;
  if (text[end] === "届") return yearFigure(text, start, end + 1, [value], "届");
  const kind = YEAR_KINDS.find((k) => text.startsWith(k, end));
  if (kind) return yearFigure(text, start, end + kind.length, [value], "年");
  if (text[end] !== "年" || DURATION_AFTER.at(text, end + 1)) return undefined;
  if (text[end + 1] === "代") return undefined; // 2020年代 is a decade
  const dated = matchMonth(text, readWholeNumber(text, end + 1), start, value);
  return dated ?? yearFigure(text, start, end + 1, [value], "年");
}

/** "19日" with arabic digits; 一日 and the like are durations or words. */
function matchDay(text: string, day: WholeNumber): FigureMatch | undefined {
  if (!inRange(day, 1, 31) || day.chinese || text[day.end] !== "日") return undefined;
  return dateFigure(text, day.start, day.end + 1, { day: day.value });
}

/** Matches a year, a date or a month range starting with `core`; `floor` is where the previous figure ended. */
export function matchDate(text: string, core: NumberCore, floor: number): FigureMatch | undefined {
  const pos = core.start;
  // Checked first: "2025.04.24" would otherwise start with the decimal 2025.04.
  const iso = matchIsoDate(text, pos);
  if (iso) return iso;
  const first = asWholeNumber(core);
  // Most numbers are no dates; the character after them tells at once.
  if (!first || !DATE_FOLLOWERS.includes(text[first.end] ?? "_")) return undefined;
  const found = matchYear(text, first, floor) ?? matchMonth(text, first, pos) ?? matchDay(text, first);
  // Date text holds only digits, 年月日 and separators, so any numeral character means it was written in Chinese.
  if (found?.figure && /[〇零一二两三四五六七八九十]/.test(found.figure.text)) found.figure.chinese = true;
  return found;
}
