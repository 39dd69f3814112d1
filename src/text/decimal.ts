/**
 * Exact decimal helpers. Figures are scaled by powers of ten on the digit string, never by multiplying
 * doubles, so "4.52万" becomes 45200 and not 45199.99999999999.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A decimal as an integer mantissa and a count of fraction digits: "27.8" -> { 278n, 1 }. */
export interface DecimalParts {
  mantissa: bigint;
  fraction: number;
}

/** Splits a digit string ("27.8", "1,234", "0.415") into mantissa and fraction digits; throws on other text. */
export function parseDecimal(digits: string): DecimalParts {
  const match = DECIMAL.exec(digits.replaceAll(",", ""));
  if (!match) throw new RangeError(`not a decimal digit string: "${digits}"`);
  const fraction = match[2] ?? "";
  return { mantissa: BigInt(`${match[1]}${fraction}`), fraction: fraction.length };
}

/** 10^exponent as a double; parsed from text so 1e-2 is exactly the double nearest 0.01. */
export function powerOfTen(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** digits × 10^exponent, rounded once from the exact decimal: scaleDecimal("27.8", 4) === 278000. */
export function scaleDecimal(digits: string, exponent: number): number {
  const { mantissa, fraction } = parseDecimal(digits);
  return Number(`${mantissa}e${exponent - fraction}`);
}

/** The value of one step of the last written digit after scaling: ("27.8", 4) -> 1000, ("93.06", 0) -> 0.01. */
export function decimalStep(digits: string, exponent: number): number {
  return powerOfTen(exponent - parseDecimal(digits).fraction);
}

/** Place value of the lowest non-zero digit: 800 -> 100, 80000 -> 10000, 15000 -> 1000, 1.5 -> 0.1. */
export function lowestDigitPlace(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 1;
  // toExponential() without digits prints the shortest round-tripping mantissa, so no float noise leaks in.
  const [mantissa = "0", exponent = "0"] = Math.abs(value).toExponential().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return powerOfTen(Number(exponent) - fraction);
}

/** Rounds to 12 significant digits, so interval ends like 93.1 + 0.05 and 93.2 - 0.05 compare equal. */
export function roundSignificant(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}
