import type { Comparison } from "./compare.js";
import { num } from "./table.js";

/** The engine the guard divides by: plain MiniSearch + jieba, the baseline this project builds on. */
const BASELINE = "MiniSearch + plain jieba";

/** Issue 13: speed is not bought back with quality nor quality with speed — the ratio stays at or below this. */
export const RATIO_CEILING = 7;

/** This project's full-answer p50 over the baseline's bare search p50, in the same run (results.json `speedRatio`). */
export interface SpeedRatio {
  ratio: number;
  fullAnswerP50Us: number;
  baselineP50Us: number;
  at: string;
}

/** The ratio of this run (null when the baseline row is missing). */
export function measureSpeedRatio(c: Comparison, at: string): SpeedRatio | null {
  const own = c.rows[0];
  const base = c.rows.find((r) => r.name === BASELINE);
  if (!own || !base || base.p50Us <= 0) return null;
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    ratio: round(own.p50Us / base.p50Us, 2),
    fullAnswerP50Us: round(own.p50Us, 1),
    baselineP50Us: round(base.p50Us, 1),
    at,
  };
}

/** The ratio a previous run recorded in results.json (null when there is none). */
export function previousSpeedRatio(results: Record<string, unknown>): SpeedRatio | null {
  const r = results.speedRatio as Partial<SpeedRatio> | undefined;
  return typeof r?.ratio === "number" ? (r as SpeedRatio) : null;
}

/** One line: this run's ratio, its two p50s, and the previous run's ratio beside it. */
export function speedRatioLine(now: SpeedRatio, previous: SpeedRatio | null): string {
  const before = previous
    ? `previous run (${previous.at}): ${num(previous.ratio, 1)}× = ${num(previous.fullAnswerP50Us)} / ${num(previous.baselineP50Us)} µs`
    : "no previous ratio in results.json";
  return `speed guard: full-answer p50 ${num(now.fullAnswerP50Us)} µs / ${BASELINE} search p50 ${num(now.baselineP50Us)} µs = ${num(now.ratio, 1)}×; ${before}`;
}

/** The target line of the guard. */
export function speedRatioTarget(now: SpeedRatio): string {
  return `${now.ratio <= RATIO_CEILING ? "MET   " : "MISSED"} full-answer p50 / ${BASELINE} p50 ${num(now.ratio, 1)}× ≤ ${RATIO_CEILING}× (issue 13: 5–7× when it was filed)`;
}
