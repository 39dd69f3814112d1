import { COMPARISON_BEFORE_YEAR } from "../lexicon/period-words.js";
import type { Figure } from "./figure.js";

/** Years a sentence is about: years, dates and year ranges, without comparison bases. */
export function statedYears(norm: string, figures: Figure[]): number[] {
  const out: number[] = [];
  for (const f of figures) {
    if (f.kind !== "year" && f.kind !== "date") continue;
    if (COMPARISON_BEFORE_YEAR.test(norm.slice(Math.max(0, f.start - 2), f.start))) continue;
    const first = f.kind === "year" ? f.value : Number((f.iso ?? "").slice(0, 4));
    if (!Number.isFinite(first) || first < 1900) continue;
    const last = f.kind === "year" && f.high ? f.high : first;
    for (let y = first; y <= last && y - first < 50; y++) out.push(y);
  }
  return out;
}
