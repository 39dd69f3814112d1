/**
 * What each character a card's markdown (lark_md, the markdown element) reads as markup becomes in echoed text:
 * the HTML entity Feishu's card documentation gives for it. `<` and `&` first of all (no text can open an
 * <at id=all> mention, a <font> tag or an entity); then the marks of bold, italic, strike, code, links and math.
 */
export const LARK_MD_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&#60;",
  ">": "&#62;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&sim;",
  "`": "&#96;",
  "[": "&#91;",
  "]": "&#93;",
  "(": "&#40;",
  ")": "&#41;",
  $: "&#36;",
  "\\": "&#92;",
};

/** Marks that make a heading or a list only at a line's start, before a space (`# `, `- `, `+ `, `1. `). */
const LINE_START_ESCAPES: Readonly<Record<string, string>> = { "#": "&#35;", "-": "&#45;", "+": "&#43;" };

const SPECIAL = new RegExp(
  `[${Object.keys(LARK_MD_ESCAPES)
    .map((c) => `\\${c}`)
    .join("")}]`,
  "g",
);
const LINE_START = /^(\s*)([#\-+])(?=\s)/gm;
const ORDERED = /^(\s*\d+)\.(?=\s)/gm;

/** Escapes user or document text for a card's lark_md: nothing in it is read as markup or a mention. */
export function escapeLarkMd(text: string): string {
  return text
    .replace(SPECIAL, (ch) => LARK_MD_ESCAPES[ch] ?? ch)
    .replace(LINE_START, (_, space: string, mark: string) => `${space}${LINE_START_ESCAPES[mark] ?? mark}`)
    .replace(ORDERED, (_, lead: string) => `${lead}&#46;`);
}

/** Bold in lark_md. Input must be escaped (it holds no `*` then). */
export function bold(escaped: string): string {
  const inner = escaped.trim();
  return inner ? `**${inner}**` : "";
}
