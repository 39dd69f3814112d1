import { CHANGE_TO, RESTATING } from "../lexicon/figure-words.js";
import { CHANGE_FROM, SPAN_FIGURE_BEFORE } from "../lexicon/period-words.js";
import { CLAUSE_END, spanBetween } from "../lexicon/punctuation.js";
import type { Figure } from "../text/figure.js";

/** When a figure of a sentence stands: the year written before it in its clause, and whether it is a baseline. */
export interface FigureTime {
  /** "从2020年的53.2%提升到2025年的57.7%": 2020 for 53.2%, 2025 for 57.7%; null when its clause names none. */
  year: number | null;
  /** The A of "由A增至B" / "从A提高到B": where a change started, not where it ended. */
  baseline: boolean;
  /** A total or an average over years ("年均增长5.9%", "累计…"), no single year's value. */
  span: boolean;
}

/** The year a figure is about and whether it is a baseline, from the words of its clause. */
export function figureTime(norm: string, figures: Figure[], f: Figure): FigureTime {
  const [start] = spanBetween(norm, f.start, f.end, CLAUSE_END);
  let year: number | null = null;
  for (const g of figures) {
    if (g.start < start || g.end > f.start) continue;
    if (g.kind === "year" && !g.high) year = g.value;
    else if (g.kind === "date" && g.iso && /^\d{4}/.test(g.iso)) year = Number(g.iso.slice(0, 4));
  }
  const before = norm.slice(start, f.start);
  const from = Math.max(...CHANGE_FROM.map((w) => before.lastIndexOf(w)));
  const baseline = from >= 0 && CHANGE_TO.test(norm.slice(f.end)) && !/[，,；;]/.test(before.slice(from));
  const span = SPAN_FIGURE_BEFORE.test(before);
  return { year, baseline, span };
}

/**
 * The baseline of the change whose result `f` is ("从1795亿元增加到5260亿元": 1795亿元 for 5260亿元), if any: the
 * value right before it in its clause, written as a baseline.
 */
export function changeBaseline(norm: string, figures: Figure[], f: Figure): Figure | null {
  // The years of "从2020年的A提升到2025年的B" date the values; they are not the values.
  let g: Figure | undefined;
  for (let i = figures.indexOf(f) - 1; i >= 0 && !g; i--) {
    const h = figures[i] as Figure;
    if (h.kind !== "year" && h.kind !== "date") g = h;
  }
  if (!g || /[，,；;。]/.test(norm.slice(g.end, f.start))) return null;
  return figureTime(norm, figures, g).baseline ? g : null;
}

/**
 * The value a rank ranks ("一般公共预算收入…8865亿元，跃居全国第3位": 8865亿元 for 全国第3位): the value just
 * before it, at most one clause mark and a few words away.
 */
export function rankedValue(norm: string, figures: Figure[], f: Figure): Figure | null {
  if (f.kind !== "rank") return null;
  let g: Figure | undefined;
  for (let i = figures.indexOf(f) - 1; i >= 0 && !g; i--) {
    const h = figures[i] as Figure;
    if (h.kind !== "year" && h.kind !== "date" && h.kind !== "rank") g = h;
  }
  return g && /^[，,、]?[^，,、；;。]{0,6}$/.test(norm.slice(g.end, f.start)) ? g : null;
}

/**
 * The figure an exact value restates ("地方一般公共预算收入突破4000亿元、达到4211亿元": 突破4000亿元 for 4211亿元):
 * the value just before it, in the same unit, joined by a linking verb alone.
 */
export function restatedFigure(norm: string, figures: Figure[], f: Figure): Figure | null {
  const i = figures.indexOf(f);
  const g = i > 0 ? figures[i - 1] : undefined;
  if (!g || g.kind !== f.kind || g.unit !== f.unit) return null;
  return RESTATING.test(norm.slice(g.end, f.start)) ? g : null;
}
