import type { Figure } from "../text/figure.js";
import type { TermHit } from "./match-terms.js";
import type { AnswerKind } from "./query.js";

/** How well a figure answers the question: kind/unit fit and closeness to the question's words. */
export interface FigureFit {
  figure: Figure;
  /** 0..1: does the figure have the kind and unit asked for. */
  kind: number;
  /** 0..1: how close the figure stands to the matched question words, in the same clause. */
  closeness: number;
}

/** 0..1 fit of a figure's kind and unit to what the question asks (negative: not an answer at all). */
export function kindFit(f: Figure, kind: AnswerKind, unit: string | null): number {
  const temporal = f.kind === "year" || f.kind === "date";
  if (kind === "date") return temporal ? 1 : -1;
  if (temporal) return -1;
  if (kind === "rank") return f.kind === "rank" ? 1 : 0.1;
  if (f.kind === "rank") return 0.15;
  if (kind === "percent") return f.unit === "%" ? 1 : f.unit === "百分点" ? 0.6 : 0.1;
  if (unit) return f.unit === unit ? 1 : f.unit === "" ? 0.5 : 0.15;
  if (kind === "quantity") return f.unit === "%" ? 0.45 : f.chinese && f.value < 10 ? 0.3 : 0.8;
  return f.chinese && f.value < 10 ? 0.2 : 0.6;
}

const CLAUSE_BREAK = /[，,、；;：:。！？!?]/g;

/** Characters between a figure and a term occurrence, plus a toll for each clause boundary crossed. */
function gap(norm: string, f: Figure, span: [number, number]): number {
  const [from, to] = span[1] <= f.start ? [span[1], f.start] : f.end <= span[0] ? [f.end, span[0]] : [0, 0];
  const between = norm.slice(from, to);
  const breaks = between.match(CLAUSE_BREAK)?.length ?? 0;
  return between.length + 8 * breaks;
}

/** Weighted closeness of a figure to the matched question words. */
export function closeness(norm: string, f: Figure, hits: TermHit[]): number {
  let total = 0;
  let got = 0;
  for (const h of hits) {
    total += h.term.weight;
    if (h.spans.length === 0) continue;
    const d = Math.min(...h.spans.map((s) => gap(norm, f, s)));
    got += h.term.weight * h.strength * Math.exp(-d / 10);
  }
  return total === 0 ? 0 : got / total;
}

/** The figure of a passage that best answers the question, if any fits. */
export function bestFigure(
  norm: string,
  figures: Figure[],
  hits: TermHit[],
  kind: AnswerKind,
  unit: string | null,
): FigureFit | null {
  let best: FigureFit | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const f of figures) {
    const k = kindFit(f, kind, unit);
    if (k < 0) continue;
    const c = closeness(norm, f, hits);
    const score = k + 2 * c;
    if (score > bestScore) {
      best = { figure: f, kind: k, closeness: c };
      bestScore = score;
    }
  }
  return best;
}
