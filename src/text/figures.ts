import { ABOUT_BLOCKERS, APPROX_MARKS, RECENT_UNITS, SUFFIX_BOUNDS } from "../lexicon/bound-words.js";
import { OPEN_QUOTES } from "../lexicon/punctuation.js";
import {
  ARABIC_UNITS,
  CHENG_BLOCKERS,
  CHINESE_MULTIPLIERS,
  MULTIPLIERS,
  PERCENT_OF,
  RANGE_SEPARATORS,
  UNIT_BLOCKERS,
  UNITS,
} from "../lexicon/units.js";
import { isChineseNumeralChar, NUMERAL_STARTS } from "./chinese-numerals.js";
import type { Figure, FigureBound } from "./figure.js";
import { matchDate } from "./figure-dates.js";
import {
  coreStep,
  coreValue,
  type FigureMatch,
  isDigit,
  type NumberCore,
  readNumberCore,
} from "./figure-numbers.js";
import { matchFirstPlace, matchRank } from "./figure-ranks.js";
import { boundWordBefore, isLatinLetter } from "./figure-words.js";

/** A number with its multiplier and unit, before bound words. */
interface Quantity {
  core: NumberCore;
  /** Power of ten added by 万/亿/千, 成 or ‰. */
  exponent: number;
  multiplied: boolean;
  /** 多/余/几 written right after the number or its multiplier: 800余, 8万余, 十多. */
  approx: boolean;
  kind: "quantity" | "percent";
  unit: string;
  end: number;
}

type UnitRead = Pick<Quantity, "kind" | "unit" | "exponent" | "end">;

// Scanning tests every character, so the test works on char codes rather than one-character strings.
const START_CODES = new Set([..."0123456789第首百千万", ...NUMERAL_STARTS].map((ch) => ch.charCodeAt(0)));
/** Clock times and ratios (07:38, 1:2) are never figures. */
const TIME_OR_RATIO = /\d+:\d+(?::\d+)?/y;
/** Chinese ordinals written without 第 and terms of art that merely look like counts. */
const CHINESE_IDIOM = /^(?:[一二三四五六七八九十]+(?:届\p{Script=Han}|年一贯|年义务)|二元|二次|三元)/u;

function readMultiplier(text: string, pos: number, core: NumberCore): [string, number] | undefined {
  if (core.grouped) return undefined;
  const found = MULTIPLIERS.at(text, pos);
  if (!found || (core.chinese && !CHINESE_MULTIPLIERS.has(found[0]))) return undefined;
  // 5千米 is five kilometres, not 5000 metres.
  const unit = UNITS.at(text, pos)?.[0];
  return unit && unit.length > found[0].length ? undefined : found;
}

function readPercentUnit(text: string, pos: number, core: NumberCore, multiplied: boolean) {
  const percent = (unit: string, exponent: number, length: number): UnitRead => {
    return { kind: "percent", unit, exponent, end: pos + length };
  };
  if (text[pos] === "%") return percent("%", 0, 1);
  if (text[pos] === "‰") return percent("%", -1, 1);
  const points = text.startsWith("个百分点", pos) ? 4 : text.startsWith("百分点", pos) ? 3 : 0;
  if (points) return percent("百分点", 0, points);
  const tenths = text[pos] === "成" && !multiplied && coreValue(core) <= 10;
  if (tenths && !CHENG_BLOCKERS.includes(text[pos + 1] ?? "_")) return percent("%", 1, 1);
  return undefined;
}

/** The unit at `pos`: a percent form, a listed unit, "" for none; undefined when the number is no figure. */
function readUnit(text: string, pos: number, core: NumberCore, multiplied: boolean): UnitRead | undefined {
  const percent = readPercentUnit(text, pos, core, multiplied);
  if (percent) return percent;
  if (UNIT_BLOCKERS.at(text, pos)) return undefined;
  const units = core.chinese ? UNITS : ARABIC_UNITS;
  let unit = units.at(text, pos)?.[0] ?? "";
  // A letter after the number makes it a code (5G, 4K) unless it spells a unit (km); 5min is no km.
  if (isLatinLetter(text[pos + unit.length])) return undefined;
  const per = unit && text[pos + unit.length] === "/" ? units.at(text, pos + unit.length + 1)?.[0] : "";
  if (per) unit = `${unit}/${per}`;
  return { kind: "quantity", unit, exponent: 0, end: pos + unit.length };
}

