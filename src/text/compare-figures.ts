import { SAME_UNITS } from "../lexicon/units.js";
import { lowestDigitPlace, roundSignificant } from "./decimal.js";
import type { Figure } from "./figure.js";

/** The true values a written figure allows, from lo to hi. */
export interface FigureInterval {
  lo: number;
  hi: number;
}

// 800余 and 8万余 reach up to the next step of their lowest written digit; 以上 has no such ceiling.
const APPROX_SUFFIX = /[\d〇零一二两三四五六七八九十百千万亿][余多几]/;

function span(lo: number, hi: number): FigureInterval {
  return { lo: roundSignificant(lo), hi: roundSignificant(hi) };
}

/** Dates are valued yyyymmdd with missing parts zero; a missing month or day allows all of them. */
function dateInterval(f: Figure, withYear: boolean): FigureInterval {
  const bounds = (value: number, fill: { month: number; day: number }) => {
    const year = withYear ? Math.floor(value / 10_000) : 0;
    const month = Math.floor(value / 100) % 100 || fill.month;
    return year * 10_000 + month * 100 + (value % 100 || fill.day);
  };
  return { lo: bounds(f.value, { month: 1, day: 1 }), hi: bounds(f.high ?? f.value, { month: 12, day: 31 }) };
}

function overCeiling(f: Figure): number {
  if (!APPROX_SUFFIX.test(f.text)) return Number.POSITIVE_INFINITY;
  return f.value + Math.max(f.step, lowestDigitPlace(f.value));
}

/**
 * The set of true values a written figure allows: exact ±step/2, 约 ±max(step/2, 5%), 近 up to 10% below,
 * 超过/以上 upwards (余/多 only to the next step of the lowest written digit), 不到/以下 down to 0.
 */
export function figureInterval(f: Figure): FigureInterval {
  if (f.kind === "rank" || f.kind === "year") return { lo: f.value, hi: f.high ?? f.value };
  if (f.kind === "date") return dateInterval(f, true);
  const low = f.value;
  const high = f.high ?? f.value;
  const half = f.step / 2;
  switch (f.bound) {
    case "exact":
      return span(low - half, high + half);
    case "about":
      return span(low - Math.max(half, Math.abs(low) * 0.05), high + Math.max(half, Math.abs(high) * 0.05));
    case "near":
      return span(Math.min(low, high - Math.max(f.step, Math.abs(high) * 0.1)), high);
    case "over":
      return span(low, overCeiling(f));
    case "under":
      return span(low > 0 ? 0 : Number.NEGATIVE_INFINITY, high);
  }
}

function canonicalUnit(unit: string): string {
  return SAME_UNITS.find((group) => group.includes(unit))?.[0] ?? unit;
}

/** Whether two figures measure in the same terms: same kind and unit ("" matches any quantity; 成 = %). */
export function unitsCompatible(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "date") return true;
  if (a.kind === "quantity" && (a.unit === "" || b.unit === "")) return true;
  return canonicalUnit(a.unit) === canonicalUnit(b.unit);
}

/** Overlap of half-open intervals: 151 [150.5, 151.5) and 150 [149.5, 150.5) merely touch and disagree. */
function intervalsOverlap(a: FigureInterval, b: FigureInterval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  // A single point (a rank, a year, 超过150 vs 150) agrees when it lies in the other interval.
  return lo < hi || (lo === hi && (a.lo === a.hi || b.lo === b.hi));
}

function datesAgree(a: Figure, b: Figure): boolean {
  const withYear = a.value >= 10_000 && b.value >= 10_000;
  const ia = dateInterval(a, withYear);
  const ib = dateInterval(b, withYear);
  const bothDays = a.high === undefined && b.high === undefined && a.value % 100 > 0 && b.value % 100 > 0;
  if (bothDays && a.value % 100 !== b.value % 100) return false;
  return ia.lo <= ib.hi && ib.lo <= ia.hi;
}

/**
 * Whether two thresholds of the same direction name the same value at the coarser one's written precision
 * ("超过2亿" and "突破2.32亿"; "不低于1小时" is not "不低于2小时").
 */
export function thresholdsAgree(a: Figure, b: Figure): boolean {
  if (!unitsCompatible(a, b)) return false;
  const exact = (f: Figure): Figure => ({ ...f, bound: "exact" });
  return intervalsOverlap(figureInterval(exact(a)), figureInterval(exact(b)));
}

/**
 * How far a rounded figure may stand from the exact one, as a share of the value: 28万 for 27.8万 (0.7%) and
 * 94.6% for 94.61% are roundings; 5% for 4.8% (4%) is another growth rate, though 4.8 rounds to 5.
 */
export const ROUNDING_SHARE = 0.01;

/** Two exactly written values agree within the coarser one's rounding, and only as far as ROUNDING_SHARE. */
function roundingAgrees(a: Figure, b: Figure): boolean {
  const tolerance = Math.min(
    Math.max(a.step, b.step) / 2,
    Math.max(Math.min(a.step, b.step) / 2, ROUNDING_SHARE * Math.max(Math.abs(a.value), Math.abs(b.value))),
  );
  return Math.abs(a.value - b.value) <= tolerance * (1 + 1e-9);
}

/**
 * Whether a claimed figure is consistent with a source figure: compatible units, the same scope for ranks,
 * and overlapping intervals, each figure at its own written precision (28万 agrees with 27.8万); two exact
 * values within the rounding of the coarser and a small share of the value.
 */
export function figuresAgree(claim: Figure, source: Figure): boolean {
  if (!unitsCompatible(claim, source)) return false;
  if (claim.scope !== undefined && source.scope !== undefined && claim.scope !== source.scope) return false;
  if (claim.kind === "date") return datesAgree(claim, source);
  // Digits say their precision; 七成 or 二十八万 are coarse by nature and keep their whole step.
  const exact = (f: Figure) =>
    f.bound === "exact" &&
    f.high === undefined &&
    !f.chinese &&
    (f.kind === "quantity" || f.kind === "percent");
  if (exact(claim) && exact(source)) return roundingAgrees(claim, source);
  return intervalsOverlap(figureInterval(claim), figureInterval(source));
}
