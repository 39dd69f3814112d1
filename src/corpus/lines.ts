import { controlLength, stripControls } from "./control-chars.js";

/** A run of display characters with, for each, its offset in the original text. */
export interface MappedText {
  text: string;
  orig: number[];
}

/** A non-blank line of the original text. */
export interface Line {
  /** The line with whitespace removed (a single space kept between Latin words) and full-width alphanumerics folded. */
  body: MappedText;
  /** The raw line, trimmed: used for width and pattern tests that need the spaces. */
  raw: string;
  /** Display width of the raw line (CJK characters count 2). */
  width: number;
  /** Blank lines immediately before this one. */
  blankBefore: number;
}

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/;
const SPACE = /[\s\u3000\u00a0\ufeff]/;
const LATIN = /[A-Za-z0-9]/;

/** Folds full-width digits, letters, % and . to ASCII; leaves Chinese punctuation as written. */
function foldChar(ch: string): string {
  return FULLWIDTH_ALNUM.test(ch) ? ch.normalize("NFKC") : ch;
}

/**
 * Maps one line: drops whitespace except a single space between Latin words, folds full-width alphanumerics,
 * and drops terminal escape sequences and control characters (so no answer can print them).
 */
export function mapLine(line: string, offset: number): MappedText {
  let text = "";
  const orig: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const control = controlLength(line, i);
    if (control > 0) {
      i += control - 1;
      continue;
    }
    const ch = line[i] as string;
    if (SPACE.test(ch)) {
      let j = i;
      while (j < line.length && SPACE.test(line[j] as string)) j++;
      const before = text[text.length - 1] ?? "";
      const after = foldChar(line[j] ?? "");
      if (LATIN.test(before) && /[A-Za-z]/.test(after)) {
        text += " ";
        orig.push(offset + i);
      }
      i = j - 1;
      continue;
    }
    text += foldChar(ch);
    orig.push(offset + i);
  }
  return { text, orig };
}

/** Display width: CJK and other wide characters count 2, the rest 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Splits decoded text into its non-blank lines, each mapped to original offsets. */
export function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  const re = /[^\r\n]*(\r\n|\n|\r|$)/g;
  for (let m = re.exec(original); m && m[0].length > 0; m = re.exec(original)) {
    const rawLine = m[0].replace(/[\r\n]+$/, "");
    const body = mapLine(rawLine, m.index);
    if (body.text.trim() === "") {
      blank++;
      continue;
    }
    const raw = stripControls(rawLine).replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, "");
    lines.push({ body, raw, width: displayWidth(raw), blankBefore: blank });
    blank = 0;
  }
  return lines;
}

/** Concatenates mapped texts (joining lines broken inside a sentence). */
export function concatMapped(parts: MappedText[]): MappedText {
  return { text: parts.map((p) => p.text).join(""), orig: parts.flatMap((p) => p.orig) };
}