function readQuantity(text: string, core: NumberCore | undefined): Quantity | undefined {
  if (!core) return undefined;
  let end = core.end;
  let approx = APPROX_MARKS.includes(text[end] ?? "_");
  if (approx) end++;
  const multiplier = readMultiplier(text, end, core);
  if (multiplier) end += multiplier[0].length;
  if (multiplier && !approx && "多余".includes(text[end] ?? "_")) {
    approx = true;
    end++;
  }
  let unit = readUnit(text, end, core, multiplier !== undefined);
  if (!unit) return undefined;
  // 1个多月 is "over a month": the 多 sits inside the unit 个月.
  if (
    unit.unit === "个" &&
    !approx &&
    "多余".includes(text[unit.end] ?? "_") &&
    text[unit.end + 1] === "月"
  ) {
    unit = { ...unit, unit: "个月", end: unit.end + 2 };
    approx = true;
  }
  const exponent = unit.exponent + (multiplier?.[1] ?? 0);
  return { ...unit, core, exponent, multiplied: multiplier !== undefined, approx };
}

/** The second end of "1—2项", "2至3岁", "3至5万人", "30%-50%", if one follows. */
function readRangeEnd(text: string, left: Quantity): Quantity | undefined {
  if (left.approx) return undefined;
  const separator = RANGE_SEPARATORS.at(text, left.end)?.[0];
  if (!separator) return undefined;
  const right = readQuantity(text, readNumberCore(text, left.end + separator.length));
  if (!right || right.approx || (left.unit !== "" && left.unit !== right.unit)) return undefined;
  // 023-63862222 is a telephone number (a leading zero on the left already ruled the number out).
  if (right.core.leadingZero) return undefined;
  return lowEnd(left, right) < coreValue(right.core, right.exponent) ? right : undefined;
}

/** "3至5万" means 3万 to 5万, so a bare low end borrows the high end's multiplier when that keeps it lower. */
function lowExponent(left: Quantity, right: Quantity): number {
  if (left.unit !== "" || left.multiplied) return left.exponent;
  const borrowed = coreValue(left.core, right.exponent);
  return borrowed < coreValue(right.core, right.exponent) ? right.exponent : left.exponent;
}

function lowEnd(left: Quantity, right: Quantity): number {
  return coreValue(left.core, lowExponent(left, right));
}

function readSuffixBound(text: string, pos: number, approx: boolean): [string, FigureBound] | undefined {
  const found = SUFFIX_BOUNDS.at(text, pos);
  if (!found || (approx && (found[0] === "多" || found[0] === "余"))) return undefined;
  return found[0] === "上下" && ABOUT_BLOCKERS.includes(text[pos + 2] ?? "_") ? undefined : found;
}

function readPrefixBound(text: string, pos: number, floor: number, last: Pick<Quantity, "unit" | "core">) {
  const prefix = boundWordBefore(text, pos, floor);
  if (prefix?.[1] === "near" && RECENT_UNITS.has(last.unit) && coreValue(last.core) <= 10) return undefined;
  return prefix;
}

/** One bound from the written words; contradicting words (近8万余) leave only "about". */
function combineBounds(bounds: (FigureBound | undefined)[]): FigureBound {
  const written = [...new Set(bounds.filter((b): b is FigureBound => b !== undefined && b !== "exact"))];
  if (written.length === 0) return "exact";
  return written.length === 1 ? (written[0] ?? "exact") : "about";
}

/** Chinese numerals count only as clear quantities: 六所, 十多万, 六成; never 一体化, 十四五, “两个确立”. */
function isChineseFigure(text: string, left: Quantity, last: Quantity, ranged: boolean): boolean {
  const { core } = left;
  if (isChineseNumeralChar(text[core.end]) || OPEN_QUOTES.includes(text[core.start - 1] ?? "_")) return false;
  if (CHINESE_IDIOM.test(text.slice(core.start, core.start + 8))) return false;
  const counted = last.unit !== "" || last.multiplied || core.grouped;
  // A lone 一 is an article far more often than a count: 一批, 一项, 一次.
  const lone = !ranged && text.slice(core.start, core.end) === "一" && !last.multiplied;
  return counted && !(lone && last.kind !== "percent");
}

