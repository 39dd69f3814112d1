import type { AskCase } from "./cases.js";

/** A returned passage as scoring sees it: the displayed text, the file it comes from, the highlighted figure. */
export interface RankedText {
  text: string;
  doc: string;
  /** The highlighted figure as written (`answers[0].figures[0].text` of `ask --json`); peers highlight none. */
  figure?: string;
}

/** hit@1 / hit@3 over the answerable cases, figure@1, and how many no-answer cases got nothing back. */
export interface Quality {
  hit1: number;
  hit3: number;
  /** The top passage is a hit and its highlighted figure is the expected one (qa-score's figure@1). */
  figure1: number;
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

/** The numbers written in a string, thousands separators dropped (as qa-score reads them). */
const numbers = (s: string): string[] =>
  norm(s)
    .replace(/(\d),(?=\d{3})/g, "$1")
    .match(/\d+(?:\.\d+)?/g) ?? [];

/**
 * qa-score's figure rule: the highlighted figure's first number is one of the numbers of an expected string
 * (27.8万个 in "新增学位27.8万个"); a figure without digits is right when it and an expected string contain one another.
 */
export function isFigureRight(r: RankedText | undefined, c: AskCase): boolean {
  const f = r?.figure;
  if (!f) return false;
  const own = numbers(f)[0];
  return (c.any ?? []).some((a) =>
    own !== undefined ? numbers(a).includes(own) : norm(a).includes(norm(f)) || norm(f).includes(norm(a)),
  );
}

/** Scores a ranker: hit@1, hit@3 and figure@1 (fractions) on answerable cases; no-answer cases counted apart. */
export function scoreQuality(cases: AskCase[], rank: (q: string) => RankedText[]): Quality {
  let h1 = 0;
  let h3 = 0;
  let f1 = 0;
  let n = 0;
  let noOk = 0;
  let noN = 0;
  for (const c of cases) {
    // The CLI trims each stdin line before asking; so does the bench, so both ask the same question.
    const top = rank(c.q.trim()).slice(0, 3);
    if (c.noAnswer) {
      noN++;
      if (top.length === 0) noOk++;
      continue;
    }
    n++;
    if (isHit(top[0], c)) h1++;
    if (isHit(top[0], c) && isFigureRight(top[0], c)) f1++;
    if (top.some((r) => isHit(r, c))) h3++;
  }
  const share = (k: number): number => (n ? k / n : 0);
  return {
    hit1: share(h1),
    hit3: share(h3),
    figure1: share(f1),
    questions: n,
    noAnswerOk: noOk,
    noAnswerCases: noN,
  };
}
