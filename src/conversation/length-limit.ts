import { parseFigures } from "../text/figures.js";
import { normalizeQuery } from "../text/script.js";

/** Longest question or claim accepted: longer text is rarely a question and costs search time. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Most figures one claim may hold: each is checked against the corpus on its own. A real claim has one to a
 * few (the golden and dev claims at most two); a paragraph of figures is several claims.
 */
export const MAX_CLAIM_FIGURES = 20;

/** A text's length as a reader counts it: code points, so an emoji or a rare hanzi counts once. */
export function textLength(text: string): number {
  return [...text].length;
}

/** How many figures a claim holds, read as the check reads them. */
export function figureCount(claim: string): number {
  return parseFigures(normalizeQuery(claim)).length;
}
