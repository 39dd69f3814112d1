import { powerOfTen, scaleDecimal } from "./decimal.js";

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** Exponents of the units that multiply the digit before them inside a 万 group. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
/** Exponents of the units that close a group. */
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/** A Chinese numeral read from text: value = digits × 10^exponent, exactly. */
export interface ChineseNumeral {
  value: number;
  /** Characters consumed. */
  length: number;
  /** Value of one step of the last written digit: 二十七点八万 -> 1000, 两千 -> 1000, 三千零五 -> 1. */
  step: number;
  /** Exact decimal digits and exponent, for callers that scale further (六成 -> 6 × 10^1). */
  digits: string;
  exponent: number;
  stepExponent: number;
  /** True when 万 or 亿 was written inside the numeral. */
  grouped: boolean;
}

interface IntegerRead {
  int: bigint;
  end: number;
  placeExponent: number;
  grouped: boolean;
}

interface StructuredState {
  total: bigint;
  wan: bigint;
  section: bigint;
  digit: bigint | undefined;
  /** Exponent of the unit written just before the pending digit, for 一百五 = 150. */
  unitBefore: number | undefined;
  placeExponent: number;
  grouped: boolean;
}

/** The characters a Chinese numeral can start with: the digits and a bare 十. */
export const NUMERAL_STARTS: ReadonlySet<string> = new Set([...Object.keys(DIGITS), "十"]);
const NUMERAL_CHARS = new Set([
  ...NUMERAL_STARTS,
  ...Object.keys(SMALL_UNITS),
  ...Object.keys(BIG_UNITS),
  "点",
]);

/** True for characters that can be part of a Chinese numeral. */
export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_CHARS.has(ch);
}

/** True for the characters a Chinese numeral can start with (digits and a bare 十). */
export function startsChineseNumeral(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_STARTS.has(ch);
}

/** Reads digit-by-digit years such as 二〇二四 or 一九九八; other runs of bare digits are approximations. */
function readPositional(text: string, start: number): IntegerRead | undefined {
  let end = start;
  let digits = "";
  while (end < text.length && (text[end] ?? "") in DIGITS) {
    digits += String(DIGITS[text[end] ?? ""]);
    end++;
  }
  const run = text.slice(start, end);
  if (digits.startsWith("0") || (digits.length !== 4 && !/[〇零]/.test(run)) || digits.length < 2) {
    return undefined;
  }
  return { int: BigInt(digits), end, placeExponent: 0, grouped: false };
}

function feedDigit(state: StructuredState, digit: number, afterUnit: number | undefined): boolean {
  // A digit right after a non-zero digit ends the numeral: 十四五 reads as 十四.
  if (state.digit !== undefined && state.digit !== 0n) return false;
  state.digit = BigInt(digit);
  state.unitBefore = digit === 0 ? undefined : afterUnit;
  return true;
}

function feedSmallUnit(state: StructuredState, exponent: number, first: boolean): boolean {
  if (state.digit === undefined && exponent === 1 && first) state.digit = 1n;
  if (state.digit === undefined || state.digit === 0n) return false;
  state.section += state.digit * 10n ** BigInt(exponent);
  state.placeExponent = exponent;
  state.digit = undefined;
  return true;
}

function feedBigUnit(state: StructuredState, exponent: number): boolean {
  if (state.digit !== undefined && state.digit !== 0n) state.placeExponent = 0;
  const group = state.section + (state.digit ?? 0n);
  if (exponent === 4) {
    if (group === 0n || state.wan !== 0n) return false;
    state.wan = group * 10_000n;
  } else {
    if (group === 0n && state.wan === 0n) return false;
    state.total = (state.total + state.wan + group) * 100_000_000n;
    state.wan = 0n;
  }
  state.placeExponent += exponent;
  state.section = 0n;
  state.digit = undefined;
  state.grouped = true;
  return true;
}

