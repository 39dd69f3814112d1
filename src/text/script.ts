import * as OpenCC from "opencc-js/t2cn";

const toCn = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * Converts traditional Chinese to simplified, keeping the length (and so every offset) unchanged:
 * if a phrase rule would change the length, the text is converted character by character instead.
 * Never the `twp` variant, which rewrites words.
 */
export function toSimplified(text: string): string {
  const whole = toCn(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const ch of text) {
    const one = toCn(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/** Searchable form of a text, and for each of its characters the index of the source character. */
export interface NormalizedText {
  norm: string;
  map: number[];
}

/**
 * NFKC (full-width digits, letters and punctuation), lower-case Latin, traditional -> simplified,
 * with a map back to the input's offsets so that a figure found in `norm` can be highlighted in the quote.
 */
export function normalizeText(text: string): NormalizedText {
  // Most sentences are already NFKC: then only lower-casing can move characters, and it rarely does.
  if (text.normalize("NFKC") === text) {
    const lower = text.toLowerCase();
    if (lower.length === text.length)
      return { norm: toSimplified(lower), map: text.split("").map((_c, i) => i) };
  }
  let nfkc = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const n = ch.normalize("NFKC").toLowerCase();
    nfkc += n;
    for (let k = 0; k < n.length; k++) map.push(i);
  }
  return { norm: toSimplified(nfkc), map };
}

/** Normalizes a query or claim: NFKC, lower case, simplified script, whitespace removed between CJK. */
export function normalizeQuery(text: string): string {
  return toSimplified(collapseSpaces(text.normalize("NFKC").toLowerCase()).trim());
}

/** Removes whitespace except a single space between two Latin letters or digits ("Bot API", not "11 月"). */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + _m.length] ?? "";
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z]/.test(after) ? " " : "";
  });
}
