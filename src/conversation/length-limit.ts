/** Longest question or claim accepted: longer text is rarely a question and costs search time. */
export const MAX_QUESTION_LENGTH = 500;

/** A text's length as a reader counts it: code points, so an emoji or a rare hanzi counts once. */
export function textLength(text: string): number {
  return [...text].length;
}