function feed(state: StructuredState, text: string, pos: number, start: number): boolean {
  const ch = text[pos] ?? "";
  const previous = text[pos - 1] ?? "";
  if (ch in DIGITS) {
    const afterUnit = pos > start ? (SMALL_UNITS[previous] ?? BIG_UNITS[previous]) : undefined;
    return feedDigit(state, DIGITS[ch] ?? 0, afterUnit);
  }
  if (ch in SMALL_UNITS) return feedSmallUnit(state, SMALL_UNITS[ch] ?? 0, pos === start);
  if (ch in BIG_UNITS) return feedBigUnit(state, BIG_UNITS[ch] ?? 0);
  return false;
}

/** Reads 十五, 一百五十一, 三千零五, 一万二千, 一百五 (= 150) and the like. */
function readStructured(text: string, start: number): IntegerRead | undefined {
  const state: StructuredState = {
    total: 0n,
    wan: 0n,
    section: 0n,
    digit: undefined,
    unitBefore: undefined,
    placeExponent: 0,
    grouped: false,
  };
  let end = start;
  while (end < text.length && feed(state, text, end, start)) end++;
  if (end === start) return undefined;
  // A trailing 零 belongs to whatever follows.
  if (state.digit === 0n && end - start > 1) end--;
  const int = state.total + state.wan + state.section + placeLastDigit(state);
  return { int, end, placeExponent: state.placeExponent, grouped: state.grouped };
}

/** The pending digit's value: 一百五 means 150 and 一万二 means 12000, one place below the unit before it. */
function placeLastDigit(state: StructuredState): bigint {
  if (state.digit === undefined || state.digit === 0n) return 0n;
  const abbreviated = state.unitBefore !== undefined && state.unitBefore >= 2;
  state.placeExponent = abbreviated ? (state.unitBefore ?? 1) - 1 : 0;
  return state.digit * 10n ** BigInt(state.placeExponent);
}

function readInteger(text: string, start: number): IntegerRead | undefined {
  if (!startsChineseNumeral(text[start])) return undefined;
  const positional = readPositional(text, start);
  const structured = readStructured(text, start);
  if (positional && (!structured || positional.end > structured.end)) return positional;
  return structured;
}

/** Reads the 八 of 二十七点八 and the 万 after it, if present. */
function readFraction(text: string, start: number): { fraction: string; exponent: number; end: number } {
  let end = start;
  let fraction = "";
  while ((text[end] ?? "") in DIGITS) fraction += String(DIGITS[text[end++] ?? ""]);
  if (text.startsWith("万亿", end)) return { fraction, exponent: 12, end: end + 2 };
  const big = BIG_UNITS[text[end] ?? ""];
  return big === undefined ? { fraction, exponent: 0, end } : { fraction, exponent: big, end: end + 1 };
}

function toNumeral(
  digits: string,
  exponent: number,
  stepExponent: number,
  length: number,
  grouped: boolean,
): ChineseNumeral {
  const value = scaleDecimal(digits, exponent);
  return { value, length, step: powerOfTen(stepExponent), digits, exponent, stepExponent, grouped };
}

/** Reads the longest Chinese numeral at `start` ("二十七点八万" -> 278000, step 1000); undefined if none. */
export function readChineseNumeral(text: string, start = 0): ChineseNumeral | undefined {
  const integer = readInteger(text, start);
  if (!integer) return undefined;
  if (text[integer.end] === "点" && !integer.grouped && (text[integer.end + 1] ?? "") in DIGITS) {
    const { fraction, exponent, end } = readFraction(text, integer.end + 1);
    const digits = `${integer.int}.${fraction}`;
    return toNumeral(digits, exponent, exponent - fraction.length, end - start, exponent > 0);
  }
  const { int, placeExponent, end, grouped } = integer;
  return toNumeral(String(int), 0, placeExponent, end - start, grouped);
}

/** Parses a string that is exactly one Chinese numeral ("一百五十一" -> 151); undefined otherwise. */
export function parseChineseNumeral(text: string): number | undefined {
  const numeral = readChineseNumeral(text, 0);
  return numeral && numeral.length === text.length ? numeral.value : undefined;
}
