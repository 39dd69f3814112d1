import { PREFIX_BLOCKERS, PREFIX_BOUNDS } from "../lexicon/bound-words.js";
import type { FigureBound } from "./figure.js";

/** The bound word (约, 超过, 不到…) that ends at `pos`, unless it is the tail of another word (节约, 最近). */
export function boundWordBefore(text: string, pos: number, floor: number): [string, FigureBound] | undefined {
  const found = PREFIX_BOUNDS.before(text, pos, floor);
  const blockers = found && PREFIX_BLOCKERS.get(found[0]);
  return blockers?.includes(text[pos - (found?.[0].length ?? 0) - 1] ?? "_") ? undefined : found;
}

/** True for CJK ideographs, which glue onto the words around them; punctuation and digits do not. */
export function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** True for ASCII letters, which make a number part of a code (PM2.5, 5G, COP28). */
export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}