function matchQuantity(text: string, core: NumberCore, floor: number): FigureMatch | undefined {
  const pos = core.start;
  const left = readQuantity(text, core);
  // 06 and 000 are codes or list labels, not amounts.
  if (!left || left.core.leadingZero) return undefined;
  const right = readRangeEnd(text, left);
  const last = right ?? left;
  const chinese = left.core.chinese || (right?.core.chinese ?? false);
  if (chinese && !isChineseFigure(text, left, last, right !== undefined)) return undefined;
  const suffix = readSuffixBound(text, last.end, last.approx);
  const prefix = readPrefixBound(text, pos, floor, last);
  const start = pos - (prefix?.[0].length ?? 0);
  const end = last.end + (suffix?.[0].length ?? 0);
  const exponent = right ? lowExponent(left, right) : left.exponent;
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value: coreValue(left.core, exponent),
    unit: last.unit,
    kind: last.kind,
    step: Math.min(coreStep(left.core, exponent), coreStep(last.core, last.exponent)),
    bound: combineBounds([prefix?.[1], suffix?.[1], last.approx ? "over" : undefined]),
  };
  if (right) figure.high = coreValue(right.core, right.exponent);
  if (chinese) figure.chinese = true;
  return { figure, next: end };
}

/** 百分之八十 -> 80 %, 千分之一 -> 0.1 %, 百分之百 -> 100 %. */
function matchPercentOf(text: string, pos: number, floor: number): FigureMatch | undefined {
  const [word, exponent] = PERCENT_OF.at(text, pos) ?? ["", 0];
  if (!word) return undefined;
  const whole = text[pos + word.length] === "百";
  // 百分之百 is all of it, exactly, so it reads as 100 with a step of 1.
  const core = readNumberCore(whole ? "100" : text, whole ? 0 : pos + word.length);
  if (!core) return undefined;
  const coreEnd = whole ? pos + word.length + 1 : core.end;
  const suffix = readSuffixBound(text, coreEnd, false);
  const prefix = readPrefixBound(text, pos, floor, { core, unit: "%" });
  const start = pos - (prefix?.[0].length ?? 0);
  const end = coreEnd + (suffix?.[0].length ?? 0);
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value: coreValue(core, exponent),
    unit: "%",
    kind: "percent",
    step: coreStep(core, exponent),
    bound: combineBounds([prefix?.[1], suffix?.[1]]),
  };
  if (core.chinese || whole) figure.chinese = true;
  return { figure, next: end };
}

/** Past the digits, letters and numeral characters of a number that is no figure, so its tail is not read. */
function skipRun(text: string, pos: number): number {
  const inRun = isDigit(text[pos])
    ? (ch: string | undefined) => isDigit(ch) || isLatinLetter(ch) || ch === "." || ch === ","
    : isChineseNumeralChar;
  let end = pos;
  while (end < text.length && inRun(text[end])) end++;
  return end;
}

function skipTimeOrRatio(text: string, pos: number): FigureMatch | undefined {
  TIME_OR_RATIO.lastIndex = pos;
  const time = TIME_OR_RATIO.exec(text);
  return time ? { next: pos + time[0].length } : undefined;
}

function matchAt(text: string, pos: number, floor: number): FigureMatch | undefined {
  if (!START_CODES.has(text.charCodeAt(pos))) return undefined;
  const ch = text[pos];
  if (ch === "第") return matchRank(text, pos, floor);
  if (ch === "首") return matchFirstPlace(text, pos, floor);
  if (ch === "百" || ch === "千" || ch === "万") return matchPercentOf(text, pos, floor);
  const time = skipTimeOrRatio(text, pos);
  if (time) return time;
  const before = text[pos - 1];
  const inCode = isLatinLetter(before) || (before === "-" && isLatinLetter(text[pos - 2]));
  if (isDigit(ch) && (inCode || isDigit(before) || before === ".")) return { next: skipRun(text, pos) };
  const core = readNumberCore(text, pos);
  const found = core && (matchDate(text, core, floor) ?? matchQuantity(text, core, floor));
  return found ?? { next: skipRun(text, pos) };
}

/**
 * Finds the figures in NFKC-normalised, simplified, whitespace-free text, in order and without overlap:
 * quantities with 万/亿 folded in, percentages, 成, ranges, bounds (约/近/超过/余/以上…), ranks, years, dates.
 * Dates carry `iso` and are valued yyyymmdd with missing parts as zero (11月19日 -> 1119).
 */
export function parseFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  let pos = 0;
  let floor = 0;
  while (pos < text.length) {
    const match = matchAt(text, pos, floor);
    if (match?.figure) {
      figures.push(match.figure);
      floor = match.figure.end;
    }
    pos = match ? Math.max(match.next, pos + 1) : pos + 1;
  }
  return figures;
}

/**
 * The text with each figure replaced by a space, built in one pass (cutting the figures out one by one copied
 * the text once per figure: the square of a long claim).
 */
export function blankFigures(text: string, figures: readonly Figure[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of figures) {
    parts.push(text.slice(at, f.start), " ");
    at = f.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
