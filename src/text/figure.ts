/** What a figure measures. */
export type FigureKind = "quantity" | "percent" | "rank" | "year" | "date";

/**
 * How the written figure bounds the true value: `exact` (as precise as written), `about` (约/左右/上下),
 * `near` (近/将近/接近: close to and not above), `over` (超/超过/逾/余/多/以上/不低于/不少于/至少),
 * `under` (不到/不足/低于/少于/以下/不超过/至多).
 */
export type FigureBound = "exact" | "about" | "near" | "over" | "under";

/** A figure found in text: its written form, its value after multipliers, its unit and its bounds. */
export interface Figure {
  /** The figure as written in the parsed text, bound words included: "27.8万个", "800余所", "全国第6". */
  text: string;
  /** Offsets of `text` in the parsed string. */
  start: number;
  end: number;
  /** Value after 万/亿/千 multipliers: 27.8万 -> 278000; percent in points (63.5% -> 63.5); rank -> 6; year -> 2024. */
  value: number;
  /** Upper end of a range ("1—2项" -> value 1, high 2); absent for single values. */
  high?: number;
  /** Unit after the multiplier is folded in: "个", "元", "%", "百分点", "所", "人次", "年", "名" (rank)... "" if none. */
  unit: string;
  kind: FigureKind;
  bound: FigureBound;
  /** Value of one step of the last written digit: 27.8万 -> 1000, 151 -> 1, 93.06% -> 0.01, 六成 -> 10. */
  step: number;
  /** For ranks and some figures: the scope written before it ("全国", "西部", "全市"); absent otherwise. */
  scope?: string;
  /** For dates: ISO-like text ("2024-12", "2025-02-28", "--11-19"). */
  iso?: string;
  /** True when the number was written in Chinese numerals (六所, 二十七点八万). */
  chinese?: boolean;
}
