import type { AskCase } from "./cases.js";

/** A returned passage as scoring sees it: the displayed text and the file it comes from. */
export interface RankedText {
  text: string;
  doc: string;
}

/** hit@1 / hit@3 over the answerable cases, and how many no-answer cases got nothing back. */
export interface Quality {
  hit1: number;
  hit3: number;
  questions: number;
  noAnswerOk: number;
  noAnswerCases: number;
}

const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** The rule of ../shared/tools/qa-score.mjs: the text contains one of `any` and comes from one of `docs`. */
export function isHit(r: RankedText | undefined, c: AskCase): boolean {
  if (!r) return false;
  const text = norm(r.text);
  return (c.any ?? []).some((a) => text.includes(norm(a))) && (!c.docs || c.docs.includes(r.doc));
}

/** Scores a ranker: hit@1 and hit@3 (fractions) on answerable cases; no-answer cases counted apart. */
export function scoreQuality(cases: AskCase[], rank: (q: string) => RankedText[]): Quality {
  let h1 = 0;
  let h3 = 0;
  let n = 0;
  let noOk = 0;
  let noN = 0;
  for (const c of cases) {
    const top = rank(c.q).slice(0, 3);
    if (c.noAnswer) {
      noN++;
      if (top.length === 0) noOk++;
      continue;
    }
    n++;
    if (isHit(top[0], c)) h1++;
    if (top.some((r) => isHit(r, c))) h3++;
  }
  return { hit1: n ? h1 / n : 0, hit3: n ? h3 / n : 0, questions: n, noAnswerOk: noOk, noAnswerCases: noN };
}
