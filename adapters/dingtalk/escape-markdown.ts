import type { MarkdownDialect } from "../markdown/dialect.js";
import { SAFE_URL } from "../markdown/dialect.js";

/**
 * What each character DingTalk's markdown reads as markup becomes in echoed text: its full-width look-alike.
 * DingTalk documents no escape for its markdown (neither backslashes nor entities are promised), so a mark is
 * replaced by a character that reads the same and is no mark: no text can make bold, links, code, headings,
 * quotes or HTML (<font>) of its own.
 */
export const DINGTALK_ESCAPES: Readonly<Record<string, string>> = {
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
};

const SPECIAL = new RegExp(
  `[${Object.keys(DINGTALK_ESCAPES)
    .map((c) => `\\${c}`)
    .join("")}]`,
  "g",
);
/** Marks of a heading or a list at a line's start: `#`, `-`, `+` before a space, `1.` before a space. */
const LINE_START = /^(\s*)(#+|[-+]|\d+\.)(?=\s)/gm;
const LINE_MARKS: Readonly<Record<string, string>> = { "#": "＃", "-": "－", "+": "＋", ".": "．" };

/** Escapes user or document text for DingTalk markdown. */
export function escapeDingTalk(text: string): string {
  return text
    .replace(SPECIAL, (ch) => DINGTALK_ESCAPES[ch] ?? ch)
    .replace(
      LINE_START,
      (_, space: string, mark: string) => space + mark.replace(/[#\-+.]/g, (m) => LINE_MARKS[m] ?? m),
    );
}

/** DingTalk's markdown: look-alikes for marks, **bold**, [title](url). */
export const DINGTALK_MD: MarkdownDialect = {
  escape: escapeDingTalk,
  bold: (escaped) => (escaped.trim() ? `**${escaped.trim()}**` : ""),
  link: (title, url) => (url && SAFE_URL.test(url) ? `[${title}](${url})` : title),
};
