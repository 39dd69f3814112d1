import type { MarkdownDialect } from "./dialect.js";
import { SAFE_URL } from "./dialect.js";

/**
 * What each character DingTalk's and WeCom's markdown read as markup becomes in echoed text: its full-width
 * look-alike. Neither platform documents an escape for its markdown (backslashes and entities are not
 * promised), so a mark is replaced by a character that reads the same and is no mark: no text can make bold,
 * links, code, headings, quotes or HTML (<font color>) of its own.
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  "*": "＊",
  _: "＿",
  "`": "｀",
  "[": "［",
  "]": "］",
  "<": "＜",
  ">": "＞",
  "~": "～",
  "\\": "＼",
  "|": "｜",
  // An entity (&lt;) would be decoded into the mark it names.
  "&": "＆",
};

const SPECIAL = new RegExp(
  `[${Object.keys(LOOK_ALIKES)
    .map((c) => `\\${c}`)
    .join("")}]`,
  "g",
);
/**
 * Marks that make markup only at a line's start: `#` (a heading, with a space after it or not), `-`, `+`, `1.`
 * and `1)` before a space (lists), and a line of nothing but `=` or `-` (a setext heading's underline).
 */
const LINE_START = /^(\s*)(#+|[-+](?=\s)|\d+[.)](?=\s)|[=-]+(?=[ \t]*$))/gm;
const LINE_MARKS: Readonly<Record<string, string>> = {
  "#": "＃",
  "-": "－",
  "+": "＋",
  ".": "．",
  ")": "）",
  "=": "＝",
};

/** Escapes user or document text for DingTalk's or WeCom's markdown. */
export function escapeLookAlike(text: string): string {
  return text
    .replace(SPECIAL, (ch) => LOOK_ALIKES[ch] ?? ch)
    .replace(
      LINE_START,
      (_, space: string, mark: string) => space + mark.replace(/[#\-+.)=]/g, (m) => LINE_MARKS[m] ?? m),
    );
}

/** DingTalk's and WeCom's markdown: look-alikes for marks, **bold**, [title](url). */
export const LOOK_ALIKE_MD: MarkdownDialect = {
  escape: escapeLookAlike,
  bold: (escaped) => (escaped.trim() ? `**${escaped.trim()}**` : ""),
  link: (title, url) => (url && SAFE_URL.test(url) ? `[${title}](${url})` : title),
};
