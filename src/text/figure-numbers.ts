import { readChineseNumeral } from "./chinese-numerals.js";
import { parseDecimal, powerOfTen, scaleDecimal } from "./decimal.js";
import type { Figure } from "./figure.js";

/** A number as written, before multipliers and units: its value is digits × 10^exponent. */
export interface NumberCore {
  start: number;
  end: number;
  digits: string;
  exponent: number;
  /** Exponent of one step of the last written digit. */
  stepExponent: number;
  chinese: boolean;
  /** An arabic integer without separators ("2024"), the only way a year is written in digits. */
  plain: boolean;
  leadingZero: boolean;
  /** A Chinese numeral with 万/亿 inside, so no further multiplier may follow. */
  grouped: boolean;
}

/** What a sub-parser found at a position: maybe a figure, and where scanning resumes. */
export interface FigureMatch {
  figure?: Figure;
  next: number;
}

// Thousands groups must be exactly three digits, so "2023,2024" stays two numbers.
const ARABIC = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;

/** True for ASCII digits. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function readArabic(text: string, start: number): NumberCore | undefined {
  ARABIC.lastIndex = start;
  const written = ARABIC.exec(text)?.[0];
  if (written === undefined) return undefined;
  const digits = written.replaceAll(",", "");
  const fraction = parseDecimal(digits).fraction;
  return {
    start,
    end: start + written.length,
    digits,
    exponent: 0,
    stepExponent: -fraction,
    chinese: false,
    plain: written === digits && fraction === 0,
    leadingZero: /^0\d/.test(digits),
    grouped: false,
  };
}

/** Reads an arabic number ("1,234.5") or a Chinese numeral ("二十七点八万") at `start`. */
export function readNumberCore(text: string, start: number): NumberCore | undefined {
  if (isDigit(text[start])) return readArabic(text, start);
  const numeral = readChineseNumeral(text, start);
  if (!numeral) return undefined;
  const { digits, exponent, stepExponent, grouped, length } = numeral;
  const base = { start, end: start + length, digits, exponent, stepExponent, grouped };
  return { ...base, chinese: true, plain: false, leadingZero: false };
}

/** The core's value after a further power of ten (multiplier, 成, 千分之), exact to the written digits. */
export function coreValue(core: NumberCore, extraExponent = 0): number {
  return scaleDecimal(core.digits, core.exponent + extraExponent);
}

/** One step of the core's last written digit after a further power of ten. */
export function coreStep(core: NumberCore, extraExponent = 0): number {
  return powerOfTen(core.stepExponent + extraExponent);
}

/** A number core known to be whole, with its value. */
export type WholeNumber = NumberCore & { value: number };

/** The core as a whole number when it is one without separators or fractions (years, months, ranks). */
export function asWholeNumber(core: NumberCore | undefined): WholeNumber | undefined {
  if (!core || core.digits.includes(".") || (!core.chinese && !core.plain)) return undefined;
  return { ...core, value: coreValue(core) };
}

/** Reads a whole number at `start`: "2024", "十一", "二〇二四". */
export function readWholeNumber(text: string, start: number): WholeNumber | undefined {
  return asWholeNumber(readNumberCore(text, start));
}
