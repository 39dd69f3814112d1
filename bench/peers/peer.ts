import type { RankedText } from "../quality.js";

/** A passage as every engine sees it: `norm` is indexed, `text` is shown and scored. */
export interface BenchPassage {
  id: number;
  doc: string;
  text: string;
  norm: string;
}

/** One engine of the side-by-side comparison. */
export interface Peer {
  name: string;
  /** How it was set up, for the printout (tokenizer, options, fallbacks). */
  setup: string;
  /** Indexes the passages. */
  build(passages: BenchPassage[]): void | Promise<void>;
  /** The best passages for a question, best first (at most `k`). */
  search(question: string, k: number): RankedText[];
}

/** Maps result ids back to passages (ids are indexes into `passages`). */
export function toRanked(passages: BenchPassage[], ids: Array<number | string>, k: number): RankedText[] {
  const out: RankedText[] = [];
  for (const id of ids.slice(0, k)) {
    const p = passages[Number(id)];
    if (p) out.push({ text: p.text, doc: p.doc });
  }
  return out;
}
