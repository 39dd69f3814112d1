import { isPunctuation, isStopword } from "../lexicon/stopwords.js";
import { cutForSearch } from "../text/segment.js";

const NUMERIC = /^[\d.,%]+$/;

/** Search tokens of a normalized text: jieba search mode, without punctuation, numbers or function words. */
export function searchTokens(norm: string): string[] {
  return cutForSearch(norm).filter(
    (t) => t.trim() !== "" && !isPunctuation(t) && !NUMERIC.test(t) && !isStopword(t),
  );
}

/** MiniSearch receives pre-segmented text: tokens joined by spaces, split again by this tokenizer. */
export function splitTokens(text: string): string[] {
  return text.split(" ").filter(Boolean);
}
